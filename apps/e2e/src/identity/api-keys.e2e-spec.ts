import { createHash, randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import type { ApiKeyActor } from '@lib/contracts';
import { expectContract, expectErrorEnvelope, gateway, type GatewayResponse } from '@lib/testing';

import { signAccessToken } from '../support/tokens';

// API keys of a tenant, managed by its owners and admins. Tokens are signed here (the tenant rows need not
// exist for keys); two tenants side by side prove that neither sees the other's keys.

const LIST = '/api/v1/secure/api-keys/';
const ONE = '/api/v1/secure/api-keys/{id}';
const ROTATE = '/api/v1/secure/api-keys/{id}/rotate';
const one = (id: string) => `/api/v1/secure/api-keys/${id}`;
const rotate = (id: string) => `/api/v1/secure/api-keys/${id}/rotate`;
const REGISTER = '/api/v1/public/auth/register';
const REGISTER_USER = '/api/v1/public/auth/register-user';
const LOGIN = '/api/v1/public/auth/login';
const ACCOUNT = '/api/v1/secure/auth/account';
const PASSWORD = 'correct horse battery';
const KEY_FORMAT = /^pk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

const redis = new Redis(process.env['E2E_REDIS_URL'] as string);
afterAll(() => redis.quit());

interface Tenant {
  id: string;
  ownerId: string;
}
const tenantA: Tenant = { id: randomUUID(), ownerId: randomUUID() };
const tenantB: Tenant = { id: randomUUID(), ownerId: randomUUID() };

function tokenOf(tenant: Tenant | null, role = 'owner', sub = tenant?.ownerId ?? randomUUID()): string {
  return signAccessToken({ sub, tid: tenant?.id ?? null, role });
}
const owner = (tenant: Tenant) => tokenOf(tenant);

interface ApiKeyBody {
  id: string;
  tenantId: string;
  key_uuid: string;
  key_preview: string;
  name: string;
  enabled: boolean;
  permissions: Record<string, Record<string, unknown>>;
  ip_whitelist: string[] | null;
  expires_at: string | null;
  created_by: string | null;
}
interface WithFullKey {
  data: ApiKeyBody;
  fullKey: string;
  message: string;
}

async function createKey(tenant: Tenant, body: object = {}): Promise<WithFullKey> {
  const res = await gateway.post<WithFullKey>(LIST, { name: 'e2e key', ...body }, { token: owner(tenant) });
  return expectContract(res, 'POST', LIST);
}

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

/** What the gateway would have cached for a key after a first use. */
async function cacheAsGateway(fullKey: string, key: ApiKeyBody): Promise<string> {
  const cacheKey = `auth:api-key:${sha256(fullKey)}`;
  const actor: ApiKeyActor = { keyId: key.id, tenantId: key.tenantId, userId: key.created_by, enabled: true, expiresAt: null, ipWhitelist: [] };
  await redis.set(cacheKey, JSON.stringify(actor), 'EX', 60);
  return cacheKey;
}

/** The parts of an error body that do not vary per request. */
const stable = (res: GatewayResponse) => ({ status: res.status, error: res.body?.error, message: res.body?.message });

describe('POST /api/v1/secure/api-keys/', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.post(LIST, { name: 'x' }), 401, 'UNAUTHORIZED');
  });

  it('answers 403 to members, and to a token without a tenant', async () => {
    expectErrorEnvelope(await gateway.post(LIST, { name: 'x' }, { token: tokenOf(tenantA, 'member') }), 403, 'FORBIDDEN');
    expectErrorEnvelope(await gateway.post(LIST, { name: 'x' }, { token: tokenOf(null) }), 403, 'FORBIDDEN');
  });

  it('answers 422 for invalid input', async () => {
    const token = owner(tenantA);
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'x', tenant_id: tenantB.id },
      { name: 'x', ip_whitelist: ['10.0.0.300'] },
      { name: 'x', ip_whitelist: ['2001:db8::/129'] },
      { name: 'x', ip_whitelist: ['example.com'] },
      { name: 'x', expires_at: 'tomorrow' },
      { name: 'x', expires_at: '2020-01-01T00:00:00Z' },
      { name: 'x', permissions: { resources: { read: 'yes' } } },
    ]) {
      const res = await gateway.post(LIST, body, { token });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', LIST);
    }
  });

  it('creates a key in the tenant of the token and shows the full key once', async () => {
    const created = await createKey(tenantA, {
      name: 'CI deploys',
      description: 'pipeline',
      permissions: { resources: { read: true, properties: [] }, geo: { geocode: true } },
      ip_whitelist: ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1'],
      expires_at: '2099-01-01T00:00:00Z',
    });
    expect(created.fullKey).toMatch(KEY_FORMAT);
    expect(created.message).toMatch(/only once/);
    expect(created.data).toMatchObject({
      tenantId: tenantA.id,
      name: 'CI deploys',
      enabled: true,
      created_by: tenantA.ownerId,
      expires_at: '2099-01-01T00:00:00.000Z',
      ip_whitelist: ['10.0.0.0/8', '2001:db8::/32', '127.0.0.1'],
      permissions: { resources: { read: true, properties: [] }, geo: { geocode: true } },
    });
    const prefix = created.fullKey.slice(3, 11);
    expect(created.data.key_preview).toBe(`pk_${prefix}_...${created.fullKey.slice(-4)}`);
    expect(created.data.key_uuid.replace(/-/g, '').slice(0, 8)).toBe(prefix);

    const secret = created.fullKey.slice('pk_12345678_'.length);
    const again = await gateway.get(one(created.data.id), { token: owner(tenantA) });
    expectContract(again, 'GET', ONE);
    const list = await gateway.get(LIST, { token: owner(tenantA) });
    expectContract(list, 'GET', LIST);
    for (const res of [again, list]) {
      expect(res.text).not.toContain(secret);
      expect(res.text).not.toContain(sha256(created.fullKey));
    }
  });
});

