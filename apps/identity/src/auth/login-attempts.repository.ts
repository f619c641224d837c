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

/** One login attempt, reserved before the password is checked. */
export interface LoginAttempt {
  /** Seconds until the caller may try again; 0 when the attempt was reserved (counted) and may go ahead. */
  retryAfter: number;
  /** The counters' values after this attempt was counted (pair, account, address); empty when refused. */
  counts: number[];
}

/**
 * KEYS: the counters (pair, account, address). ARGV: per counter its limit and its window in milliseconds.
 * If any counter is already at its limit, nothing is counted and the answer is {wait in ms}; otherwise every
 * counter is incremented (a new one, or one without expiry, gets its window) and the answer is {0, counts...}.
 * One script, so the check and the count are atomic: concurrent logins cannot all pass the check.
 */
const RESERVE_LUA = `
local wait = 0
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[i * 2 - 1]) then
    local pttl = redis.call('PTTL', KEYS[i])
    local ms = tonumber(ARGV[i * 2])
    if pttl > 0 then ms = pttl end
    if ms > wait then wait = ms end
  end
end
if wait > 0 then return {wait} end
local answer = {0}
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[i * 2]) end
  answer[i + 1] = count
end
return answer
`;

/**
 * Gives back a reserved attempt: KEYS[1] is deleted when ARGV[1] is 'clear' (else decremented), the other
 * keys are decremented. A counter is only decremented while it exists and is above 0 (it may have expired).
 */
const RELEASE_LUA = `
for i = 1, #KEYS do
  if i == 1 and ARGV[1] == 'clear' then
    redis.call('DEL', KEYS[i])
  elseif tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
    redis.call('DECR', KEYS[i])
  end
end
return 1
`;

const RESERVE_COMMAND = 'identityLoginReserve';
const RELEASE_COMMAND = 'identityLoginRelease';

interface ScriptedRedis {
  [RESERVE_COMMAND](...args: (string | number)[]): Promise<number[]>;
  [RELEASE_COMMAND](...args: (string | number)[]): Promise<number>;
}

/**
 * Login-attempt counters in Redis, in three fixed windows: one account from one address (the lock of
 * LOGIN_MAX_ATTEMPTS / LOGIN_LOCK_SECONDS), one account from anywhere (higher limit, short window, so a
 * distributed guesser is slowed but the owner is not locked out for long), one address for any account.
 *
 * Every attempt is counted (reserved) before its password is checked, atomically with the check of the
 * limits ({@link reserve}), so concurrent logins cannot exceed them; a successful login gives its
 * reservation back ({@link recordSuccess}), so in effect the counters count failed logins.
 */
@Injectable()
export class LoginAttemptsRepository {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_ENV) private readonly env: IdentityEnv,
  ) {
    redis.defineCommand(RESERVE_COMMAND, { numberOfKeys: 3, lua: RESERVE_LUA });
    redis.defineCommand(RELEASE_COMMAND, { numberOfKeys: 3, lua: RELEASE_LUA });
  }

  /**
   * Checks the limits and, when none is reached, counts this attempt in all three counters, in one atomic
   * step. A refused attempt (retryAfter > 0) is not counted.
   */
  async reserve(email: string, ip: string): Promise<LoginAttempt> {
    const counters = this.counters(email, ip);
    const args = counters.flatMap((counter) => [counter.max, counter.windowSeconds * 1000]);
    const answer = await this.scripted()
      [RESERVE_COMMAND](...counters.map((counter) => counter.key), ...args)
      .catch(redisDown);
    const waitMs = Number(answer[0] ?? 0);
    if (waitMs > 0) return { retryAfter: Math.ceil(waitMs / 1000), counts: [] };
    return { retryAfter: 0, counts: counters.map((_, i) => Number(answer[i + 1] ?? 0)) };
  }

  /** The reserved attempt failed: it stays counted, and the failure that reached a limit starts a full lock from now. */
  async recordFailure(email: string, ip: string, attempt: LoginAttempt): Promise<void> {
    const counters = this.counters(email, ip);
    const relock = this.redis.multi();
    let relocks = 0;
    counters.forEach((counter, i) => {
      if ((attempt.counts[i] ?? 0) >= counter.max) {
        relock.expire(counter.key, counter.windowSeconds);
        relocks++;
      }
    });
    if (relocks > 0) await relock.exec().catch(redisDown);
  }

  /**
   * A successful login clears the account-and-address counter and gives its reservation back to the
   * others (it does not clear them: a guesser cannot reset them).
   */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.release(email, ip, 'clear');
  }

  /** The attempt ended without an answer on the password (an error): its reservation is given back. */
  async cancel(email: string, ip: string): Promise<void> {
    await this.release(email, ip, 'decrement');
  }

  private async release(email: string, ip: string, pair: 'clear' | 'decrement'): Promise<void> {
    const keys = this.counters(email, ip).map((counter) => counter.key);
    await this.scripted()[RELEASE_COMMAND](...keys, pair).catch(redisDown);
  }

  private scripted(): ScriptedRedis {
    return this.redis as unknown as ScriptedRedis;
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
  throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'Login is unavailable for a moment. Try again shortly.', undefined, error);
}
