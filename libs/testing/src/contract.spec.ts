import { ContractError, expectContract, expectErrorEnvelope } from './contract';
import type { GatewayResponse } from './gateway-client';

function response(status: number, body: unknown, path = '/api/v1/public/countries/CH'): GatewayResponse {
  return { method: 'GET', path, status, headers: {}, body, text: body === undefined ? '' : JSON.stringify(body) };
}

const COUNTRY = '/api/v1/public/countries/{isoCode}';
const switzerland = {
  iso_code: 'CH',
  name_ascii: 'Switzerland',
  name_local: { de: 'Schweiz' },
  flag_url: 'https://flagsapi.com/CH/flat/64.png',
  metadata: { region: 'Europe' },
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  name: 'Switzerland',
};
const envelope = (statusCode: number, error = 'NOT_FOUND') => ({
  error,
  message: 'Nothing here.',
  statusCode,
  requestId: 'r-1',
  timestamp: '2026-01-01T00:00:00.000Z',
});

describe('expectContract', () => {
  it('accepts a body that matches the catalogue schema', () => {
    expect(expectContract(response(200, { data: switzerland }), 'GET', COUNTRY)).toEqual({ data: switzerland });
  });

  it('finds the entry with or without a trailing slash', () => {
    const list = response(200, { data: { countries: [], total: 0, limit: 10, offset: 0 } }, '/api/v1/public/countries');
    expect(() => expectContract(list, 'get', '/api/v1/public/countries')).not.toThrow();
  });

  it('lists every schema error readably', () => {
    const bad = { data: { ...switzerland, iso_code: 'che', flag_url: 'not a uri', extra: 1 } };
    expect(() => expectContract(response(200, bad), 'GET', COUNTRY)).toThrow(ContractError);
    try {
      expectContract(response(200, bad), 'GET', COUNTRY);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('/data/iso_code: must match pattern');
      expect(message).toContain('/data/flag_url: must match format "uri"');
      expect(message).toContain('/data: unexpected property "extra"');
    }
  });

  it('checks `nullable` and date-time formats', () => {
    const body = { data: { ...switzerland, created_at: 'yesterday' } };
    expect(() => expectContract(response(200, body), 'GET', COUNTRY)).toThrow(/created_at: must match format "date-time"/);
  });

  it('resolves {"ref": "StandardErrorResponse"} for error statuses', () => {
    expect(() => expectContract(response(404, envelope(404)), 'GET', COUNTRY)).not.toThrow();
    expect(() => expectContract(response(404, { message: 'no' }), 'GET', COUNTRY)).toThrow(/missing required property "error"/);
  });

  it('fails on a status the catalogue does not list for the endpoint', () => {
    expect(() => expectContract(response(503, envelope(503)), 'GET', COUNTRY)).toThrow(/answered 503, which the catalogue does not list \(it lists 200, 400/);
  });

  it('fails on an unknown endpoint', () => {
    expect(() => expectContract(response(200, {}), 'GET', '/api/v1/nowhere')).toThrow(/No catalogue entry for GET \/api\/v1\/nowhere/);
  });

  it('requires an empty body for 204', () => {
    const deleted = (body: unknown) => ({ ...response(204, body, '/api/v1/secure/api-keys/1'), method: 'DELETE' });
    expect(() => expectContract(deleted(undefined), 'DELETE', '/api/v1/secure/api-keys/{id}')).not.toThrow();
    expect(() => expectContract(deleted({ ok: true }), 'DELETE', '/api/v1/secure/api-keys/{id}')).toThrow(/204 with a body/);
  });
});

describe('expectErrorEnvelope', () => {
  it('accepts the standard envelope with the expected status and code', () => {
    expect(expectErrorEnvelope(response(503, envelope(503, 'SERVICE_UNAVAILABLE')), 503, 'SERVICE_UNAVAILABLE').error).toBe('SERVICE_UNAVAILABLE');
  });

  it('fails on another status, another code, or extra fields', () => {
    expect(() => expectErrorEnvelope(response(500, envelope(500)), 503)).toThrow(/expected status 503, got 500/);
    expect(() => expectErrorEnvelope(response(404, envelope(404)), 404, 'GONE')).toThrow(/error is "NOT_FOUND", expected "GONE"/);
    expect(() => expectErrorEnvelope(response(404, { ...envelope(404), stack: 'x' }), 404)).toThrow(/unexpected property "stack"/);
    expect(() => expectErrorEnvelope(response(404, envelope(400)), 404)).toThrow(/statusCode is 400, expected 404/);
  });
});
