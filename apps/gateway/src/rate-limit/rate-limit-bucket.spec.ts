import type { Actor } from '@lib/contracts';

import { rateLimitBucket } from './rate-limit-bucket';
import { rateLimitVerdict } from './rate-limiter';

const limits = { RATE_LIMIT_API_KEY_PER_MINUTE: 30, RATE_LIMIT_TENANT_PER_MINUTE: 20, RATE_LIMIT_PUBLIC_PER_MINUTE: 10 };
const user = (tenantId: string | null): Actor => ({ type: 'user', id: 'u1', tenantId, role: null, sessionId: 's1', isSystemAdmin: false });

describe('rateLimitBucket', () => {
  it('counts API keys per key, users per tenant (or per user without one), anonymous callers per address', () => {
    expect(rateLimitBucket({ ...user('t1'), type: 'api-key', id: 'k1' }, '192.0.2.1', limits)).toEqual({ key: 'key:k1', limit: 30 });
    expect(rateLimitBucket(user('t1'), '192.0.2.1', limits)).toEqual({ key: 'tenant:t1', limit: 20 });
    expect(rateLimitBucket(user(null), '192.0.2.1', limits)).toEqual({ key: 'user:u1', limit: 20 });
    expect(rateLimitBucket(undefined, '192.0.2.1', limits)).toEqual({ key: 'ip:192.0.2.1', limit: 10 });
  });
});

describe('rateLimitVerdict', () => {
  it('allows up to the limit and reports what is left and when the window resets', () => {
    expect(rateLimitVerdict(3, 12_300, 5)).toEqual({ allowed: true, limit: 5, remaining: 2, resetSeconds: 13 });
    expect(rateLimitVerdict(5, 500, 5)).toEqual({ allowed: true, limit: 5, remaining: 0, resetSeconds: 1 });
    expect(rateLimitVerdict(6, 500, 5)).toEqual({ allowed: false, limit: 5, remaining: 0, resetSeconds: 1 });
  });

  it('assumes a whole window when Redis reports no expiry', () => {
    expect(rateLimitVerdict(1, -1, 5).resetSeconds).toBe(60);
  });
});
