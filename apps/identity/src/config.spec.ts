import { loadConfig } from './config';

const base = {
  JWT_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  NATS_URL: 'nats://127.0.0.1:4222',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('identity config: OAuth and realtime', () => {
  it('needs no OAuth or realtime variable', () => {
    const env = loadConfig(base);
    expect(env.OAUTH_GITHUB_CLIENT_ID).toBeUndefined();
    expect(env.OAUTH_STATE_TTL_SECONDS).toBe(600);
    expect(env.REALTIME_URL).toBeUndefined();
  });

  it('reads a provider, its URL overrides and the allowed redirect URLs', () => {
    const env = loadConfig({
      ...base,
      OAUTH_GITHUB_CLIENT_ID: 'id',
      OAUTH_GITHUB_CLIENT_SECRET: 'secret',
      OAUTH_GITHUB_TOKEN_URL: 'http://127.0.0.1:9999/token',
      OAUTH_ALLOWED_REDIRECT_URLS: 'https://app.example.com/auth/, chrome-extension://abc/',
    });
    expect(env.OAUTH_GITHUB_TOKEN_URL).toBe('http://127.0.0.1:9999/token');
    expect(env.OAUTH_ALLOWED_REDIRECT_URLS).toEqual(['https://app.example.com/auth/', 'chrome-extension://abc/']);
  });

  it('refuses a client id without its secret, a bad URL, a bad redirect entry and a realtime URL without key', () => {
    expect(() => loadConfig({ ...base, OAUTH_GOOGLE_CLIENT_ID: 'id' })).toThrow(/OAUTH_GOOGLE_CLIENT_SECRET/);
    expect(() => loadConfig({ ...base, OAUTH_GITHUB_TOKEN_URL: 'ftp://x/token' })).toThrow(/OAUTH_GITHUB_TOKEN_URL/);
    expect(() => loadConfig({ ...base, OAUTH_ALLOWED_REDIRECT_URLS: 'app.example.com/cb' })).toThrow(/OAUTH_ALLOWED_REDIRECT_URLS/);
    expect(() => loadConfig({ ...base, REALTIME_URL: 'https://rt.example.com' })).toThrow(/REALTIME_PUBLIC_KEY/);
  });
});
