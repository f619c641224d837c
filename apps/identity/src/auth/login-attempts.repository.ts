import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { DomainError, ErrorCode } from '@lib/contracts';
import { REDIS, SERVICE_ENV } from '@lib/transport';

import type { IdentityEnv } from '../config';

interface Counter {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Failed-login counters in Redis, in three fixed windows: one account from one address (the lock of
 * LOGIN_MAX_ATTEMPTS / LOGIN_LOCK_SECONDS), one account from anywhere (higher limit, short window, so a
 * distributed guesser is slowed but the owner is not locked out for long), one address for any account.
 */
@Injectable()
export class LoginAttemptsRepository {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_ENV) private readonly env: IdentityEnv,
  ) {}

  /** Seconds until the caller may try again; 0 when no limit is reached. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const counters = this.counters(email, ip);
    const pipeline = this.redis.multi();
    for (const counter of counters) pipeline.get(counter.key).ttl(counter.key);
    const results = (await pipeline.exec().catch(redisDown)) ?? [];
    let wait = 0;
    counters.forEach((counter, i) => {
      const count = Number(results[i * 2]?.[1] ?? 0);
      const ttl = Number(results[i * 2 + 1]?.[1] ?? -2);
      if (count >= counter.max) wait = Math.max(wait, ttl > 0 ? ttl : counter.windowSeconds);
    });
    return wait;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const counters = this.counters(email, ip);
    const pipeline = this.redis.multi();
    for (const counter of counters) pipeline.set(counter.key, '0', 'EX', counter.windowSeconds, 'NX').incr(counter.key);
    const results = (await pipeline.exec().catch(redisDown)) ?? [];
    // The failure that reaches a limit starts a full lock from now, not from the window's first failure.
    const relock = this.redis.multi();
    let relocks = 0;
    counters.forEach((counter, i) => {
      if (Number(results[i * 2 + 1]?.[1] ?? 0) === counter.max) {
        relock.expire(counter.key, counter.windowSeconds);
        relocks++;
      }
    });
    if (relocks > 0) await relock.exec().catch(redisDown);
  }

  /** A successful login clears the account-and-address counter (not the others: a guesser cannot reset them). */
  async clear(email: string, ip: string): Promise<void> {
    await this.redis.del(this.counters(email, ip)[0].key).catch(redisDown);
  }

  private counters(email: string, ip: string): Counter[] {
    const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
    return [
      { key: `auth:login-fail:pair:${account}:${ip}`, max: this.env.LOGIN_MAX_ATTEMPTS, windowSeconds: this.env.LOGIN_LOCK_SECONDS },
      {
        key: `auth:login-fail:account:${account}`,
        max: this.env.LOGIN_ACCOUNT_MAX_ATTEMPTS,
        windowSeconds: this.env.LOGIN_ACCOUNT_WINDOW_SECONDS,
      },
      { key: `auth:login-fail:ip:${ip}`, max: this.env.LOGIN_IP_MAX_ATTEMPTS, windowSeconds: this.env.LOGIN_LOCK_SECONDS },
    ];
  }
}

/** Without its counters login would be unlimited: it fails closed. */
function redisDown(error: Error): never {
  throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'Login is unavailable for a moment. Try again shortly.', { reason: error.message });
}
