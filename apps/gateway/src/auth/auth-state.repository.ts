import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import {
  apiKeyCacheKey,
  apiRequestsKey,
  DomainError,
  ErrorCode,
  revokedSessionKey,
  tenantBlockedKey,
  type Actor,
  type ApiKeyActor,
} from '@lib/contracts';
import { REDIS } from '@lib/transport';

import type { RateLimitBucket } from '../rate-limit/rate-limit-bucket';
import { RATE_LIMIT_WINDOW_MS, rateLimitKey, rateLimitVerdict, type RateLimitVerdict } from '../rate-limit/rate-limiter';

const API_KEY_CACHE_SECONDS = 300;
const USAGE_KEY_SECONDS = 32 * 24 * 3600;

/** What the gateway learns of a caller with credentials in its one Redis round trip. */
export interface Admission {
  /** Written by identity on logout, password change/reset and account deletion. */
  sessionRevoked: boolean;
  /** Written by tenancy while the tenant is not usable: its status, else null. */
  tenantBlockedAs: string | null;
  /** Null when the credentials were refused (nothing was counted). */
  rateLimit: RateLimitVerdict | null;
}

// KEYS: revoked session, tenant blocked, rate-limit window, tenant's usage today.
// ARGV: window ms, limit, usage key ttl s, whether to count usage (1/0).
// Refused credentials count nothing; admitted requests count against the limit, and within it as tenant usage.
const ADMIT_SCRIPT = `
local revoked = redis.call('EXISTS', KEYS[1])
local blocked = redis.call('GET', KEYS[2])
if revoked == 1 or blocked then return {revoked, blocked} end
local count = redis.call('INCR', KEYS[3])
if count == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[3])
if ARGV[4] == '1' and count <= tonumber(ARGV[2]) then
  if redis.call('INCR', KEYS[4]) == 1 then redis.call('EXPIRE', KEYS[4], ARGV[3]) end
end
return {0, false, count, ttl}`;

type AdmitReply = [revoked: 0 | 1, blockedAs: string | null, count?: number, ttlMs?: number];
type WithAdmit = Redis & { admitRequest(...args: Array<string | number>): Promise<AdmitReply> };

/** The auth state the gateway reads per request, all in Redis (shared by every gateway replica). */
@Injectable()
export class AuthStateRepository {
  private readonly redis: WithAdmit;

  constructor(@Inject(REDIS) redis: Redis) {
    redis.defineCommand('admitRequest', { numberOfKeys: 4, lua: ADMIT_SCRIPT });
    this.redis = redis as WithAdmit;
  }

  /**
   * Checks the session and the tenant, counts the request against its rate limit and, for a tenant,
   * as its API usage of the day (see docs/conventions.md): one round trip per request. Fails closed:
   * without Redis a revoked session cannot be told apart, so the caller gets 503 rather than a
   * possibly revoked token's access.
   */
  async admit(actor: Actor, bucket: RateLimitBucket, now = new Date()): Promise<Admission> {
    const [revoked, blockedAs, count, ttlMs] = await this.read(() =>
      this.redis.admitRequest(
        revokedSessionKey(actor.sessionId ?? '-'),
        tenantBlockedKey(actor.tenantId ?? '-'),
        rateLimitKey(bucket),
        apiRequestsKey(actor.tenantId ?? '-', now),
        RATE_LIMIT_WINDOW_MS,
        bucket.limit,
        USAGE_KEY_SECONDS,
        actor.tenantId ? 1 : 0,
      ),
    );
    if (count === undefined) {
      return { sessionRevoked: actor.sessionId !== null && revoked === 1, tenantBlockedAs: actor.tenantId ? blockedAs : null, rateLimit: null };
    }
    return { sessionRevoked: false, tenantBlockedAs: null, rateLimit: rateLimitVerdict(count, ttlMs ?? 0, bucket.limit) };
  }

  async cachedApiKey(keyHash: string): Promise<ApiKeyActor | null> {
    const cached = await this.read(() => this.redis.get(apiKeyCacheKey(keyHash)));
    return cached ? (JSON.parse(cached) as ApiKeyActor) : null;
  }

  async cacheApiKey(keyHash: string, actor: ApiKeyActor): Promise<void> {
    await this.redis.set(apiKeyCacheKey(keyHash), JSON.stringify(actor), 'EX', API_KEY_CACHE_SECONDS).catch(() => undefined);
  }

  private async read<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new DomainError(ErrorCode.ServiceUnavailable, 503, 'Credentials cannot be checked right now. Try again shortly.');
    }
  }
}