describe('GET /api/v1/secure/api-keys/', () => {
  let keyA: WithFullKey;
  let keyB: WithFullKey;
  beforeAll(async () => {
    keyA = await createKey(tenantA, { name: 'listed A' });
    keyB = await createKey(tenantB, { name: 'listed B' });
  });

  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.get(LIST), 401, 'UNAUTHORIZED');
  });

  it("lists the tenant's keys, newest first, never another tenant's", async () => {
    const a = expectContract(await gateway.get<{ data: ApiKeyBody[] }>(LIST, { token: owner(tenantA) }), 'GET', LIST);
    expect(a.data.map((k) => k.id)).toContain(keyA.data.id);
    expect(a.data.map((k) => k.id)).not.toContain(keyB.data.id);
    expect(a.data.every((k) => k.tenantId === tenantA.id)).toBe(true);
    expect(a.data[0].id).toBe(keyA.data.id);
    const b = expectContract(await gateway.get<{ data: ApiKeyBody[] }>(LIST, { token: owner(tenantB) }), 'GET', LIST);
    expect(b.data.map((k) => k.id)).toEqual([keyB.data.id]);
  });

  it('pages with limit and offset', async () => {
    const all = expectContract(await gateway.get<{ data: ApiKeyBody[] }>(LIST, { token: owner(tenantA) }), 'GET', LIST).data;
    const page = await gateway.get<{ data: ApiKeyBody[] }>(LIST, { token: owner(tenantA), query: { limit: 1, offset: 1 } });
    expect(expectContract(page, 'GET', LIST).data.map((k) => k.id)).toEqual([all[1].id]);
  });

  it('answers 422 for a bad page or an unknown filter', async () => {
    for (const query of [{ limit: 0 }, { offset: -1 }, { tenantId: tenantB.id }]) {
      expectErrorEnvelope(await gateway.get(LIST, { token: owner(tenantA), query }), 422, 'VALIDATION_FAILED');
    }
  });

  it('answers 403 to a member', async () => {
    expectErrorEnvelope(await gateway.get(LIST, { token: tokenOf(tenantA, 'member') }), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/secure/api-keys/{id}', () => {
  let keyA: WithFullKey;
  let keyB: WithFullKey;
  beforeAll(async () => {
    keyA = await createKey(tenantA);
    keyB = await createKey(tenantB);
  });

  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.get(one(keyA.data.id)), 401, 'UNAUTHORIZED');
  });

  it('answers the key without its secret', async () => {
    const res = await gateway.get<{ data: ApiKeyBody }>(one(keyA.data.id), { token: owner(tenantA) });
    expect(expectContract(res, 'GET', ONE).data).toEqual(keyA.data);
  });

  it('answers 422 for an id that is not a UUID', async () => {
    expectErrorEnvelope(await gateway.get(one('not-a-uuid'), { token: owner(tenantA) }), 422, 'VALIDATION_FAILED');
  });

  it("answers 404 for another tenant's key exactly as for a missing one", async () => {
    const foreign = await gateway.get(one(keyB.data.id), { token: owner(tenantA) });
    const missing = await gateway.get(one(randomUUID()), { token: owner(tenantA) });
    expectErrorEnvelope(foreign, 404, 'API_KEY_NOT_FOUND');
    expectContract(foreign, 'GET', ONE);
    expect(stable(foreign)).toEqual(stable(missing));
  });
});

