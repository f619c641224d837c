import { randomUUID } from 'node:crypto';

import { expectContract, expectErrorEnvelope, gateway } from '@lib/testing';

// The caller's own account: password change, settings reset, closing the account; the providers list
// (OAuth itself: oauth.e2e-spec.ts).

const REGISTER = '/api/v1/public/auth/register';
const LOGIN = '/api/v1/public/auth/login';
const REFRESH = '/api/v1/public/auth/refresh';
const ME = '/api/v1/secure/auth/me';
const CHANGE_PASSWORD = '/api/v1/secure/auth/me/change-password';
const PREFERENCES = '/api/v1/secure/auth/me/preferences';
const ACCOUNT = '/api/v1/secure/auth/account';
const PROVIDERS = '/api/v1/public/auth/providers';

const PASSWORD = 'correct horse battery';
const unique = () => randomUUID().slice(0, 8);

async function registered(): Promise<{ email: string; accessToken: string; refreshToken: string }> {
  const id = unique();
  const email = `acct-${id}@example.com`;
  expectContract(await gateway.post(REGISTER, { email, password: PASSWORD, tenantName: `Acct ${id}`, tenantDomain: `acct-${id}` }), 'POST', REGISTER);
  const login = expectContract(await gateway.post(LOGIN, { email, password: PASSWORD }), 'POST', LOGIN);
  return { email, accessToken: login.accessToken, refreshToken: login.refreshToken };
}

describe('POST /api/v1/secure/auth/me/change-password', () => {
  it('changes the password and logs out every session', async () => {
    const account = await registered();
    const other = expectContract(await gateway.post(LOGIN, { email: account.email, password: PASSWORD }), 'POST', LOGIN);
    const res = await gateway.post(CHANGE_PASSWORD, { currentPassword: PASSWORD, newPassword: 'a brand new password' }, { token: account.accessToken });
    expect(expectContract(res, 'POST', CHANGE_PASSWORD).data.success).toBe(true);
    expect(res.text).not.toContain('a brand new password');
    for (const token of [account.accessToken, other.accessToken]) expectErrorEnvelope(await gateway.get(ME, { token }), 401);
    expectErrorEnvelope(await gateway.post(REFRESH, { refreshToken: other.refreshToken }), 401);
    expectErrorEnvelope(await gateway.post(LOGIN, { email: account.email, password: PASSWORD }), 401);
    expectContract(await gateway.post(LOGIN, { email: account.email, password: 'a brand new password' }), 'POST', LOGIN);
  });

  it('refuses a wrong current password with 400 and bad input with 422', async () => {
    const account = await registered();
    const wrong = await gateway.post(CHANGE_PASSWORD, { currentPassword: 'not the password', newPassword: 'whatever long' }, { token: account.accessToken });
    expectErrorEnvelope(wrong, 400);
    expectContract(wrong, 'POST', CHANGE_PASSWORD);
    const bad = await gateway.post(CHANGE_PASSWORD, { currentPassword: PASSWORD, newPassword: 'short' }, { token: account.accessToken });
    expectErrorEnvelope(bad, 422, 'VALIDATION_FAILED');
    expectContract(bad, 'POST', CHANGE_PASSWORD);
    expectErrorEnvelope(await gateway.post(CHANGE_PASSWORD, { currentPassword: PASSWORD, newPassword: 'whatever long' }), 401);
  });
});

describe('DELETE /api/v1/secure/auth/me/preferences', () => {
  it('resets the settings', async () => {
    const account = await registered();
    expectContract(await gateway.patch(ME, { settings: { theme: 'dark' } }, { token: account.accessToken }), 'PATCH', ME);
    const res = await gateway.delete(PREFERENCES, { token: account.accessToken });
    expect(expectContract(res, 'DELETE', PREFERENCES).user.settings).toEqual({});
    expectErrorEnvelope(await gateway.delete(PREFERENCES), 401);
  });
});

describe('DELETE /api/v1/secure/auth/account', () => {
  it('closes the account: tokens stop working, login fails, the email can register again', async () => {
    const account = await registered();
    const res = await gateway.delete(ACCOUNT, { token: account.accessToken });
    const body = expectContract(res, 'DELETE', ACCOUNT);
    expect(body.data.success).toBe(true);
    expectErrorEnvelope(await gateway.get(ME, { token: account.accessToken }), 401);
    expectErrorEnvelope(await gateway.post(REFRESH, { refreshToken: account.refreshToken }), 401);
    expectErrorEnvelope(await gateway.post(LOGIN, { email: account.email, password: PASSWORD }), 401);
    const id = unique();
    const again = await gateway.post(REGISTER, { email: account.email, password: PASSWORD, tenantName: `Again ${id}`, tenantDomain: `again-${id}` });
    expect(again.status).toBe(201);
  });

  it('needs a token', async () => {
    const res = await gateway.delete(ACCOUNT);
    expectErrorEnvelope(res, 401);
    expectContract(res, 'DELETE', ACCOUNT);
  });
});

describe('GET /api/v1/public/auth/providers', () => {
  it('lists the OAuth providers the test profile configures (github only), and email and password', async () => {
    const body = expectContract(await gateway.get(PROVIDERS), 'GET', PROVIDERS);
    expect(body.data.map((p: { id: string }) => p.id)).toEqual(['github']);
    expect(body.emailEnabled).toBe(true);
  });
});
