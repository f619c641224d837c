import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { apiRequestsKey, DomainError, ErrorCode } from '@lib/contracts';
import { REDIS } from '@lib/transport';

const DAY_MS = 86_400_000;

/** The keys of the last `days` UTC days, today included. */
export function lastDaysKeys(tenantId: string, now: Date, days: number): string[] {
  return Array.from({ length: days }, (_, back) => apiRequestsKey(tenantId, new Date(now.getTime() - back * DAY_MS)));
}

/** Reads the per-day API request counters the gateway writes. */
@Injectable()
export class ApiUsageRepository {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Requests of the last 30 UTC days (today included), in one MGET. */
  async last30Days(tenantId: string, now: Date = new Date()): Promise<number> {
    try {
      const counts = await this.redis.mget(...lastDaysKeys(tenantId, now, 30));
      return counts.reduce((sum, count) => sum + (Number.parseInt(count ?? '0', 10) || 0), 0);
    } catch (error) {
      throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'Redis is unavailable, so API usage cannot be read now. Try again shortly.', undefined, error);
    }
  }
}