describe('PATCH /api/v1/secure/api-keys/{id}', () => {
  let keyA: WithFullKey;
  let keyB: WithFullKey;
  beforeAll(async () => {
    keyA = await createKey(tenantA, { permissions: { tags: { read: true } }, ip_whitelist: ['10.0.0.1'], device_fingerprint: 'fp-1' });
    keyB = await createKey(tenantB, { name: 'B stays' });
  });

  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.patch(one(keyA.data.id), { name: 'x' }), 401, 'UNAUTHORIZED');
  });

  it('answers 422 for invalid input', async () => {
    for (const body of [{ name: '' }, { enabled: 'no' }, { ip_whitelist: ['10.0.0.0/40'] }, { id: randomUUID() }, { tenantId: tenantB.id }]) {
      expectErrorEnvelope(await gateway.patch(one(keyA.data.id), body, { token: owner(tenantA) }), 422, 'VALIDATION_FAILED');
    }
  });

  it("answers 404 for another tenant's key and leaves it unchanged", async () => {
    const res = await gateway.patch(one(keyB.data.id), { name: 'hijacked', enabled: false }, { token: owner(tenantA) });
    expectErrorEnvelope(res, 404, 'API_KEY_NOT_FOUND');
    const b = await gateway.get<{ data: ApiKeyBody }>(one(keyB.data.id), { token: owner(tenantB) });
    expect(expectContract(b, 'GET', ONE).data).toMatchObject({ name: 'B stays', enabled: true });
  });

  it('changes the fields sent, merges permissions, clears with null and makes the gateway forget the key', async () => {
    const cacheKey = await cacheAsGateway(keyA.fullKey, keyA.data);
    const res = await gateway.patch<{ data: ApiKeyBody }>(
      one(keyA.data.id),
      { name: 'renamed', enabled: false, permissions: { geo: { geocode: true } }, ip_whitelist: null, device_fingerprint: null },
      { token: owner(tenantA) },
    );
    const { data } = expectContract(res, 'PATCH', ONE);
    expect(data).toMatchObject({
      name: 'renamed',
      enabled: false,
      permissions: { tags: { read: true }, geo: { geocode: true } },
      ip_whitelist: null,
      key_preview: keyA.data.key_preview,
    });
    expect(await redis.exists(cacheKey)).toBe(0);
    expect(res.text).not.toContain(keyA.fullKey);
  });
});

describe('DELETE /api/v1/secure/api-keys/{id}', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.delete(one(randomUUID())), 401, 'UNAUTHORIZED');
  });

  it('answers 422 for an id that is not a UUID', async () => {
    expectErrorEnvelope(await gateway.delete(one('1'), { token: owner(tenantA) }), 422, 'VALIDATION_FAILED');
  });

  it("answers 404 for another tenant's key and does not delete it", async () => {
    const keyB = await createKey(tenantB);
    expectErrorEnvelope(await gateway.delete(one(keyB.data.id), { token: owner(tenantA) }), 404, 'API_KEY_NOT_FOUND');
    expectContract(await gateway.get(one(keyB.data.id), { token: owner(tenantB) }), 'GET', ONE);
  });

  it('deletes the key (204) and makes the gateway forget it', async () => {
    const keyA = await createKey(tenantA);
    const cacheKey = await cacheAsGateway(keyA.fullKey, keyA.data);
    const res = await gateway.delete(one(keyA.data.id), { token: owner(tenantA) });
    expect(res.status).toBe(204);
    expectContract(res, 'DELETE', ONE);
    expect(await redis.exists(cacheKey)).toBe(0);
    expectErrorEnvelope(await gateway.get(one(keyA.data.id), { token: owner(tenantA) }), 404, 'API_KEY_NOT_FOUND');
    expectErrorEnvelope(await gateway.delete(one(keyA.data.id), { token: owner(tenantA) }), 404, 'API_KEY_NOT_FOUND');
  });
});

