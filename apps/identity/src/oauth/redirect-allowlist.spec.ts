import { DomainError } from '@lib/contracts';

import { RedirectAllowlist } from './redirect-allowlist';

const allowlist = new RedirectAllowlist(['https://app.example.com/auth/', 'chrome-extension://abcdef/', 'app://desk']);

function refusal(url: string, clientType: 'web' | 'extension' | 'desktop' | 'mobile' = 'web'): DomainError {
  try {
    allowlist.check(url, clientType);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${url} was allowed`);
}

describe('RedirectAllowlist', () => {
  it.each([
    ['https://app.example.com/auth/callback', 'web'],
    ['https://APP.example.com/auth/cb?next=%2Fhome', 'web'],
    ['https://app.example.com/auth', 'web'],
    ['chrome-extension://abcdef/oauth.html', 'extension'],
    ['app://desk/callback', 'desktop'],
    ['app://desk/callback', 'mobile'],
    ['https://app.example.com/auth/m', 'mobile'],
  ] as const)('allows %s for a %s client', (url, clientType) => {
    expect(allowlist.check(url, clientType)).toBe(new URL(url).href);
  });

  it.each([
    'https://app.example.com.evil.test/auth/callback',
    'https://evil.test/auth/callback',
    'https://app.example.com/authx',
    'https://app.example.com/other/auth/',
    'https://app.example.com:8443/auth/callback',
    'https://app.example.com/auth/../admin',
    'https://u:p@app.example.com/auth/cb',
    'https://app.example.com/auth/cb#frag',
    'javascript:alert(1)',
    '/auth/callback',
  ])('refuses %s with 400 OAUTH_REDIRECT_NOT_ALLOWED', (url) => {
    const error = refusal(url);
    expect([error.status, error.code]).toEqual([400, 'OAUTH_REDIRECT_NOT_ALLOWED']);
  });

  it('refuses a scheme the client type may not use, even when the URL is listed', () => {
    expect(refusal('https://app.example.com/auth/cb', 'extension').message).toContain('chrome-extension://');
    expect(refusal('chrome-extension://abcdef/oauth.html', 'web').status).toBe(400);
    expect(refusal('https://app.example.com/auth/cb', 'desktop').status).toBe(400);
  });

  it('allows nothing when no URL is configured', () => {
    expect(() => new RedirectAllowlist([]).check('https://app.example.com/auth/cb', 'web')).toThrow(DomainError);
  });
});
