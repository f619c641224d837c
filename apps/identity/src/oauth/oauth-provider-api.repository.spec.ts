import { rejection } from '@lib/testing';

import type { IdentityEnv } from '../config';
import { OAuthProviderApiRepository } from './oauth-provider-api.repository';
import { configuredProviders, type ConfiguredProvider } from './oauth-provider-catalogue';

const env = {
  OAUTH_GOOGLE_CLIENT_ID: 'g-id',
  OAUTH_GOOGLE_CLIENT_SECRET: 'g-secret',
  OAUTH_APPLE_CLIENT_ID: 'com.example.app',
  OAUTH_APPLE_CLIENT_SECRET: 'apple-client-jwt',
  OAUTH_FACEBOOK_CLIENT_ID: 'fb-id',
  OAUTH_FACEBOOK_CLIENT_SECRET: 'fb-secret',
  OAUTH_GITHUB_CLIENT_ID: 'gh-id',
  OAUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
} as unknown as IdentityEnv;
const providers = Object.fromEntries(configuredProviders(env).map((p) => [p.id, p])) as Record<string, ConfiguredProvider>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function idToken(claims: Record<string, unknown>): string {
  return ['{"alg":"ES256"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');
}

describe('OAuthProviderApiRepository', () => {
  const api = new OAuthProviderApiRepository();
  let fetchMock: jest.SpyInstance;

  beforeEach(() => {
    fetchMock = jest.spyOn(global, 'fetch');
  });
  afterEach(() => fetchMock.mockRestore());

  it('exchanges the code with verifier and redirect URI, then reads GitHub /user and its primary verified email', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, { access_token: 'gho_x' }))
      .mockResolvedValueOnce(json(200, { id: 42, login: 'octo', name: null, avatar_url: 'https://avatars.example/42' }))
      .mockResolvedValueOnce(json(200, [
        { email: 'old@example.com', verified: true, primary: false },
        { email: 'unverified@example.com', verified: false, primary: true },
        { email: 'main@example.com', verified: true, primary: true },
      ]));
    const profile = await api.profileForCode(providers['github'], 'the-code', 'https://app.example.com/cb', 'the-verifier');
    expect(profile).toEqual({ subject: '42', email: 'main@example.com', displayName: 'octo', avatarUrl: 'https://avatars.example/42' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('https://github.com/login/oauth/access_token');
    expect(Object.fromEntries(new URLSearchParams(init.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'https://app.example.com/cb',
      client_id: 'gh-id',
      client_secret: 'gh-secret',
      code_verifier: 'the-verifier',
    });
    expect(fetchMock.mock.calls[1][1].headers.authorization).toBe('Bearer gho_x');
  });

  it('answers 401 OAUTH_CODE_REJECTED for a 400 and for GitHub\'s 200 with an error', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { error: 'invalid_grant' }));
    expect((await rejection(api.profileForCode(providers['google'], 'c', 'https://a/cb', 'v'))).code).toBe('OAUTH_CODE_REJECTED');
    fetchMock.mockResolvedValueOnce(json(200, { error: 'bad_verification_code' }));
    const error = await rejection(api.profileForCode(providers['github'], 'c', 'https://a/cb', 'v'));
    expect([error.status, error.code]).toEqual([401, 'OAUTH_CODE_REJECTED']);
  });

  it('answers 503 OAUTH_PROVIDER_UNAVAILABLE when the provider is down or fails', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect((await rejection(api.profileForCode(providers['google'], 'c', 'https://a/cb', 'v'))).code).toBe('OAUTH_PROVIDER_UNAVAILABLE');
    fetchMock.mockResolvedValueOnce(json(503, {}));
    expect((await rejection(api.profileForCode(providers['google'], 'c', 'https://a/cb', 'v'))).status).toBe(503);
  });

  it('takes an OIDC email only when email_verified is true', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, { access_token: 'ya29' }))
      .mockResolvedValueOnce(json(200, { sub: 'g-1', email: 'a@example.com', email_verified: true, name: 'Ada', picture: 'https://p.example/a' }));
    expect(await api.profileForCode(providers['google'], 'c', 'https://a/cb', 'v')).toEqual({
      subject: 'g-1', email: 'a@example.com', displayName: 'Ada', avatarUrl: 'https://p.example/a',
    });
    fetchMock
      .mockResolvedValueOnce(json(200, { access_token: 'ya29' }))
      .mockResolvedValueOnce(json(200, { sub: 'g-2', email: 'b@example.com', name: 'Bob', picture: 'javascript:alert(1)' }));
    expect(await api.profileForCode(providers['google'], 'c', 'https://a/cb', 'v')).toMatchObject({ subject: 'g-2', email: null, avatarUrl: null });
  });

  it('reads Facebook /me with its picture', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, { access_token: 'EAA' }))
      .mockResolvedValueOnce(json(200, { id: 'fb-1', name: 'Fay', email: 'fay@example.com', picture: { data: { url: 'https://fb.example/p.jpg' } } }));
    expect(await api.profileForCode(providers['facebook'], 'c', 'https://a/cb', 'v')).toEqual({
      subject: 'fb-1', email: 'fay@example.com', displayName: 'Fay', avatarUrl: 'https://fb.example/p.jpg',
    });
  });

  it('reads Apple\'s id token: issuer, audience and expiry checked, "true" as verified', async () => {
    const valid = { iss: 'https://appleid.apple.com', aud: 'com.example.app', exp: Math.floor(Date.now() / 1000) + 300, sub: 'a-1', email: 'x@privaterelay.appleid.com', email_verified: 'true' };
    fetchMock.mockResolvedValueOnce(json(200, { access_token: 'a', id_token: idToken(valid) }));
    expect(await api.profileForCode(providers['apple'], 'c', 'https://a/cb', 'v')).toEqual({
      subject: 'a-1', email: 'x@privaterelay.appleid.com', displayName: null, avatarUrl: null,
    });
    for (const bad of [{ ...valid, aud: 'other' }, { ...valid, iss: 'https://evil' }, { ...valid, exp: 1 }]) {
      fetchMock.mockResolvedValueOnce(json(200, { access_token: 'a', id_token: idToken(bad) }));
      expect((await rejection(api.profileForCode(providers['apple'], 'c', 'https://a/cb', 'v'))).code).toBe('OAUTH_CODE_REJECTED');
    }
  });
});