describe('POST /api/v1/secure/api-keys/{id}/rotate', () => {
  it('answers 401 without a token', async () => {
    expectErrorEnvelope(await gateway.post(rotate(randomUUID()), {}), 401, 'UNAUTHORIZED');
  });

  it('answers 422 for a body with fields', async () => {
    const keyA = await createKey(tenantA);
    expectErrorEnvelope(await gateway.post(rotate(keyA.data.id), { name: 'x' }, { token: owner(tenantA) }), 422, 'VALIDATION_FAILED');
  });

  it("answers 404 for another tenant's key, which keeps its secret", async () => {
    const keyB = await createKey(tenantB);
    expectErrorEnvelope(await gateway.post(rotate(keyB.data.id), {}, { token: owner(tenantA) }), 404, 'API_KEY_NOT_FOUND');
    const b = await gateway.get<{ data: ApiKeyBody }>(one(keyB.data.id), { token: owner(tenantB) });
    expect(expectContract(b, 'GET', ONE).data.key_preview).toBe(keyB.data.key_preview);
  });

  it('issues a new secret shown once, and the gateway forgets the old one', async () => {
    const keyA = await createKey(tenantA, { name: 'to rotate' });
    const cacheKey = await cacheAsGateway(keyA.fullKey, keyA.data);
    const res = await gateway.post<WithFullKey>(rotate(keyA.data.id), undefined, { token: owner(tenantA) });
    const rotated = expectContract(res, 'POST', ROTATE);
    expect(rotated.fullKey).toMatch(KEY_FORMAT);
    expect(rotated.fullKey).not.toBe(keyA.fullKey);
    expect(rotated.fullKey.slice(0, 12)).toBe(keyA.fullKey.slice(0, 12));
    expect(rotated.data).toMatchObject({ id: keyA.data.id, key_uuid: keyA.data.key_uuid, name: 'to rotate' });
    expect(rotated.data.key_preview).toBe(`${keyA.fullKey.slice(0, 12)}...${rotated.fullKey.slice(-4)}`);
    expect(await redis.exists(cacheKey)).toBe(0);
    const again = await gateway.get(one(keyA.data.id), { token: owner(tenantA) });
    expect(again.text).not.toContain(rotated.fullKey.slice(12));
  });
});

/**
 * A registered owner and its tenant: a key acts on its creator's behalf, so identity refuses keys whose creator
 * has no account or no membership in the key's tenant (the fake owners above only manage keys).
 */
async function registeredTenant(): Promise<Tenant & { email: string }> {
  const id = randomUUID().slice(0, 8);
  const email = `keys-${id}@example.com`;
  const res = await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: `Keys ${id}`, tenantDomain: `keys-${id}` });
  const body = expectContract(res, 'POST', REGISTER);
  return { id: body.tenant.id, ownerId: body.user.id, email };
}

/** A member who joined by self-registration, which the owner opens first. */
async function registeredMember(tenant: Tenant): Promise<{ email: string; userId: string }> {
  const opened = await gateway.patch(`/api/v1/secure/tenants/${tenant.id}`, { settings: { allow_self_registration: true } }, { token: owner(tenant) });
  expect(opened.status).toBe(200);
  const email = `keys-member-${randomUUID().slice(0, 8)}@example.com`;
  const res = await gateway.post(REGISTER_USER, { email, password: PASSWORD, displayName: 'Member', tenantId: tenant.id });
  expect(res.status).toBe(201);
  return { email, userId: expectContract(res, 'POST', REGISTER_USER).userId };
}

async function login(email: string): Promise<string> {
  return expectContract(await gateway.post(LOGIN, { email, password: PASSWORD }), 'POST', LOGIN).accessToken;
}

