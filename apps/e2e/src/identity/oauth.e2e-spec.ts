import { randomUUID } from 'node:crypto';

import Redis from 'ioredis';

import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

import { FakeOAuthProvider, type FakeAccount } from '../support/fake-oauth-provider';

// The OAuth client callback flow against a fake GitHub run by this process (the test profile points
// identity's OAUTH_GITHUB_* URLs at it), and the realtime client configuration.

const INITIATE = '/api/v1/public/auth/oauth/initiate';
const EXCHANGE = '/api/v1/public/auth/oauth/exchange';
const REGISTER = '/api/v1/public/auth/oauth/register';
const PROVIDERS = '/api/v1/public/auth/providers';
const PASSWORD_REGISTER = '/api/v1/public/auth/register';
const LOGIN = '/api/v1/public/auth/login';
const ME = '/api/v1/secure/auth/me';
const REALTIME = '/api/v1/secure/auth/client-config/realtime';

const env = (name: string) => process.env[name] as string;
const REDIRECT_URL = env('E2E_OAUTH_REDIRECT_URL');
const provider = new FakeOAuthProvider(Number(env('E2E_OAUTH_PROVIDER_PORT')), { id: env('E2E_OAUTH_CLIENT_ID'), secret: env('E2E_OAUTH_CLIENT_SECRET') });
const redis = new Redis(env('E2E_REDIS_URL'));

beforeAll(() => provider.start());
afterAll(async () => {
  await provider.stop();
  await redis.quit();
});

let accountIds = 1000;
function anAccount(overrides: Partial<FakeAccount> = {}): FakeAccount {
  const id = ++accountIds + Math.floor(Math.random() * 1_000_000);
  const login = `octo-${randomUUID().slice(0, 8)}`;
  return {
    id,
    login,
    name: `Octo ${login}`,
    avatarUrl: `https://avatars.example.test/u/${id}`,
    emails: [
      { email: `${login}-old@example.com`, verified: false, primary: false },
      { email: `${login}@example.com`, verified: true, primary: true },
    ],
    ...overrides,
  };
}

async function initiate(body: Record<string, unknown> = {}) {
  const res = await gateway.post(INITIATE, { provider: 'github', redirectUrl: REDIRECT_URL, clientType: 'web', ...body });
  return expectContract(res, 'POST', INITIATE).data;
}

/** Initiate, then sign in at the provider as `account`: the code and state the client callback receives. */
async function callbackFor(account: FakeAccount, initiateBody: Record<string, unknown> = {}): Promise<{ code: string; pveState: string }> {
  const started = await initiate(initiateBody);
  provider.signInAs(account);
  const res = await fetch(started.oauthUrl, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const callback = new URL(res.headers.get('location') as string);
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URL);
  expect(callback.searchParams.get('state')).toBe(started.stateId);
  return { code: callback.searchParams.get('code') as string, pveState: started.stateId };
}

async function exchange(callback: { code: string; pveState: string }) {
  return expectContract(await gateway.post(EXCHANGE, callback), 'POST', EXCHANGE).data;
}

describe('GET /api/v1/public/auth/providers', () => {
  it('lists the configured provider (github) for the client callback flow', async () => {
    const body = expectContract(await gateway.get(PROVIDERS), 'GET', PROVIDERS);
    expect(body.data).toEqual([
      { id: 'github', name: 'GitHub', enabled: true, icon: 'github', capabilities: { server_callback: false, client_callback: true, native_mobile: false } },
    ]);
    expect(body.emailEnabled).toBe(true);
  });
});

