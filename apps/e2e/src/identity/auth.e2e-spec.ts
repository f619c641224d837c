import { randomUUID } from 'node:crypto';

import { connect, JSONCodec } from 'nats';

import { expectContract, expectErrorEnvelope, gateway, type GatewayResponse } from '@lib/testing';

// Accounts, logins and sessions, through the gateway. Each describe registers its own tenants (unique
// email and domain per run); two tenants side by side prove a user sees only its own.

const REGISTER = '/api/v1/public/auth/register';
const LOGIN = '/api/v1/public/auth/login';
const REFRESH = '/api/v1/public/auth/refresh';
const LOGOUT = '/api/v1/secure/auth/logout';
const ME = '/api/v1/secure/auth/me';

const PASSWORD = 'correct horse battery';

interface Registered {
  email: string;
  userId: string;
  tenantId: string;
  domain: string;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; tenantId: string; tenantName: string | null; isTenantAdmin: boolean };
}

const unique = () => randomUUID().slice(0, 8);

async function registerTenant(name = 'Acme'): Promise<Registered> {
  const id = unique();
  const email = `owner-${id}@example.com`;
  const domain = `acme-${id}`;
  const res = await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: `${name} ${id}`, tenantDomain: domain, displayName: 'Owner' });
  const body = expectContract(res, 'POST', REGISTER);
  expect(res.status).toBe(201);
  return { email, userId: body.user.id, tenantId: body.tenant.id, domain };
}

async function login(email: string, password = PASSWORD, extra: object = {}): Promise<GatewayResponse<Tokens>> {
  return gateway.post<Tokens>(LOGIN, { email, password, ...extra });
}

async function loggedIn(account: Registered): Promise<Tokens> {
  const res = await login(account.email);
  return expectContract(res, 'POST', LOGIN);
}

describe('POST /api/v1/public/auth/register', () => {
  it('creates the tenant and its owner, and never returns the password', async () => {
    const id = unique();
    const res = await gateway.post(REGISTER, {
      email: `Reg-${id}@Example.com`,
      password: PASSWORD,
      tenantName: `Register ${id}`,
      tenantDomain: `reg-${id}`,
      locale: 'de',
    });
    const body = expectContract(res, 'POST', REGISTER);
    expect(res.status).toBe(201);
    expect(body.user.email).toBe(`reg-${id}@example.com`);
    expect(body.tenant).toMatchObject({ name: `Register ${id}`, domain: `reg-${id}` });
    expect(body.user.tenantId).toBe(body.tenant.id);
    expect(res.text).not.toContain(PASSWORD);
    expect(res.text).not.toContain('argon2');
  });

  it('refuses an email that is registered already, in any case, with 409', async () => {
    const account = await registerTenant();
    const res = await gateway.post(REGISTER, {
      email: account.email.toUpperCase(),
      password: PASSWORD,
      tenantName: 'Second',
      tenantDomain: `second-${unique()}`,
    });
    expectErrorEnvelope(res, 409, 'EMAIL_TAKEN');
    expectContract(res, 'POST', REGISTER);
  });

  it('leaves no account behind when the tenant cannot be created (domain taken)', async () => {
    const account = await registerTenant();
    const email = `late-${unique()}@example.com`;
    const taken = await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: 'Taken', tenantDomain: account.domain });
    expectContract(taken, 'POST', REGISTER);
    expect(taken.status).toBe(409);
    expectErrorEnvelope(await login(email), 401);
    const retry = await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: 'Free', tenantDomain: `free-${unique()}` });
    expect(expectContract(retry, 'POST', REGISTER).user.email).toBe(email);
  });

  it('refuses malformed bodies with 422', async () => {
    const valid = { email: `v-${unique()}@example.com`, password: PASSWORD, tenantName: 'Valid', tenantDomain: `valid-${unique()}` };
    for (const body of [
      { ...valid, email: 'not-an-email' },
      { ...valid, password: 'short' },
      { ...valid, tenantDomain: 'Upper_Case' },
      { ...valid, tenantName: 'x' },
      { ...valid, locale: 'xx' },
      { ...valid, isSystemAdmin: true },
      { email: valid.email },
    ]) {
      const res = await gateway.post(REGISTER, body);
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', REGISTER);
    }
  });
});