describe('X-API-Key at the gateway', () => {
  let real: Tenant;
  beforeAll(async () => {
    real = await registeredTenant();
  });

  const withKey = (key: string) => gateway.get(LIST, { headers: { 'x-api-key': key } });
  /** A key authenticates: identity then refuses it as a manager of keys (keys cannot mint keys). */
  const expectAuthenticated = (res: GatewayResponse) => {
    expect(expectErrorEnvelope(res, 403, 'FORBIDDEN').message).toMatch(/API keys cannot manage API keys/);
  };

  it('authenticates a new key in its tenant and refuses an unknown one with 401', async () => {
    const key = await createKey(real);
    expectAuthenticated(await withKey(key.fullKey));
    expectErrorEnvelope(await withKey(`${key.fullKey.slice(0, -2)}xx`), 401, 'UNAUTHORIZED');
  });

  it('refuses a rotated-away key at once, and takes the new one', async () => {
    const key = await createKey(real);
    expectAuthenticated(await withKey(key.fullKey));
    expect(await redis.exists(`auth:api-key:${sha256(key.fullKey)}`)).toBe(1);
    const rotated = expectContract(await gateway.post<WithFullKey>(rotate(key.data.id), {}, { token: owner(real) }), 'POST', ROTATE);
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
    expectAuthenticated(await withKey(rotated.fullKey));
  });

  it('refuses a disabled or deleted key at once', async () => {
    const key = await createKey(real);
    expectAuthenticated(await withKey(key.fullKey));
    await gateway.patch(one(key.data.id), { enabled: false }, { token: owner(real) });
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
    await gateway.patch(one(key.data.id), { enabled: true }, { token: owner(real) });
    expectAuthenticated(await withKey(key.fullKey));
    await gateway.delete(one(key.data.id), { token: owner(real) });
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
  });

  it('refuses a key from an address outside its whitelist with 403, and takes it from inside', async () => {
    const outside = await createKey(real, { ip_whitelist: ['203.0.113.0/24', '2001:db8::/32'] });
    const res = await withKey(outside.fullKey);
    expect(expectErrorEnvelope(res, 403, 'FORBIDDEN').message).not.toMatch(/API keys cannot manage API keys/);
    const inside = await createKey(real, { ip_whitelist: ['127.0.0.0/8', '::1'] });
    expectAuthenticated(await withKey(inside.fullKey));
  });

  it('refuses an expired key with 401', async () => {
    const key = await createKey(real, { expires_at: new Date(Date.now() + 1500).toISOString() });
    expectAuthenticated(await withKey(key.fullKey));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
  });

  it("stops a key at once when its creator's account is deleted", async () => {
    const account = await registeredTenant();
    const token = await login(account.email);
    const created = await gateway.post<WithFullKey>(LIST, { name: 'creator leaves' }, { token });
    const key = expectContract(created, 'POST', LIST);
    expectAuthenticated(await withKey(key.fullKey));
    expect(await redis.exists(`auth:api-key:${sha256(key.fullKey)}`)).toBe(1);

    expectContract(await gateway.delete(ACCOUNT, { token }), 'DELETE', ACCOUNT);
    expect(await redis.exists(`auth:api-key:${sha256(key.fullKey)}`)).toBe(0);
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
  });

  it('stops a key at once when its creator leaves the tenant; the key stays listed, disabled', async () => {
    const tenant = await registeredTenant();
    const member = await registeredMember(tenant);
    // The platform has no role change yet: a token signed like identity's stands in for the member as an admin.
    const asAdmin = signAccessToken({ sub: member.userId, tid: tenant.id, role: 'admin' });
    const created = await gateway.post<WithFullKey>(LIST, { name: 'member leaves' }, { token: asAdmin });
    const key = expectContract(created, 'POST', LIST);
    const ownersKey = await createKey(tenant);
    expectAuthenticated(await withKey(key.fullKey));
    expect(await redis.exists(`auth:api-key:${sha256(key.fullKey)}`)).toBe(1);

    const left = await gateway.post(`/api/v1/secure/auth/leave-tenant/${tenant.id}`, undefined, { token: await login(member.email) });
    expect(left.status).toBe(200);
    expect(await redis.exists(`auth:api-key:${sha256(key.fullKey)}`)).toBe(0);
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
    const listed = expectContract(await gateway.get(one(key.data.id), { token: owner(tenant) }), 'GET', ONE);
    expect(listed.data).toMatchObject({ id: key.data.id, enabled: false, created_by: member.userId });
    // Re-enabling does not bring it back: its creator is no member of the tenant any more.
    expectContract(await gateway.patch(one(key.data.id), { enabled: true }, { token: owner(tenant) }), 'PATCH', ONE);
    expectErrorEnvelope(await withKey(key.fullKey), 401, 'UNAUTHORIZED');
    expectAuthenticated(await withKey(ownersKey.fullKey));
  });
});
