import { randomUUID } from 'node:crypto';

import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

import { signAccessToken } from '../support/tokens';

// A user's tenants: a registered owner gets a second tenant from a system administrator (tenancy's
// POST /secure/tenants → identity.internal.provision-owner), then lists, switches, leaves them.

const REGISTER = '/api/v1/public/auth/register';
const REGISTER_USER = '/api/v1/public/auth/register-user';
const LOGIN = '/api/v1/public/auth/login';
const REFRESH = '/api/v1/public/auth/refresh';
const ME = '/api/v1/secure/auth/me';
const TENANTS = '/api/v1/secure/auth/tenants';
const SWITCH = '/api/v1/secure/auth/switch-tenant';
const ROLE = '/api/v1/secure/auth/tenant-role';
const DEFAULT = '/api/v1/secure/auth/default-tenant';
const LEAVE = '/api/v1/secure/auth/leave-tenant/{tenantId}';
const USER_TENANTS = '/api/v1/public/auth/user-tenants';
const leave = (tenantId: string) => `/api/v1/secure/auth/leave-tenant/${tenantId}`;

const PASSWORD = 'correct horse battery';
const unique = () => randomUUID().slice(0, 8);

/** A system administrator's token (the operator command makes real ones; the gateway only checks the signature). */
const adminToken = () => signAccessToken({ tid: null, role: null, adm: true });

interface Account {
  email: string;
  userId: string;
  tenantId: string;
  tenantName: string;
}

async function registerTenant(): Promise<Account> {
  const id = unique();
  const email = `t-${id}@example.com`;
  const tenantName = `Tenant ${id}`;
  const res = await gateway.post(REGISTER, { email, password: PASSWORD, tenantName, tenantDomain: `t-${id}` });
  const body = expectContract(res, 'POST', REGISTER);
  return { email, userId: body.user.id, tenantId: body.tenant.id, tenantName };
}

/** A second tenant owned by `email`, created by a system administrator. */
async function secondTenant(email: string): Promise<{ id: string; name: string; domain: string }> {
  const id = unique();
  const res = await gateway.post(
    '/api/v1/secure/tenants',
    { name: `Second ${id}`, domain: `second-${id}`, ownerEmail: email, ownerPassword: 'ignored for existing users' },
    { token: adminToken() },
  );
  expect(res.status).toBe(201);
  return { id: res.body.data.id, name: `Second ${id}`, domain: `second-${id}` };
}

async function tokenOf(email: string, tenantId?: string): Promise<{ accessToken: string; refreshToken: string }> {
  return expectContract(await gateway.post(LOGIN, { email, password: PASSWORD, ...(tenantId ? { tenantId } : {}) }), 'POST', LOGIN);
}