describe('POST /api/v1/public/auth/login', () => {
  let account: Registered;
  beforeAll(async () => {
    account = await registerTenant();
  });

  it('issues an access and a refresh token for the default tenant', async () => {
    const res = await login(account.email.toUpperCase());
    const body = expectContract(res, 'POST', LOGIN);
    expect(body.user).toMatchObject({ id: account.userId, tenantId: account.tenantId, isTenantAdmin: true, isSystemAdmin: false });
    expect(body.expiresIn).toBe(900);
    expect(body.refreshToken).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
    const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: account.userId, tid: account.tenantId, role: 'owner', adm: false });
    expect(typeof claims['sid']).toBe('string');
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const wrong = await login(account.email, 'wrong password 1');
    const unknown = await login(`nobody-${unique()}@example.com`, 'wrong password 1');
    const a = expectErrorEnvelope(wrong, 401);
    const b = expectErrorEnvelope(unknown, 401);
    expectContract(wrong, 'POST', LOGIN);
    expect([a.error, a.message]).toEqual([b.error, b.message]);
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await login(email, 'wrong password 2');
      return performance.now() - started;
    };
    const other = await registerTenant();
    const wrong = [await time(other.email), await time(other.email)];
    const unknown = [await time(`nobody-${unique()}@example.com`), await time(`nobody-${unique()}@example.com`)];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(unknown)).toBeGreaterThan(mean(wrong) * 0.4);
  });

  it('refuses a tenant the user does not belong to with 403', async () => {
    const other = await registerTenant('Other');
    const res = await login(account.email, PASSWORD, { tenantId: other.tenantId });
    expectErrorEnvelope(res, 403);
    expectContract(res, 'POST', LOGIN);
  });

  it('refuses malformed bodies with 422', async () => {
    for (const body of [{ email: account.email }, { email: 'x', password: PASSWORD }, { email: account.email, password: PASSWORD, role: 'admin' }]) {
      const res = await gateway.post(LOGIN, body);
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'POST', LOGIN);
    }
  });
});

describe('login lockout', () => {
  it('answers 429 with Retry-After after 5 failures for one account from one address, even with the right password', async () => {
    const account = await registerTenant();
    for (let i = 0; i < 5; i++) expectErrorEnvelope(await login(account.email, `wrong password ${i}`), 401);
    const locked = await login(account.email);
    const body = expectErrorEnvelope(locked, 429, 'TOO_MANY_LOGIN_ATTEMPTS');
    const wait = Number(body.details?.['retryAfterSeconds']);
    expect(wait).toBeGreaterThan(890);
    expect(wait).toBeLessThanOrEqual(900);
    expect(Number(locked.headers['retry-after'])).toBe(wait);
  });

  it('lets at most 5 of 30 concurrent wrong logins for one account from one address be checked, the rest 429', async () => {
    const account = await registerTenant();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(account.email, `wrong password ${i}`)));
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    for (const res of results.filter((r) => r.status === 429)) {
      const body = expectErrorEnvelope(res, 429, 'TOO_MANY_LOGIN_ATTEMPTS');
      expect(Number(res.headers['retry-after'])).toBe(Number(body.details?.['retryAfterSeconds']));
    }
    const locked = await login(account.email);
    const body = expectErrorEnvelope(locked, 429, 'TOO_MANY_LOGIN_ATTEMPTS');
    const wait = Number(body.details?.['retryAfterSeconds']);
    expect(wait).toBeGreaterThan(890);
    expect(wait).toBeLessThanOrEqual(900);
    expect(Number(locked.headers['retry-after'])).toBe(wait);
  });

  it('does not lock other accounts from the same address', async () => {
    const account = await registerTenant();
    expectContract(await login(account.email), 'POST', LOGIN);
  });
});

