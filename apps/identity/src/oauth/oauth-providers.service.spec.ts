import { DomainError } from '@lib/contracts';

import type { IdentityEnv } from '../config';
import { OAuthProvidersService } from './oauth-providers.service';

const env = {
  OAUTH_GITHUB_CLIENT_ID: 'gh-id',
  OAUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
  OAUTH_GITHUB_TOKEN_URL: 'http://127.0.0.1:9999/token',
  OAUTH_GOOGLE_CLIENT_ID: 'g-id',
  OAUTH_GOOGLE_CLIENT_SECRET: 'g-secret',
} as unknown as IdentityEnv;

describe('OAuthProvidersService', () => {
  const providers = new OAuthProvidersService(env);

  it('lists the configured providers only, in catalogue order, without any client detail', () => {
    const list = providers.list();
    expect(list.data.map((p) => p.id)).toEqual(['google', 'github']);
    expect(list.data[1]).toEqual({
      id: 'github', name: 'GitHub', enabled: true, icon: 'github',
      capabilities: { server_callback: false, client_callback: true, native_mobile: false },
    });
    expect(JSON.stringify(list)).not.toMatch(/secret|gh-id/);
    expect(new OAuthProvidersService({} as IdentityEnv).list().data).toEqual([]);
  });

  it('gives a provider its well-known endpoints unless overridden', () => {
    expect(providers.get('github')).toMatchObject({
      clientId: 'gh-id',
      authorizeUrl: 'https://github.com/login/oauth/authorize',
      tokenUrl: 'http://127.0.0.1:9999/token',
      emailsUrl: 'https://api.github.com/user/emails',
    });
    expect(providers.get('google').userinfoUrl).toBe('https://openidconnect.googleapis.com/v1/userinfo');
  });

  it('answers 404 OAUTH_PROVIDER_NOT_CONFIGURED for a provider without client', () => {
    expect(() => providers.get('apple')).toThrow(DomainError);
    try {
      providers.get('apple');
    } catch (error) {
      expect([(error as DomainError).status, (error as DomainError).code]).toEqual([404, 'OAUTH_PROVIDER_NOT_CONFIGURED']);
    }
  });
});
