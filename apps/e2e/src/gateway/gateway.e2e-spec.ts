import { allEndpoints } from '@lib/contracts';
import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

import { appPids } from '../support/stack';
import { signAccessToken } from '../support/tokens';


describe('X-Request-ID', () => {
  it('echoes a sane client id on success and on errors', async () => {
    const ok = await gateway.get('/api/v1/system/health', { headers: { 'x-request-id': 'client-req-000001' } });
    expect(ok.headers['x-request-id']).toBe('client-req-000001');
    const missing = await gateway.get('/api/v1/no-such-route', { headers: { 'x-request-id': 'client-req-000002' } });
    expect(missing.headers['x-request-id']).toBe('client-req-000002');
    expect(expectErrorEnvelope(missing, 404, 'NOT_FOUND').requestId).toBe('client-req-000002');
  });

  it('replaces an unsafe id with a generated one', async () => {
    const res = await gateway.get('/api/v1/system/health', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('routing errors', () => {
  it('answers 404 in the envelope for an unknown route', async () => {
    expectErrorEnvelope(await gateway.get('/api/v1/public/planets'), 404, 'NOT_FOUND');
  });

  it('answers 405 with Allow when the path exists with another method', async () => {
    const res = await gateway.delete('/api/v1/public/countries/CH');
    expectErrorEnvelope(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers['allow']).toBe('GET');
  });

  it('serves catalogue paths with and without the trailing slash', async () => {
    const withSlash = await gateway.get('/api/v1/public/currencies/', { query: { limit: 1 } });
    const without = await gateway.get('/api/v1/public/currencies', { query: { limit: 1 } });
    expectContract(withSlash, 'GET', '/api/v1/public/currencies/');
    expect(without.body).toEqual(withSlash.body);
  });
});

describe('secure routes', () => {
  it('ask for credentials before revealing whether a route exists', async () => {
    expectErrorEnvelope(await gateway.get('/api/v1/secure/anything'), 401, 'UNAUTHORIZED');
  });

  it('refuse a token signed with another secret, or expired', async () => {
    const forged = signAccessToken({}, { secret: 'another-secret-of-at-least-32-characters!' });
    expectErrorEnvelope(await gateway.get('/api/v1/secure/anything', { token: forged }), 401, 'UNAUTHORIZED');
    const expired = signAccessToken({}, { expiresIn: -10 });
    expectErrorEnvelope(await gateway.get('/api/v1/secure/anything', { token: expired }), 401, 'UNAUTHORIZED');
  });

  it('answer 404 to a valid token on a route that does not exist', async () => {
    expectErrorEnvelope(await gateway.get('/api/v1/secure/anything', { token: signAccessToken() }), 404, 'NOT_FOUND');
  });
});

describe('request bodies', () => {
  const token = () => signAccessToken();

  it('answers 400 for malformed JSON', async () => {
    const res = await gateway.post('/api/v1/secure/anything', '{"name": ', {
      token: token(),
      headers: { 'content-type': 'application/json' },
    });
    expectErrorEnvelope(res, 400, 'BAD_REQUEST');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await gateway.post('/api/v1/secure/anything', '<name/>', {
      token: token(),
      headers: { 'content-type': 'application/xml' },
    });
    expectErrorEnvelope(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 for a body over the limit without reading it', async () => {
    const res = await gateway.post('/api/v1/secure/anything', { blob: 'x'.repeat(1_100_000) }, { token: token() });
    expectErrorEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('validation', () => {
  it('answers 422 listing every failing field', async () => {
    const res = await gateway.get('/api/v1/public/countries/', { query: { limit: 0, offset: -1, colour: 'red' } });
    const body = expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    const fields = (body.details?.['fields'] as { field: string; location: string }[]).map((f) => `${f.location}.${f.field}`);
    expect(fields.sort()).toEqual(['query.colour', 'query.limit', 'query.offset']);
  });
});

describe('security headers and CORS', () => {
  it('sets the usual API security headers', async () => {
    const res = await gateway.get('/api/v1/system/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
  });

  it('allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      gateway.request('OPTIONS', '/api/v1/public/countries/CH', {
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    const allowed = await preflight(process.env['E2E_CORS_ORIGIN'] as string);
    expect(allowed.headers['access-control-allow-origin']).toBe(process.env['E2E_CORS_ORIGIN']);
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('GET /metrics', () => {
  it('answers 401 in the envelope without the metrics token', async () => {
    expectErrorEnvelope(await gateway.get('/metrics'), 401, 'UNAUTHORIZED');
    expectErrorEnvelope(await gateway.get('/metrics', { token: 'wrong-token-wrong-token' }), 401, 'UNAUTHORIZED');
  });

  it('reports HTTP and NATS metrics to the metrics token', async () => {
    await gateway.get('/api/v1/public/countries/CH');
    const res = await gateway.get('/metrics', { token: process.env['E2E_METRICS_TOKEN'] });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/public\/countries\/:isoCode",status="200"\} \d+/);
    expect(res.text).toMatch(/nats_request_duration_seconds_count\{subject="tenancy\.countries\.get",outcome="ok"\} \d+/);
    expect(res.text).toContain('process_cpu_seconds_total');
  });
});

describe('OpenAPI', () => {
  it('documents exactly the declared endpoints at /api/docs-json', async () => {
    const res = await gateway.get('/api/docs-json');
    expect(res.status).toBe(200);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(allEndpoints.map((e) => `${e.method} ${e.path} ${e.id}`).sort());
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await gateway.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('a service that does not answer in time', () => {
  it('answers 504 after RPC_TIMEOUT_MS, and serves again once the service resumes', async () => {
    const pid = appPids()['tenancy'] as number;
    process.kill(pid, 'SIGSTOP');
    try {
      const res = await gateway.get('/api/v1/public/countries/CH');
      expectErrorEnvelope(res, 504, 'GATEWAY_TIMEOUT');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expectContract(await gateway.get('/api/v1/public/countries/CH'), 'GET', '/api/v1/public/countries/{isoCode}');
  });
});
