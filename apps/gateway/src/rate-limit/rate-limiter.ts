import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';

import { REDIS } from '@lib/transport';

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

const WINDOW_MS = 60_000;

// Count and start the window in one atomic step: INCR, and PEXPIRE only for the first hit.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

/** Fixed one-minute windows in Redis, shared by every gateway replica. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Without Redis, requests pass: limits protect capacity, and refusing everyone would be worse. */
  async hit(key: string, limit: number): Promise<RateLimitVerdict> {
    try {
      const [count, ttlMs] = (await this.redis.eval(HIT_SCRIPT, 1, `ratelimit:${key}`, WINDOW_MS)) as [number, number];
      const resetSeconds = Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : WINDOW_MS) / 1000));
      return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
    } catch (error) {
      this.logger.warn(`Rate limiting skipped, Redis unavailable: ${(error as Error).message}`);
      return { allowed: true, limit, remaining: limit, resetSeconds: 60 };
    }
  }
}