describe('a user in two tenants', () => {
  let account: Account;
  let second: { id: string; name: string; domain: string };
  let token: string;
  let refreshToken: string;

  beforeAll(async () => {
    account = await registerTenant();
    second = await secondTenant(account.email);
    ({ accessToken: token, refreshToken } = await tokenOf(account.email));
  });

  it('GET /secure/auth/tenants lists both, the default and the active one', async () => {
    const body = expectContract(await gateway.get(TENANTS, { token }), 'GET', TENANTS);
    expect(body.activeTenantId).toBe(account.tenantId);
    expect(body.defaultTenantId).toBe(account.tenantId);
    expect(body.data.map((t: { tenantId: string }) => t.tenantId).sort()).toEqual([account.tenantId, second.id].sort());
    const other = body.data.find((t: { tenantId: string }) => t.tenantId === second.id);
    expect(other).toMatchObject({ role: 'owner', tenantName: second.name, tenantSlug: second.domain, is_default: false, user_id: account.userId });
  });

  it('GET /public/auth/user-tenants lists them by email, and nothing for an unknown email', async () => {
    const known = expectContract(await gateway.get(USER_TENANTS, { query: { email: account.email.toUpperCase() } }), 'GET', USER_TENANTS);
    expect(known.hasMultipleTenants).toBe(true);
    expect(known.tenants.map((t: { id: string }) => t.id).sort()).toEqual([account.tenantId, second.id].sort());
    const unknown = expectContract(await gateway.get(USER_TENANTS, { query: { email: `nobody-${unique()}@example.com` } }), 'GET', USER_TENANTS);
    expect(unknown).toEqual({ tenants: [], hasMultipleTenants: false });
    const bad = await gateway.get(USER_TENANTS, { query: { email: 'nope' } });
    expectErrorEnvelope(bad, 422, 'VALIDATION_FAILED');
    expectContract(bad, 'GET', USER_TENANTS);
  });

  it('POST /secure/auth/switch-tenant moves the session; the next refresh issues tokens for the new tenant', async () => {
    const res = await gateway.post(SWITCH, { tenantId: second.id }, { token });
    expect(expectContract(res, 'POST', SWITCH)).toEqual({
      success: true,
      tenantId: second.id,
      tenantName: second.name,
      tenantSlug: second.domain,
      role: 'owner',
    });
    const refreshed = expectContract(await gateway.post(REFRESH, { refreshToken }), 'POST', REFRESH);
    refreshToken = refreshed.refreshToken;
    const me = expectContract(await gateway.get(ME, { token: refreshed.accessToken }), 'GET', ME);
    expect(me.user.tenantId).toBe(second.id);
    const role = expectContract(await gateway.get(ROLE, { token: refreshed.accessToken }), 'GET', ROLE);
    expect(role).toEqual({ tenantId: second.id, role: 'owner' });
  });

  it('answers 404 for a tenant the user does not belong to (another tenant or none at all)', async () => {
    const stranger = await registerTenant();
    for (const tenantId of [stranger.tenantId, randomUUID()]) {
      const res = await gateway.post(SWITCH, { tenantId }, { token });
      expectErrorEnvelope(res, 404);
      expectContract(res, 'POST', SWITCH);
      expectErrorEnvelope(await gateway.patch(DEFAULT, { tenantId }, { token }), 404);
      expectErrorEnvelope(await gateway.post(leave(tenantId), undefined, { token }), 404);
    }
    const bad = await gateway.post(SWITCH, { tenantId: 'not-a-uuid' }, { token });
    expectErrorEnvelope(bad, 422, 'VALIDATION_FAILED');
    expectContract(bad, 'POST', SWITCH);
  });

  it('PATCH /secure/auth/default-tenant sets the tenant the next login picks', async () => {
    const res = await gateway.patch(DEFAULT, { tenantId: second.id }, { token });
    expect(expectContract(res, 'PATCH', DEFAULT)).toEqual({ success: true, defaultTenantId: second.id });
    const login = expectContract(await gateway.post(LOGIN, { email: account.email, password: PASSWORD }), 'POST', LOGIN);
    expect(login.user.tenantId).toBe(second.id);
    expectContract(await gateway.patch(DEFAULT, { tenantId: account.tenantId }, { token }), 'PATCH', DEFAULT);
  });

  it('POST /secure/auth/leave-tenant refuses the last owner (403: the catalogue lists no 409 here)', async () => {
    const res = await gateway.post(leave(account.tenantId), undefined, { token });
    expectErrorEnvelope(res, 403, 'LAST_OWNER');
    expectContract(res, 'POST', LEAVE);
    const bad = await gateway.post(leave('nope'), undefined, { token });
    expectErrorEnvelope(bad, 422, 'VALIDATION_FAILED');
  });

  it('a member leaves; its tokens in that tenant stop working', async () => {
    await openForSelfRegistration(account);
    const member = await registerMember(account.tenantId);
    const tokens = await tokenOf(member.email);
    const res = await gateway.post(leave(account.tenantId), undefined, { token: tokens.accessToken });
    expect(expectContract(res, 'POST', LEAVE).success).toBe(true);
    expectErrorEnvelope(await gateway.get(ME, { token: tokens.accessToken }), 401);
    const again = await tokenOf(member.email);
    const list = expectContract(await gateway.get(TENANTS, { token: again.accessToken }), 'GET', TENANTS);
    expect(list.data).toEqual([]);
    expectErrorEnvelope(await gateway.get(ROLE, { token: again.accessToken }), 404);
  });

  it('leaving a tenant after switching away from it stops the token issued for it', async () => {
    // A member of this tenant who owns another: logs in here, switches there (the session row now names the
    // other tenant), then leaves this one. The token issued here must stop working at once, not after 15 minutes.
    const member = await registerMember(account.tenantId);
    const owned = await secondTenant(member.email);
    const old = await tokenOf(member.email, account.tenantId);
    expect(expectContract(await gateway.get(ME, { token: old.accessToken }), 'GET', ME).user.tenantId).toBe(account.tenantId);
    expectContract(await gateway.post(SWITCH, { tenantId: owned.id }, { token: old.accessToken }), 'POST', SWITCH);
    const res = await gateway.post(leave(account.tenantId), undefined, { token: old.accessToken });
    expect(expectContract(res, 'POST', LEAVE).success).toBe(true);
    expectErrorEnvelope(await gateway.get(ME, { token: old.accessToken }), 401);
    expectErrorEnvelope(await gateway.get(ROLE, { token: old.accessToken }), 401);
    // Every session went (the simplest rule that catches switched ones): the next login lands in the other tenant.
    expectErrorEnvelope(await gateway.post(REFRESH, { refreshToken: old.refreshToken }), 401);
    const again = await tokenOf(member.email);
    expect(expectContract(await gateway.get(ME, { token: again.accessToken }), 'GET', ME).user.tenantId).toBe(owned.id);
  });

  it('needs a token', async () => {
    for (const [method, path] of [['GET', TENANTS], ['GET', ROLE]] as const) {
      const res = await gateway.request(method, path);
      expectErrorEnvelope(res, 401);
      expectContract(res, method, path);
    }
    expectErrorEnvelope(await gateway.post(SWITCH, { tenantId: second.id }), 401);
  });
});

