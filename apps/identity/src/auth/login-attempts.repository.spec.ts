import type Redis from 'ioredis';

import { rejection } from '@lib/testing';

import { loadConfig } from '../config';
import { LoginAttemptsRepository } from './login-attempts.repository';

/**
 * Just the Redis commands the repository uses, in memory, with a clock the test moves. The two scripts
 * are played by JavaScript doing what their Lua does (one script runs without interleaving, as here);
 * the Lua itself runs against the real Redis in apps/e2e/src/identity/auth.e2e-spec.ts.
 */
class FakeRedis {
  now = 0;
  down = false;
  readonly defined = new Map<string, { numberOfKeys: number; lua: string }>();
  private readonly values = new Map<string, { value: number; expiresAt: number | null }>();

  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    this.defined.set(name, definition);
  }

  async identityLoginReserve(...args: (string | number)[]): Promise<number[]> {
    this.failIfDown();
    const keys = args.slice(0, 3).map(String);
    const argv = args.slice(3).map(Number);
    let wait = 0;
    keys.forEach((key, i) => {
      if ((this.live(key)?.value ?? 0) >= argv[i * 2]) wait = Math.max(wait, this.pttl(key) > 0 ? this.pttl(key) : argv[i * 2 + 1]);
    });
    if (wait > 0) return [wait];
    return [
      0,
      ...keys.map((key, i) => {
        const v = this.live(key) ?? { value: 0, expiresAt: null };
        v.value++;
        if (v.expiresAt === null) v.expiresAt = this.now + argv[i * 2 + 1];
        this.values.set(key, v);
        return v.value;
      }),
    ];
  }

  async identityLoginRelease(...args: (string | number)[]): Promise<number> {
    this.failIfDown();
    const keys = args.slice(0, 3).map(String);
    keys.forEach((key, i) => {
      const v = this.live(key);
      if (i === 0 && args[3] === 'clear') this.values.delete(key);
      else if (v && v.value > 0) v.value--;
    });
    return 1;
  }

  multi() {
    const commands: (() => unknown)[] = [];
    const chain = {
      expire: (key: string, seconds: number) => (commands.push(() => { const v = this.live(key); if (v) v.expiresAt = this.now + seconds * 1000; return v ? 1 : 0; }), chain),
      exec: async () => (this.failIfDown(), commands.map((command) => [null, command()])),
    };
    return chain;
  }

  value(key: string): number | undefined {
    return this.live(key)?.value;
  }

  private pttl(key: string): number {
    const v = this.live(key);
    if (!v) return -2;
    return v.expiresAt === null ? -1 : v.expiresAt - this.now;
  }

  private failIfDown(): void {
    if (this.down) throw new Error('Connection is closed.');
  }

  private live(key: string) {
    const v = this.values.get(key);
    if (v && v.expiresAt !== null && v.expiresAt <= this.now) this.values.delete(key);
    return this.values.get(key);
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

  /** One login attempt that fails its password check; answers the wait when it was refused instead (0 when it ran). */
  async function failOnce(email = 'ada@example.com', ip = '10.0.0.1'): Promise<number> {
    const attempt = await attempts.reserve(email, ip);
    if (attempt.retryAfter === 0) await attempts.recordFailure(email, ip, attempt);
    return attempt.retryAfter;
  }

  async function fail(times: number, email = 'ada@example.com', ip = '10.0.0.1'): Promise<void> {
    for (let i = 0; i < times; i++) expect(await failOnce(email, ip)).toBe(0);
  }

  /** The wait a new attempt would get (0: it may go ahead; its reservation is given back). */
  async function retryAfter(email = 'ada@example.com', ip = '10.0.0.1'): Promise<number> {
    const attempt = await attempts.reserve(email, ip);
    if (attempt.retryAfter === 0) await attempts.cancel(email, ip);
    return attempt.retryAfter;
  }

  const PAIR = /^auth:login-fail:pair:/;
  const keys = (email = 'ada@example.com', ip = '10.0.0.1') =>
    (attempts as unknown as { counters(e: string, i: string): { key: string }[] }).counters(email, ip).map((c) => c.key);

  it('defines its two scripts on the Redis connection', () => {
    expect([...redis.defined.keys()]).toEqual(['identityLoginReserve', 'identityLoginRelease']);
    expect(redis.defined.get('identityLoginReserve')).toEqual({ numberOfKeys: 3, lua: expect.stringContaining("redis.call('INCR'") });
    expect(redis.defined.get('identityLoginReserve')?.lua).toContain("redis.call('PEXPIRE'");
  });

  it('locks an account for one address after LOGIN_MAX_ATTEMPTS failures, for LOGIN_LOCK_SECONDS from the last one', async () => {
    await fail(4);
    expect(await retryAfter()).toBe(0);
    redis.now = 600_000;
    await fail(1);
    expect(await retryAfter()).toBe(900);
    redis.now = 600_000 + 899_000;
    expect(await retryAfter()).toBe(1);
    redis.now = 600_000 + 900_000;
    expect(await retryAfter()).toBe(0);
  });

  it('counts an attempt when it is reserved, before its password is checked', async () => {
    for (let i = 0; i < 5; i++) expect(await attempts.reserve('ada@example.com', '10.0.0.1')).toEqual({ retryAfter: 0, counts: [i + 1, i + 1, i + 1] });
    expect(await attempts.reserve('ada@example.com', '10.0.0.1')).toEqual({ retryAfter: 900, counts: [] });
  });

  it('lets at most LOGIN_MAX_ATTEMPTS of many concurrent attempts through', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => attempts.reserve('ada@example.com', '10.0.0.1')));
    expect(results.filter((r) => r.retryAfter === 0)).toHaveLength(5);
    expect(results.filter((r) => r.retryAfter === 900)).toHaveLength(25);
    expect(redis.value(keys()[0])).toBe(5);
  });

  it('does not count refused attempts, nor extend the lock with them', async () => {
    await fail(5);
    redis.now = 100_000;
    for (let i = 0; i < 10; i++) expect(await failOnce()).toBe(800);
    expect(keys().map((key) => redis.value(key))).toEqual([5, 5, 5]);
  });

  it('does not lock the same account from another address, nor another account', async () => {
    await fail(5);
    expect(await retryAfter('ada@example.com', '10.0.0.2')).toBe(0);
    expect(await retryAfter('bob@example.com', '10.0.0.1')).toBe(0);
  });

  it('slows a distributed guesser with the per-account limit, for the short account window only', async () => {
    for (let ip = 1; ip <= 8; ip++) await fail(1, 'ada@example.com', `10.0.1.${ip}`);
    expect(await retryAfter('ada@example.com', '10.0.9.9')).toBe(300);
    redis.now = 300_000;
    expect(await retryAfter('ada@example.com', '10.0.9.9')).toBe(0);
  });

  it('limits one address across accounts', async () => {
    for (let i = 0; i < 12; i++) await fail(1, `user${i}@example.com`);
    expect(await retryAfter('new@example.com', '10.0.0.1')).toBe(900);
  });

  it('on success clears the account-and-address counter and gives the reservation back to the others', async () => {
    await fail(3);
    expect((await attempts.reserve('ada@example.com', '10.0.0.1')).retryAfter).toBe(0);
    await attempts.recordSuccess('ada@example.com', '10.0.0.1');
    const [pair, account, ip] = keys();
    expect(pair).toMatch(PAIR);
    expect([redis.value(pair), redis.value(account), redis.value(ip)]).toEqual([undefined, 3, 3]);
    await fail(4);
    expect(await retryAfter()).toBe(0);
  });

  it('gives a cancelled attempt back to all three counters', async () => {
    await fail(2);
    await attempts.reserve('ada@example.com', '10.0.0.1');
    await attempts.cancel('ada@example.com', '10.0.0.1');
    expect(keys().map((key) => redis.value(key))).toEqual([2, 2, 2]);
  });

  it('fails closed with 503 while Redis is down', async () => {
    await fail(4);
    const attempt = await attempts.reserve('ada@example.com', '10.0.0.1');
    redis.down = true;
    for (const call of [
      attempts.reserve('ada@example.com', '10.0.0.1'),
      attempts.recordFailure('ada@example.com', '10.0.0.1', attempt),
      attempts.recordSuccess('ada@example.com', '10.0.0.1'),
      attempts.cancel('ada@example.com', '10.0.0.1'),
    ]) {
      const error = await rejection(call);
      expect([error.status, error.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    }
  });
});
