import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { DomainError, ErrorCode, revokedSessionKey } from '@lib/contracts';
import { REDIS, SERVICE_ENV } from '@lib/transport';

import type { IdentityEnv } from '../config';

/**
 * The Redis revocation list the gateway checks on every bearer request: `auth:revoked-session:<sid>`.
 * An entry lives as long as an access token can, so the list never outgrows the live tokens.
 */
@Injectable()
export class RevocationsRepository {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_ENV) private readonly env: IdentityEnv,
  ) {}

  async revoke(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.multi();
    for (const sid of sessionIds) pipeline.set(revokedSessionKey(sid), '1', 'EX', this.env.ACCESS_TOKEN_TTL_SECONDS);
    const results = await pipeline.exec().catch((error: Error) => unavailable(error));
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) unavailable(failed[0]);
  }
}

/** A revocation that did not reach Redis would leave the access tokens working: the caller must retry. */
function unavailable(error: Error): never {
  throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'Sessions cannot be revoked at the moment. Try again shortly.', undefined, error);
}