async function registerMember(tenantId: string): Promise<{ email: string; userId: string }> {
  const email = `member-${unique()}@example.com`;
  const res = await gateway.post(REGISTER_USER, { email, password: PASSWORD, displayName: 'Member', tenantId });
  const body = expectContract(res, 'POST', REGISTER_USER);
  expect(res.status).toBe(201);
  return { email, userId: body.userId };
}

describe('a deleted tenant', () => {
  it("leaves its members' tenant lists, is no one's login tenant, and takes its API keys along", async () => {
    const account = await registerTenant();
    const second = await secondTenant(account.email);
    const owner = await tokenOf(account.email, second.id);
    expectContract(await gateway.patch(DEFAULT, { tenantId: second.id }, { token: owner.accessToken }), 'PATCH', DEFAULT);
    const key = await gateway.post<{ fullKey: string }>('/api/v1/secure/api-keys/', { name: 'doomed' }, { token: owner.accessToken });
    expect(key.status).toBe(201);

    expect((await gateway.delete(`/api/v1/secure/tenants/${second.id}`, { token: owner.accessToken })).status).toBe(204);

    const login = await tokenOf(account.email);
    const tenants = expectContract(await gateway.get(TENANTS, { token: login.accessToken }), 'GET', TENANTS);
    expect(tenants.data.map((t: { tenantId: string }) => t.tenantId)).toEqual([account.tenantId]);
    expect(tenants.defaultTenantId).not.toBe(second.id);
    expect(expectContract(await gateway.get(ME, { token: login.accessToken }), 'GET', ME).user.tenantId).toBe(account.tenantId);
    const byKey = await gateway.get(ME, { headers: { 'x-api-key': key.body.fullKey } });
    expect([401, 403]).toContain(byKey.status);
    expectErrorEnvelope(byKey, byKey.status);
  });
});

/** The owner lets people join the tenant by themselves (tenant setting `allow_self_registration`). */
async function openForSelfRegistration(owner: Account): Promise<void> {
  const { accessToken } = await tokenOf(owner.email);
  const res = await gateway.patch(`/api/v1/secure/tenants/${owner.tenantId}`, { settings: { allow_self_registration: true } }, { token: accessToken });
  expect(res.status).toBe(200);
}

