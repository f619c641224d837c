import type Redis from 'ioredis';

import { loadConfig } from '../config';
import { LoginAttemptsRepository } from './login-attempts.repository';

/** Just the Redis commands the repository uses, in memory, with a clock the test moves. */
class FakeRedis {
  now = 0;
  private readonly values = new Map<string, { value: number; expiresAt: number }>();

  multi() {
    const commands: (() => unknown)[] = [];
    const chain = {
      get: (key: string) => (commands.push(() => this.live(key)?.value.toString() ?? null), chain),
      ttl: (key: string) => (commands.push(() => { const v = this.live(key); return v ? Math.ceil((v.expiresAt - this.now) / 1000) : -2; }), chain),
      set: (key: string, value: string, _ex: string, seconds: number, _nx: string) => (
        commands.push(() => { if (this.live(key)) return null; this.values.set(key, { value: Number(value), expiresAt: this.now + seconds * 1000 }); return 'OK'; }),
        chain
      ),
      incr: (key: string) => (commands.push(() => { const v = this.live(key)!; v.value++; return v.value; }), chain),
      expire: (key: string, seconds: number) => (commands.push(() => { const v = this.live(key); if (v) v.expiresAt = this.now + seconds * 1000; return 1; }), chain),
      exec: async () => commands.map((command) => [null, command()]),
    };
    return chain;
  }

  async del(key: string): Promise<number> {
    return this.values.delete(key) ? 1 : 0;
  }

  private live(key: string) {
    const v = this.values.get(key);
    if (v && v.expiresAt <= this.now) this.values.delete(key);
    return this.values.get(key) && v;
  }
}

describe('LoginAttemptsRepository', () => {
  const env = loadConfig({
    JWT_SECRET: 'x'.repeat(32),
    DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
    NATS_URL: 'nats://127.0.0.1:4222',
    REDIS_URL: 'redis://127.0.0.1:6379',
    LOGIN_ACCOUNT_MAX_ATTEMPTS: '8',
    LOGIN_IP_MAX_ATTEMPTS: '12',
  });
  let redis: FakeRedis;
  let attempts: LoginAttemptsRepository;

  beforeEach(() => {
    redis = new FakeRedis();
    attempts = new LoginAttemptsRepository(redis as unknown as Redis, env);
  });

  async function fail(times: number, email = 'ada@example.com', ip = '10.0.0.1'): Promise<void> {
    for (let i = 0; i < times; i++) await attempts.recordFailure(email, ip);
  }

  it('locks an account for one address after LOGIN_MAX_ATTEMPTS failures, for LOGIN_LOCK_SECONDS from the last one', async () => {
    await fail(4);
    expect(await attempts.retryAfter('ada@example.com', '10.0.0.1')).toBe(0);
    redis.now = 600_000;
    await fail(1);
    expect(await attempts.retryAfter('ada@example.com', '10.0.0.1')).toBe(900);
    redis.now = 600_000 + 899_000;
    expect(await attempts.retryAfter('ada@example.com', '10.0.0.1')).toBe(1);
    redis.now = 600_000 + 900_000;
    expect(await attempts.retryAfter('ada@example.com', '10.0.0.1')).toBe(0);
  });

  it('does not lock the same account from another address, nor another account', async () => {
    await fail(5);
    expect(await attempts.retryAfter('ada@example.com', '10.0.0.2')).toBe(0);
    expect(await attempts.retryAfter('bob@example.com', '10.0.0.1')).toBe(0);
  });

  it('slows a distributed guesser with the per-account limit, for the short account window only', async () => {
    for (let ip = 1; ip <= 8; ip++) await fail(1, 'ada@example.com', `10.0.1.${ip}`);
    expect(await attempts.retryAfter('ada@example.com', '10.0.9.9')).toBe(300);
    redis.now = 300_000;
    expect(await attempts.retryAfter('ada@example.com', '10.0.9.9')).toBe(0);
  });

  it('limits one address across accounts', async () => {
    for (let i = 0; i < 12; i++) await fail(1, `user${i}@example.com`);
    expect(await attempts.retryAfter('new@example.com', '10.0.0.1')).toBe(900);
  });

  it('clears the account-and-address counter on success', async () => {
    await fail(3);
    await attempts.clear('ada@example.com', '10.0.0.1');
    await fail(4);
    expect(await attempts.retryAfter('ada@example.com', '10.0.0.1')).toBe(0);
  });
});