describe('POST /api/v1/public/auth/oauth/initiate', () => {
  it('answers the provider authorize URL with client id, redirect URI, state and an S256 PKCE challenge', async () => {
    const before = Date.now();
    const data = await initiate();
    const url = new URL(data.oauthUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`http://127.0.0.1:${env('E2E_OAUTH_PROVIDER_PORT')}/login/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: env('E2E_OAUTH_CLIENT_ID'),
      redirect_uri: REDIRECT_URL,
      scope: 'read:user user:email',
      state: data.stateId,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(data).toMatchObject({ provider: 'github', clientType: 'web', redirectMode: 'client_callback' });
    const ttl = new Date(data.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThan(610_000);
    expect(data.oauthUrl).not.toContain(env('E2E_OAUTH_CLIENT_SECRET'));
  });

  it('accepts allowed extension and desktop callbacks', async () => {
    expect((await initiate({ clientType: 'extension', redirectUrl: 'chrome-extension://e2eextensionid/callback.html' })).clientType).toBe('extension');
    expect((await initiate({ clientType: 'desktop', redirectUrl: 'app://e2e-desktop/oauth' })).clientType).toBe('desktop');
  });

  it.each([
    ['a host that is not allowed', 'https://evil.example.test/oauth/callback', 'web'],
    ['an allowed host as a prefix of another host', 'https://app.example.test.evil.test/oauth/callback', 'web'],
    ['a path outside the allowed prefix', 'https://app.example.test/other', 'web'],
    ['plain http', 'http://app.example.test/oauth/callback', 'web'],
    ['a scheme the client type may not use', 'https://app.example.test/oauth/callback', 'extension'],
    ['credentials in the URL', 'https://user:pw@app.example.test/oauth/callback', 'web'],
    ['no URL at all', 'not a url', 'web'],
  ])('refuses %s with 400 OAUTH_REDIRECT_NOT_ALLOWED', async (_, redirectUrl, clientType) => {
    const res = await gateway.post(INITIATE, { provider: 'github', redirectUrl, clientType });
    expectErrorEnvelope(res, 400, 'OAUTH_REDIRECT_NOT_ALLOWED');
    expectContract(res, 'POST', INITIATE);
  });

  it('answers 404 OAUTH_PROVIDER_NOT_CONFIGURED for a provider the platform does not offer', async () => {
    const res = await gateway.post(INITIATE, { provider: 'google', redirectUrl: REDIRECT_URL, clientType: 'web' });
    expectErrorEnvelope(res, 404, 'OAUTH_PROVIDER_NOT_CONFIGURED');
    expectContract(res, 'POST', INITIATE);
  });

  it('refuses an unknown provider and missing fields with 422', async () => {
    const res = await gateway.post(INITIATE, { provider: 'myspace', redirectUrl: REDIRECT_URL });
    expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    expectContract(res, 'POST', INITIATE);
  });
});

describe('OAuth sign-up and sign-in', () => {
  it('registers an unknown user through a ticket, then signs the same provider account in', async () => {
    const account = anAccount();
    const email = `${account.login}@example.com`;
    const first = await exchange(await callbackFor(account));
    expect(first).toMatchObject({
      status: 'registration_required',
      provider: 'github',
      requiresPostAuthFlow: true,
      user: null,
      registration: { email, displayName: account.name, avatarUrl: account.avatarUrl },
    });
    const sent = provider.tokenRequests.at(-1);
    expect(sent).toMatchObject({ clientId: env('E2E_OAUTH_CLIENT_ID'), redirectUri: REDIRECT_URL, codeVerifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    // The ticket is no session: the gateway refuses it as a bearer token.
    expectErrorEnvelope(await gateway.get(ME, { token: first.accessToken }), 401);

    const ticket = { accessToken: first.accessToken, refreshToken: first.refreshToken };
    const domain = `oauth-${randomUUID().slice(0, 8)}`;
    const res = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: `OAuth ${domain}`, tenantDomain: domain });
    expect(res.status).toBe(201);
    const registered = expectContract(res, 'POST', REGISTER);
    expect(registered).toMatchObject({ success: true, requiresPostAuthFlow: false, user: { email, displayName: account.name, tenantName: `OAuth ${domain}` } });
    const me = expectContract(await gateway.get(ME, { token: registered.accessToken }), 'GET', ME);
    expect(me.user).toMatchObject({ id: registered.user?.id, email, tenantId: registered.user?.tenantId, isTenantAdmin: true });

    // No password was set: password login fails exactly like a wrong password.
    const login = await gateway.post(LOGIN, { email, password: 'any password at all' });
    expectErrorEnvelope(login, 401, 'INVALID_CREDENTIALS');

    const again = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: 'Twice', tenantDomain: `${domain}-2` });
    expectErrorEnvelope(again, 401, 'OAUTH_TICKET_INVALID');
    expectContract(again, 'POST', REGISTER);

    const callback = await callbackFor(account);
    const second = await exchange(callback);
    expect(second).toMatchObject({
      status: 'authenticated',
      provider: 'github',
      requiresPostAuthFlow: false,
      registration: null,
      user: { id: registered.user?.id, email, tenantId: registered.user?.tenantId, isTenantAdmin: true },
    });
    const meAgain = expectContract(await gateway.get(ME, { token: second.accessToken }), 'GET', ME);
    expect(meAgain.user.id).toBe(registered.user?.id);

    const reused = await gateway.post(EXCHANGE, callback);
    expectErrorEnvelope(reused, 400, 'OAUTH_STATE_INVALID');
    expectContract(reused, 'POST', EXCHANGE);
  });

  it('signs in an existing password account with the same verified email, in the tenant the flow asked for', async () => {
    const account = anAccount();
    const email = `${account.login}@example.com`;
    const domain = `pw-${randomUUID().slice(0, 8)}`;
    const created = expectContract(
      await gateway.post(PASSWORD_REGISTER, { email, password: 'correct horse battery', tenantName: `Pw ${domain}`, tenantDomain: domain }),
      'POST',
      PASSWORD_REGISTER,
    );
    const data = await exchange(await callbackFor(account, { tenantId: created.tenant.id }));
    expect(data).toMatchObject({ status: 'authenticated', user: { id: created.user.id, email, tenantId: created.tenant.id } });
    // The password keeps working next to the provider.
    expectContract(await gateway.post(LOGIN, { email, password: 'correct horse battery' }), 'POST', LOGIN);
  });

  it('lets a closed account\'s provider account register again', async () => {
    const account = anAccount();
    const first = await exchange(await callbackFor(account));
    const created = expectContract(
      await gateway.post(REGISTER, { accessToken: first.accessToken, refreshToken: first.refreshToken, registrationMode: 'create_tenant', tenantName: 'Closing' }),
      'POST',
      REGISTER,
    );
    expect((await gateway.delete('/api/v1/secure/auth/account', { token: created.accessToken })).status).toBe(200);
    const again = await exchange(await callbackFor(account));
    expect(again.status).toBe('registration_required');
    const res = await gateway.post(REGISTER, { accessToken: again.accessToken, refreshToken: again.refreshToken, registrationMode: 'create_tenant', tenantName: 'Reopened' });
    const reopened = expectContract(res, 'POST', REGISTER);
    expect(reopened.user?.id).not.toBe(created.user?.id);
  });

  it('refuses a provider account without a verified email with 403', async () => {
    const account = anAccount({ emails: [{ email: 'unverified@example.com', verified: false, primary: true }] });
    const res = await gateway.post(EXCHANGE, await callbackFor(account));
    expectErrorEnvelope(res, 403, 'OAUTH_EMAIL_NOT_VERIFIED');
    expectContract(res, 'POST', EXCHANGE);
  });
});

describe('POST /api/v1/public/auth/oauth/exchange', () => {
  it('answers 401 OAUTH_CODE_REJECTED when the provider refuses the code, and the state is spent', async () => {
    const callback = await callbackFor(anAccount());
    const res = await gateway.post(EXCHANGE, { ...callback, code: 'not-the-code' });
    expectErrorEnvelope(res, 401, 'OAUTH_CODE_REJECTED');
    expectContract(res, 'POST', EXCHANGE);
    expectErrorEnvelope(await gateway.post(EXCHANGE, callback), 400, 'OAUTH_STATE_INVALID');
  });

  it('spends a state once even under concurrent exchanges', async () => {
    const callback = await callbackFor(anAccount());
    const answers = await Promise.all([gateway.post(EXCHANGE, callback), gateway.post(EXCHANGE, callback), gateway.post(EXCHANGE, callback)]);
    answers.forEach((res) => expectContract(res, 'POST', EXCHANGE));
    expect(answers.map((res) => res.status).sort()).toEqual([200, 400, 400]);
  });

  it('answers 400 OAUTH_STATE_INVALID for an unknown state', async () => {
    const res = await gateway.post(EXCHANGE, { code: 'whatever', pveState: randomUUID() });
    expectErrorEnvelope(res, 400, 'OAUTH_STATE_INVALID');
    expectContract(res, 'POST', EXCHANGE);
  });

  it('answers 400 OAUTH_STATE_INVALID for an expired state', async () => {
    const callback = await callbackFor(anAccount());
    expect(await redis.pexpire(`auth:oauth-state:${callback.pveState}`, 1)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const res = await gateway.post(EXCHANGE, callback);
    expectErrorEnvelope(res, 400, 'OAUTH_STATE_INVALID');
    expectContract(res, 'POST', EXCHANGE);
  });

  it('refuses a malformed body with 422', async () => {
    const res = await gateway.post(EXCHANGE, { code: '', pveState: 'not-a-uuid' });
    expectErrorEnvelope(res, 422, 'VALIDATION_FAILED');
    expectContract(res, 'POST', EXCHANGE);
  });
});

describe('POST /api/v1/public/auth/oauth/register', () => {
  async function ticketFor(account = anAccount()) {
    const data = await exchange(await callbackFor(account));
    expect(data.status).toBe('registration_required');
    return { accessToken: data.accessToken, refreshToken: data.refreshToken };
  }

  it('refuses join_tenant (422) and system_tenant (403) and keeps the ticket usable', async () => {
    const ticket = await ticketFor();
    const join = await gateway.post(REGISTER, { ...ticket, registrationMode: 'join_tenant', inviteCode: 'abc' });
    expectErrorEnvelope(join, 422, 'OAUTH_REGISTRATION_MODE_UNAVAILABLE');
    expectContract(join, 'POST', REGISTER);
    const system = await gateway.post(REGISTER, { ...ticket, registrationMode: 'system_tenant' });
    expectErrorEnvelope(system, 403, 'FORBIDDEN');
    expectContract(system, 'POST', REGISTER);
    const missingName = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant' });
    expectErrorEnvelope(missingName, 422, 'VALIDATION_FAILED');
    expectContract(missingName, 'POST', REGISTER);
    const res = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: 'Kept ticket' });
    expect(expectContract(res, 'POST', REGISTER).success).toBe(true);
  });

  it('gives the ticket back when the tenant domain is taken (422), so another domain works', async () => {
    const domain = `taken-${randomUUID().slice(0, 8)}`;
    const first = await gateway.post(REGISTER, { ...(await ticketFor()), registrationMode: 'create_tenant', tenantName: 'First', tenantDomain: domain });
    expect(first.status).toBe(201);
    const ticket = await ticketFor();
    const clash = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: 'Second', tenantDomain: domain });
    expect(clash.status).toBe(422);
    expectContract(clash, 'POST', REGISTER);
    const retry = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: 'Second', tenantDomain: `${domain}-b` });
    expect(retry.status).toBe(201);
  });

  it('registers one account from one ticket even under concurrent use', async () => {
    const ticket = await ticketFor();
    const answers = await Promise.all(
      [1, 2, 3].map((n) => gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: `Race ${n}` })),
    );
    answers.forEach((res) => expectContract(res, 'POST', REGISTER));
    expect(answers.map((res) => res.status).sort()).toEqual([201, 401, 401]);
  });

  it('answers 401 OAUTH_TICKET_INVALID for a forged or mismatched ticket', async () => {
    const ticket = await ticketFor();
    const other = await ticketFor();
    for (const body of [
      { accessToken: 'not.a.jwt', refreshToken: ticket.refreshToken },
      { accessToken: other.accessToken, refreshToken: ticket.refreshToken },
      { accessToken: ticket.accessToken, refreshToken: 'ort_forged' },
    ]) {
      const res = await gateway.post(REGISTER, { ...body, registrationMode: 'create_tenant', tenantName: 'Forged' });
      expectErrorEnvelope(res, 401, 'OAUTH_TICKET_INVALID');
      expectContract(res, 'POST', REGISTER);
    }
    // None of these spent the real ticket.
    const res = await gateway.post(REGISTER, { ...ticket, registrationMode: 'create_tenant', tenantName: 'Real' });
    expect(res.status).toBe(201);
  });
});

describe('GET /api/v1/secure/auth/client-config/realtime', () => {
  it('answers the configured realtime URL and public key to a signed-in user', async () => {
    const data = await exchange(await callbackFor(anAccount()));
    const registered = expectContract(
      await gateway.post(REGISTER, { accessToken: data.accessToken, refreshToken: data.refreshToken, registrationMode: 'create_tenant', tenantName: 'Realtime' }),
      'POST',
      REGISTER,
    );
    const res = await gateway.get(REALTIME, { token: registered.accessToken });
    expect(expectContract(res, 'GET', REALTIME)).toEqual({ data: { supabaseUrl: env('E2E_REALTIME_URL'), supabaseAnonKey: env('E2E_REALTIME_PUBLIC_KEY') } });
  });

  it('needs a token', async () => {
    const res = await gateway.get(REALTIME);
    expectErrorEnvelope(res, 401);
    expectContract(res, 'GET', REALTIME);
  });
});
