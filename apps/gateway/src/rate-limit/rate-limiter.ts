import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';

import { REDIS } from '@lib/transport';

import type { RateLimitBucket } from './rate-limit-bucket';

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The Redis key of a bucket's current window. */
export function rateLimitKey(bucket: RateLimitBucket): string {
  return `ratelimit:${bucket.key}`;
}

/** A verdict from the window's count after this request and its remaining time in ms. */
export function rateLimitVerdict(count: number, ttlMs: number, limit: number): RateLimitVerdict {
  const resetSeconds = Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : RATE_LIMIT_WINDOW_MS) / 1000));
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
}

// Count and start the window in one atomic step: INCR, and PEXPIRE only for the first hit.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

type WithHit = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * Fixed one-minute windows in Redis, shared by every gateway replica, for anonymous callers. Callers with
 * credentials are counted in the same round trip as their credential check (AuthStateRepository.admit).
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: WithHit;

  constructor(@Inject(REDIS) redis: Redis) {
    // defineCommand sends the script's SHA (EVALSHA), not the script, on every call.
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as WithHit;
  }

  /** Without Redis, requests pass: limits protect capacity, and refusing everyone would be worse. */
  async hit(bucket: RateLimitBucket): Promise<RateLimitVerdict> {
    try {
      const [count, ttlMs] = await this.redis.rateLimitHit(rateLimitKey(bucket), RATE_LIMIT_WINDOW_MS);
      return rateLimitVerdict(count, ttlMs, bucket.limit);
    } catch (error) {
      this.logger.warn(`Rate limiting skipped, Redis unavailable: ${(error as Error).message}`);
      return { allowed: true, limit: bucket.limit, remaining: bucket.limit, resetSeconds: 60 };
    }
  }
}
