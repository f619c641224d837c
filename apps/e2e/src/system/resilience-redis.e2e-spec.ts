import { expectContract, expectErrorEnvelope, gateway, pollUntil } from '@lib/testing';

import { stackServer } from '../support/stack';
import { signAccessToken } from '../support/tokens';

// Redis down: tokens can no longer be checked against revocation, so secure routes fail closed
// with 503, while public routes go on (rate limits fail open) and health says degraded.

const token = () => signAccessToken();

describe('resilience: Redis down', () => {
  it('fails secure routes closed with 503, keeps public routes up, and recovers by itself', async () => {
    await stackServer('stop', 'redis');
    try {
      const secure = await pollUntil(() => gateway.get('/api/v1/secure/no-such-route', { token: token() }), (r) => r.status === 503, {
        timeoutMs: 15_000,
        what: 'secure routes to answer 503',
      });
      expectErrorEnvelope(secure, 503, 'SERVICE_UNAVAILABLE');
      expectContract(await gateway.get('/api/v1/public/countries/CH'), 'GET', '/api/v1/public/countries/{isoCode}');
      const full = await gateway.get('/api/v1/system/health', { query: { level: 'full' } });
      expect(full.body.status).toBe('degraded');
      expect(full.body.services.gateway.dependencies.redis.status).toBe('down');
      expect(full.body.services.gateway.message).toMatch(/redis/);
    } finally {
      await stackServer('start', 'redis');
    }
    await pollUntil(() => gateway.get('/api/v1/secure/no-such-route', { token: token() }), (r) => r.status === 404, {
      timeoutMs: 30_000,
      what: 'secure routes to work again',
    });
  });
});
