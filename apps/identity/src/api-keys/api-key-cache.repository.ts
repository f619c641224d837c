import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { apiKeyCacheKey, DomainError, ErrorCode } from '@lib/contracts';
import { REDIS } from '@lib/transport';

/**
 * The gateway caches each resolved key as `auth:api-key:<sha256hex>` for 300 s; identity forgets an entry
 * whenever the key changes, so a disabled, rotated or deleted key stops working at once.
 */
@Injectable()
export class ApiKeyCacheRepository {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async forget(keyHash: string): Promise<void> {
    try {
      await this.redis.del(apiKeyCacheKey(keyHash));
    } catch {
      throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'API keys cannot be changed right now. Try again shortly.');
    }
  }
}
