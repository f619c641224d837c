import { endpoint } from '../endpoint';
import type { PostAuthRegisterBody } from '../generated';
import type { GetCountriesByIsoCodeResponse, ResponseBodies } from '../generated/responses';
import { getSystemHealth } from '../system/system.contract';
import { getCountry, listCountries } from '../tenancy/reference-data.contract';
import { buildUrl, createPlatformClient, serializeQuery, type CallRequest, type SuccessBodyOf } from './platform-client';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records what it was asked and answers `response`. */
function stubFetch(response: () => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const stub = (async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
    });
    return response();
  }) as unknown as typeof fetch;
  return { fetch: stub, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

class TestBody {
  email: string;
  tags?: string[];
}

const createThing = endpoint({
  id: 'tenancy.things.create',
  method: 'POST',
  path: '/api/v1/secure/things/{thingId}/files/{*}',
  access: 'authenticated',
  status: 201,
  body: TestBody,
});

describe('buildUrl', () => {
  it('substitutes and encodes path parameters', () => {
    expect(buildUrl('http://gw:3000', '/api/v1/public/countries/{isoCode}', { isoCode: 'a b/c?' })).toBe(
      'http://gw:3000/api/v1/public/countries/a%20b%2Fc%3F',
    );
  });

  it('keeps the slashes of a {*} parameter and encodes each segment', () => {
    expect(buildUrl('http://gw', '/x/{id}/files/{*}', { id: 7, '*': 'dir one/ü.txt' })).toBe(
      'http://gw/x/7/files/dir%20one/%C3%BC.txt',
    );
  });

  it('refuses a missing path parameter', () => {
    expect(() => buildUrl('http://gw', '/x/{id}', {})).toThrow('path parameter id is missing');
  });

  it('joins base URL and path without doubling slashes, and keeps a base path prefix', () => {
    expect(buildUrl('http://gw/prefix/', '/api/v1/system/info')).toBe('http://gw/prefix/api/v1/system/info');
  });
});

describe('serializeQuery', () => {
  it('encodes values, joins arrays with commas and leaves out empty values', () => {
    expect(
      serializeQuery({
        limit: 10,
        search: 'a&b c',
        ids: ['x,y', 'z'],
        empty: [],
        none: undefined,
        nothing: null,
        flag: false,
        since: new Date('2024-05-06T07:08:09Z'),
      }),
    ).toBe('limit=10&search=a%26b%20c&ids=x%2Cy,z&flag=false&since=2024-05-06T07%3A08%3A09.000Z');
  });
});

describe('createPlatformClient', () => {
  it('sends the declared method and path with query, auth and JSON headers', async () => {
    const { fetch, sent } = stubFetch(() => json(200, { ok: true }));
    const client = createPlatformClient({ baseUrl: 'http://gw', token: 't0k', apiKey: 'k3y', headers: { 'X-Tenant': 'a' }, fetch });

    const response = await client.call(listCountries, { query: { search: 'sw', limit: 5 } });

    expect(response).toEqual({ ok: true, status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { ok: true } });
    expect(sent).toEqual([
      {
        url: 'http://gw/api/v1/public/countries/?search=sw&limit=5',
        method: 'GET',
        headers: { accept: 'application/json', authorization: 'Bearer t0k', 'x-api-key': 'k3y', 'x-tenant': 'a' },
        body: undefined,
      },
    ]);
  });

  it('sends a JSON body and lets per-call headers win, whatever their case', async () => {
    const { fetch, sent } = stubFetch(() => json(201, { id: 1 }));
    const client = createPlatformClient({ baseUrl: 'http://gw', token: 'old', fetch });

    await client.call(createThing, {
      params: { thingId: 'a/b', '*': 'x/y' },
      body: { email: 'a@example.com', tags: ['t'] },
      headers: { Authorization: 'Bearer new', 'X-Request-ID': 'r1' },
    });

    expect(sent[0]).toEqual({
      url: 'http://gw/api/v1/secure/things/a%2Fb/files/x/y',
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer new',
        'x-request-id': 'r1',
      },
      body: '{"email":"a@example.com","tags":["t"]}',
    });
  });

  it('answers error statuses with ok false and the error envelope', async () => {
    const envelope = { error: 'NOT_FOUND', message: 'No such country.', statusCode: 404, timestamp: '2024-01-01T00:00:00Z' };
    const { fetch } = stubFetch(() => json(404, envelope));

    const response = await createPlatformClient({ baseUrl: 'http://gw', fetch }).call(getCountry, { params: { isoCode: 'XX' } });

    expect(response.ok).toBe(false);
    expect(response.status).toBe(404);
    if (!response.ok) expect(response.body.error).toBe('NOT_FOUND');
  });

  it('gives an empty body as undefined and a non-JSON body as text', async () => {
    const empty = stubFetch(() => new Response(null, { status: 204 }));
    const text = stubFetch(() => new Response('a,b\n1,2', { status: 200, headers: { 'content-type': 'text/csv' } }));

    expect((await createPlatformClient({ baseUrl: 'http://gw', fetch: empty.fetch }).call(getSystemHealth)).body).toBeUndefined();
    expect((await createPlatformClient({ baseUrl: 'http://gw', fetch: text.fetch }).call(getSystemHealth)).body).toBe('a,b\n1,2');
  });

  it('derives a client with other options', async () => {
    const { fetch, sent } = stubFetch(() => json(200, {}));
    const anonymous = createPlatformClient({ baseUrl: 'http://gw', token: 't', fetch }).with({ token: undefined });

    await anonymous.call(getSystemHealth, { query: { level: 'ready' } });

    expect(sent[0].headers).toEqual({ accept: 'application/json' });
    expect(sent[0].url).toBe('http://gw/api/v1/system/health?level=ready');
  });
});

// Compile-time checks (tsc -p tsconfig.json type-checks specs; jest only runs them).
describe('types', () => {
  it('type the success body from the catalogue and the request from the declaration', async () => {
    const { fetch } = stubFetch(() => json(200, {}));
    const client = createPlatformClient({ baseUrl: 'http://gw', fetch });

    const response = await client.call(getCountry, { params: { isoCode: 'CH' }, query: { language: 'de' } });
    if (response.ok) {
      const body: GetCountriesByIsoCodeResponse = response.body;
      const same: ResponseBodies['GET /api/v1/public/countries/{isoCode}'] = body;
      expect(same).toEqual({});
    }

    const register: CallRequest<typeof createThing>['body'] = { email: 'x' };
    const success: SuccessBodyOf<typeof createThing> = 'anything: not in the catalogue, so unknown';
    const registerBody: PostAuthRegisterBody = { email: 'a@b.co', password: 'p', tenantName: 'n', tenantDomain: 'd' };
    expect([register, success, registerBody]).toHaveLength(3);

    // @ts-expect-error the path has {isoCode}: params are required
    await client.call(getCountry, {}).catch(() => undefined);
    // @ts-expect-error no such path parameter
    await client.call(getCountry, { params: { code: 'CH' } }).catch(() => undefined);
    // @ts-expect-error the declaration has no body
    await client.call(getSystemHealth, { body: { level: 'ready' } });
    // @ts-expect-error the body misses `email`
    await client.call(createThing, { params: { thingId: '1', '*': 'x' }, body: {} });
  });
});