describe('POST /api/v1/public/auth/register-user', () => {
  it('joins an existing tenant as a member', async () => {
    const owner = await registerTenant();
    await openForSelfRegistration(owner);
    const email = `Join-${unique()}@Example.com`;
    const res = await gateway.post(REGISTER_USER, { email, password: PASSWORD, tenantId: owner.tenantId });
    const body = expectContract(res, 'POST', REGISTER_USER);
    expect(res.status).toBe(201);
    expect(body.user).toMatchObject({ email: email.toLowerCase(), tenantId: owner.tenantId, displayName: null });
    expect(body.tenant).toMatchObject({ id: owner.tenantId, name: owner.tenantName });
    expect(body.requiresVerification).toBe(true);
    const login = await tokenOf(email.toLowerCase());
    const role = expectContract(await gateway.get(ROLE, { token: login.accessToken }), 'GET', ROLE);
    expect(role).toEqual({ tenantId: owner.tenantId, role: 'member' });
    const me = expectContract(await gateway.get(ME, { token: login.accessToken }), 'GET', ME);
    expect(me.user.isTenantAdmin).toBe(false);
  });

  it('takes the tenant from an X-Tenant-ID header when the body names none', async () => {
    const owner = await registerTenant();
    await openForSelfRegistration(owner);
    const email = `hdr-${unique()}@example.com`;
    const res = await gateway.post(REGISTER_USER, { email, password: PASSWORD }, { headers: { 'x-tenant-id': owner.tenantId } });
    expect(res.status).toBe(201);
    expect(expectContract(res, 'POST', REGISTER_USER).tenant).toMatchObject({ id: owner.tenantId });
    const malformed = await gateway.post(REGISTER_USER, { email: `hdr-${unique()}@example.com`, password: PASSWORD }, { headers: { 'x-tenant-id': 'acme' } });
    expectErrorEnvelope(malformed, 400);
  });

  it('answers a tenant that does not take self-registration exactly like an unknown one (404)', async () => {
    const owner = await registerTenant();
    const email = `u-${unique()}@example.com`;
    const closed = await gateway.post(REGISTER_USER, { email, password: PASSWORD, tenantId: owner.tenantId });
    const unknown = await gateway.post(REGISTER_USER, { email: `u-${unique()}@example.com`, password: PASSWORD, tenantId: randomUUID() });
    expectErrorEnvelope(closed, 404);
    expectContract(closed, 'POST', REGISTER_USER);
    expect([closed.body.error, closed.body.message]).toEqual([unknown.body.error, unknown.body.message]);
    expectErrorEnvelope(await gateway.post(LOGIN, { email, password: PASSWORD }), 401);
  });

  it('answers 409 for a taken email, 404 for an unknown tenant, 400 without a tenant, 422 for bad input', async () => {
    const owner = await registerTenant();
    await openForSelfRegistration(owner);
    const taken = await gateway.post(REGISTER_USER, { email: owner.email, password: PASSWORD, tenantId: owner.tenantId });
    expectErrorEnvelope(taken, 409, 'EMAIL_TAKEN');
    expectContract(taken, 'POST', REGISTER_USER);
    const unknown = await gateway.post(REGISTER_USER, { email: `u-${unique()}@example.com`, password: PASSWORD, tenantId: randomUUID() });
    expectErrorEnvelope(unknown, 404);
    expectContract(unknown, 'POST', REGISTER_USER);
    const none = await gateway.post(REGISTER_USER, { email: `u-${unique()}@example.com`, password: PASSWORD });
    expectErrorEnvelope(none, 400);
    expectContract(none, 'POST', REGISTER_USER);
    for (const body of [{ email: 'x', password: PASSWORD }, { email: `u-${unique()}@example.com`, password: 'short' }, { email: `u-${unique()}@example.com`, password: PASSWORD, role: 'owner' }]) {
      const res = await gateway.post(REGISTER_USER, body);
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', REGISTER_USER);
    }
  });
});
