import { loadConfig } from './config';

const base = { NATS_URL: 'nats://127.0.0.1:4222', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32) };

describe('TRUST_PROXY', () => {
  it('is 0 (no proxy: the socket address is the client) unless set', () => {
    expect(loadConfig({ ...base }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
  });

  it('takes a number of proxy hops, or proxy addresses and CIDRs', () => {
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 192.0.2.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.0.2.1']);
  });

  it('refuses "true", which would believe whatever X-Forwarded-For a client sends', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
