import { createHash, randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import type { ApiKeyActor } from '@lib/contracts';
import { expectErrorEnvelope, gateway } from '@lib/testing';

import { signAccessToken } from '../support/tokens';

// The gateway's side of credentials: revoked sessions, blocked tenants, API keys and rate limits,
// driven through the Redis keys identity and tenancy write (see docs in apps/gateway/src/auth).

const redis = new Redis(process.env['E2E_REDIS_URL'] as string);
afterAll(() => redis.quit());

const SECURE = '/api/v1/secure/no-such-route';

const token = (claims: { sid?: string; tid?: string } = {}) => signAccessToken(claims);

async function cacheApiKey(key: string, actor: Partial<ApiKeyActor> = {}) {
  const hash = createHash('sha256').update(key).digest('hex');
  const value: ApiKeyActor = { keyId: randomUUID(), tenantId: randomUUID(), userId: null, enabled: true, expiresAt: null, ipWhitelist: [], ...actor };
  await redis.set(`auth:api-key:${hash}`, JSON.stringify(value), 'EX', 60);
  return value;
}

describe('bearer tokens', () => {
  it('are refused once their session is revoked', async () => {
    const sid = randomUUID();
    expectErrorEnvelope(await gateway.get(SECURE, { token: token({ sid }) }), 404, 'NOT_FOUND');
    await redis.set(`auth:revoked-session:${sid}`, '1', 'EX', 60);
    expectErrorEnvelope(await gateway.get(SECURE, { token: token({ sid }) }), 401, 'SESSION_REVOKED');
  });

  it('stop working while their tenant is blocked, and work again once it is not', async () => {
    const tid = randomUUID();
    await redis.set(`tenancy:tenant-blocked:${tid}`, 'suspended', 'EX', 60);
    expectErrorEnvelope(await gateway.get(SECURE, { token: token({ tid }) }), 403, 'TENANT_INACTIVE');
    await redis.del(`tenancy:tenant-blocked:${tid}`);
    expectErrorEnvelope(await gateway.get(SECURE, { token: token({ tid }) }), 404, 'NOT_FOUND');
  });
});

describe('X-API-Key', () => {
  const key = () => `pk_e2etest0_${randomUUID()}`;

  it('authenticates a known, enabled key', async () => {
    const apiKey = key();
    await cacheApiKey(apiKey);
    expectErrorEnvelope(await gateway.get(SECURE, { headers: { 'x-api-key': apiKey } }), 404, 'NOT_FOUND');
  });

  it('refuses disabled and expired keys with 401', async () => {
    const disabled = key();
    await cacheApiKey(disabled, { enabled: false });
    expectErrorEnvelope(await gateway.get(SECURE, { headers: { 'x-api-key': disabled } }), 401, 'UNAUTHORIZED');
    const expired = key();
    await cacheApiKey(expired, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expectErrorEnvelope(await gateway.get(SECURE, { headers: { 'x-api-key': expired } }), 401, 'UNAUTHORIZED');
  });

  it('honours the IP whitelist, addresses and CIDR, IPv4 and IPv6', async () => {
    const apiKey = key();
    await cacheApiKey(apiKey, { ipWhitelist: ['198.51.100.0/24', '2001:db8::/32'] });
    const from = (ip: string) => gateway.get(SECURE, { headers: { 'x-api-key': apiKey, 'x-forwarded-for': ip } });
    expectErrorEnvelope(await from('198.51.100.7'), 404, 'NOT_FOUND');
    expectErrorEnvelope(await from('2001:db8::1'), 404, 'NOT_FOUND');
    expectErrorEnvelope(await from('203.0.113.5'), 403, 'FORBIDDEN');
  });

  it('believes only the entry the trusted proxy appended, not what the client wrote before it', async () => {
    const apiKey = key();
    await cacheApiKey(apiKey, { ipWhitelist: ['198.51.100.7'] });
    const from = (forwardedFor: string) => gateway.get(SECURE, { headers: { 'x-api-key': apiKey, 'x-forwarded-for': forwardedFor } });
    expectErrorEnvelope(await from('198.51.100.7, 203.0.113.5'), 403, 'FORBIDDEN');
    expectErrorEnvelope(await from('203.0.113.5, 198.51.100.7'), 404, 'NOT_FOUND');
  });

  it('refuses the key of a blocked tenant', async () => {
    const apiKey = key();
    const { tenantId } = await cacheApiKey(apiKey);
    await redis.set(`tenancy:tenant-blocked:${tenantId}`, 'archived', 'EX', 60);
    expectErrorEnvelope(await gateway.get(SECURE, { headers: { 'x-api-key': apiKey } }), 403, 'TENANT_INACTIVE');
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After and RateLimit headers once a client address used its minute', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const first = await gateway.get('/api/v1/public/countries/regions', { headers: { 'x-forwarded-for': ip } });
    expect(first.status).toBe(200);
    const limit = Number(first.headers['ratelimit-limit']);
    expect(Number(first.headers['ratelimit-remaining'])).toBe(limit - 1);
    await redis.set(`ratelimit:ip:${ip}`, String(limit), 'KEEPTTL');
    const refused = await gateway.get('/api/v1/public/countries/regions', { headers: { 'x-forwarded-for': ip } });
    expectErrorEnvelope(refused, 429, 'TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
  });

  it("count a tenant's requests per minute, in the same answer as its credentials", async () => {
    const tid = randomUUID();
    const first = await gateway.get(SECURE, { token: token({ tid }) });
    expectErrorEnvelope(first, 404, 'NOT_FOUND');
    const limit = Number(first.headers['ratelimit-limit']);
    expect(Number(first.headers['ratelimit-remaining'])).toBe(limit - 1);
    await redis.set(`ratelimit:tenant:${tid}`, String(limit), 'KEEPTTL');
    const refused = await gateway.get(SECURE, { token: token({ tid }) });
    expectErrorEnvelope(refused, 429, 'TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('count each API key apart, whatever its tenant does', async () => {
    const apiKey = `pk_e2etest0_${randomUUID()}`;
    const actor = await cacheApiKey(apiKey);
    const first = await gateway.get(SECURE, { headers: { 'x-api-key': apiKey } });
    expectErrorEnvelope(first, 404, 'NOT_FOUND');
    const limit = Number(first.headers['ratelimit-limit']);
    await redis.set(`ratelimit:key:${actor.keyId}`, String(limit), 'KEEPTTL');
    const refused = await gateway.get(SECURE, { headers: { 'x-api-key': apiKey } });
    expectErrorEnvelope(refused, 429, 'TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expectErrorEnvelope(await gateway.get(SECURE, { token: token({ tid: actor.tenantId }) }), 404, 'NOT_FOUND');
  });

  it('count each client address apart', async () => {
    const res = await gateway.get('/api/v1/public/countries/regions', { headers: { 'x-forwarded-for': '192.0.2.44' } });
    expect(res.status).toBe(200);
  });
});

describe('API usage per tenant', () => {
  const today = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');

  it('counts each admitted request of a tenant in its usage of the day', async () => {
    const tid = randomUUID();
    await gateway.get(SECURE, { token: token({ tid }) });
    await gateway.get(SECURE, { token: token({ tid }) });
    const usageKey = `usage:api-requests:${tid}:${today()}`;
    expect(await redis.get(usageKey)).toBe('2');
    expect(await redis.ttl(usageKey)).toBeGreaterThan(30 * 24 * 3600);
  });

  it('does not count refused credentials', async () => {
    const tid = randomUUID();
    const sid = randomUUID();
    await redis.set(`auth:revoked-session:${sid}`, '1', 'EX', 60);
    expectErrorEnvelope(await gateway.get(SECURE, { token: token({ tid, sid }) }), 401, 'SESSION_REVOKED');
    expect(await redis.get(`usage:api-requests:${tid}:${today()}`)).toBeNull();
  });
});