describe('two tenants side by side', () => {
  it('each owner sees only its own tenant', async () => {
    const a = await registerTenant('Alpha');
    const b = await registerTenant('Beta');
    const tokensA = await loggedIn(a);
    const tokensB = await loggedIn(b);
    const meA = expectContract(await gateway.get(ME, { token: tokensA.accessToken }), 'GET', ME);
    const meB = expectContract(await gateway.get(ME, { token: tokensB.accessToken }), 'GET', ME);
    expect(meA.user).toMatchObject({ id: a.userId, tenantId: a.tenantId, email: a.email });
    expect(meB.user).toMatchObject({ id: b.userId, tenantId: b.tenantId, email: b.email });
    expectErrorEnvelope(await login(a.email, PASSWORD, { tenantId: b.tenantId }), 403);
  });
});

describe('POST /api/v1/public/auth/refresh', () => {
  let account: Registered;
  beforeAll(async () => {
    account = await registerTenant();
  });

  it('rotates the refresh token', async () => {
    const first = await loggedIn(account);
    const res = await gateway.post(REFRESH, { refreshToken: first.refreshToken });
    const body = expectContract(res, 'POST', REFRESH);
    expect(body.refreshToken).not.toBe(first.refreshToken);
    expect(body.accessToken).not.toBe(first.accessToken);
    expectContract(await gateway.get(ME, { token: body.accessToken }), 'GET', ME);
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const first = await loggedIn(account);
    const second = expectContract(await gateway.post(REFRESH, { refreshToken: first.refreshToken }), 'POST', REFRESH);
    const reuse = await gateway.post(REFRESH, { refreshToken: first.refreshToken });
    expectErrorEnvelope(reuse, 401, 'INVALID_REFRESH_TOKEN');
    expectContract(reuse, 'POST', REFRESH);
    // The token the attacker or the victim got from the second refresh is dead as well.
    expectErrorEnvelope(await gateway.post(REFRESH, { refreshToken: second.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
  });

  it('refuses unknown and missing tokens with 401', async () => {
    expectErrorEnvelope(await gateway.post(REFRESH, { refreshToken: 'rt_unknown' }), 401);
    expectErrorEnvelope(await gateway.post(REFRESH, {}), 401);
  });

  it('refuses a malformed body with 422', async () => {
    const res = await gateway.post(REFRESH, { refreshToken: 42 });
    expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    expectContract(res, 'POST', REFRESH);
  });
});

describe('POST /api/v1/secure/auth/logout', () => {
  it('needs a token', async () => {
    const res = await gateway.post(LOGOUT);
    expectErrorEnvelope(res, 401);
    expectContract(res, 'POST', LOGOUT);
  });

  it('revokes the session: its refresh token and its access token stop working', async () => {
    const account = await registerTenant();
    const tokens = await loggedIn(account);
    const other = await loggedIn(account);
    const res = await gateway.post(LOGOUT, undefined, { token: tokens.accessToken });
    expect(expectContract(res, 'POST', LOGOUT).message).toBeTruthy();
    expectErrorEnvelope(await gateway.post(REFRESH, { refreshToken: tokens.refreshToken }), 401);
    // Revocation check in the gateway (Redis auth:revoked-session:<sid>), within 1 s.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expectErrorEnvelope(await gateway.get(ME, { token: tokens.accessToken }), 401);
    // Another login of the same user is another session.
    expectContract(await gateway.get(ME, { token: other.accessToken }), 'GET', ME);
  });
});

describe('GET /api/v1/secure/auth/me', () => {
  it('needs a token', async () => {
    const res = await gateway.get(ME);
    expectErrorEnvelope(res, 401);
    expectContract(res, 'GET', ME);
  });

  it('describes the caller in its current tenant', async () => {
    const account = await registerTenant('Me');
    const tokens = await loggedIn(account);
    const body = expectContract(await gateway.get(ME, { token: tokens.accessToken }), 'GET', ME);
    expect(body.user).toMatchObject({
      id: account.userId,
      email: account.email,
      displayName: 'Owner',
      tenantId: account.tenantId,
      isTenantAdmin: true,
      isSystemAdmin: false,
      settings: {},
    });
    expect(body.user.tenantName).toMatch(/^Me /);
  });

  it("answers an API key with its creator, in the key's tenant", async () => {
    const account = await registerTenant('Keyed');
    const tokens = await loggedIn(account);
    const created = await gateway.post('/api/v1/secure/api-keys/', { name: 'me via key' }, { token: tokens.accessToken });
    expect(created.status).toBe(201);
    const res = await gateway.get(ME, { headers: { 'x-api-key': created.body.fullKey } });
    const body = expectContract(res, 'GET', ME);
    expect(body.user).toMatchObject({ id: account.userId, email: account.email, tenantId: account.tenantId });
  });
});

describe('PATCH /api/v1/secure/auth/me', () => {
  let account: Registered;
  let token: string;
  beforeAll(async () => {
    account = await registerTenant();
    token = (await loggedIn(account)).accessToken;
  });

  it('updates the profile and settings', async () => {
    const res = await gateway.patch(ME, { displayName: 'Ada L.', firstName: 'Ada', locale: 'fr', settings: { theme: 'dark' } }, { token });
    const body = expectContract(res, 'PATCH', ME);
    expect(body.user).toMatchObject({ displayName: 'Ada L.', locale: 'fr', settings: { theme: 'dark' } });
    expect(expectContract(await gateway.get(ME, { token }), 'GET', ME).user.displayName).toBe('Ada L.');
  });

  it('refuses fields that are not the profile (mass assignment) with 422', async () => {
    for (const body of [
      { email: 'other@example.com' },
      { isSystemAdmin: true },
      { emailVerified: true },
      { role: 'owner' },
      { tenantId: randomUUID() },
      { locale: 'xx' },
    ]) {
      const res = await gateway.patch(ME, body, { token });
      expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
      expectContract(res, 'PATCH', ME);
    }
    const me = expectContract(await gateway.get(ME, { token }), 'GET', ME);
    expect(me.user).toMatchObject({ email: account.email, isSystemAdmin: false, tenantId: account.tenantId });
  });

  it('needs a token', async () => {
    expectErrorEnvelope(await gateway.patch(ME, { displayName: 'x' }), 401);
  });
});

describe('audit events', () => {
  /** The newest audit event of `action` in the AUDIT stream (the audit service consumes it later). */
  async function lastAudit(action: string): Promise<Record<string, unknown>> {
    const nats = await connect({ servers: process.env['E2E_NATS_URL'] as string });
    try {
      const manager = await nats.jetstreamManager();
      const message = await manager.streams.getMessage('AUDIT', { last_by_subj: `events.audit.${action}` });
      return JSONCodec<Record<string, unknown>>().decode(message.data);
    } finally {
      await nats.close();
    }
  }

  it('records registration, login success and failure, and logout, with actor, tenant, ip and request id; never a secret', async () => {
    const account = await registerTenant();
    expect(await lastAudit('identity.user.registered')).toMatchObject({ resourceId: account.userId, tenantId: account.tenantId });
    await login(account.email, 'wrong password 9');
    const failed = await lastAudit('identity.login.failed');
    expect(failed).toMatchObject({ resourceId: account.userId, actor: { type: 'anonymous', id: null }, ip: expect.any(String) });
    const tokens = await loggedIn(account);
    const succeeded = await lastAudit('identity.login.succeeded');
    expect(succeeded).toMatchObject({ actor: { type: 'user', id: account.userId }, tenantId: account.tenantId, requestId: expect.any(String) });
    await gateway.post(LOGOUT, undefined, { token: tokens.accessToken });
    expect(await lastAudit('identity.session.logged-out')).toMatchObject({ actor: { type: 'user', id: account.userId } });
    for (const event of [failed, succeeded]) {
      const text = JSON.stringify(event);
      for (const secret of [PASSWORD, 'wrong password 9', tokens.refreshToken, tokens.accessToken, 'argon2']) expect(text).not.toContain(secret);
    }
  });
});
