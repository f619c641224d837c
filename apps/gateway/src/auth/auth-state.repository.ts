import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { DomainError, ErrorCode, type ApiKeyActor } from '@lib/contracts';
import { REDIS } from '@lib/transport';

const API_KEY_CACHE_SECONDS = 300;

/** Where a blocked tenant is, and which of its sessions are revoked: Redis keys written by identity and tenancy. */
export interface CredentialState {
  sessionRevoked: boolean;
  tenantBlockedAs: string | null;
}

/** The auth state the gateway reads per request, all in Redis (shared by every gateway replica). */
@Injectable()
export class AuthStateRepository {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * One round trip for both checks. Fails closed: without Redis a revoked session cannot be told
   * apart, so the caller gets 503 rather than a possibly revoked token's access.
   */
  async credentialState(sessionId: string | null, tenantId: string | null): Promise<CredentialState> {
    const keys = [sessionId ? `auth:revoked-session:${sessionId}` : null, tenantId ? `tenancy:tenant-blocked:${tenantId}` : null];
    const present = keys.filter((k): k is string => k !== null);
    if (present.length === 0) return { sessionRevoked: false, tenantBlockedAs: null };
    const values = await this.read(() => this.redis.mget(...present));
    const valueOf = (key: string | null) => (key ? values[present.indexOf(key)] : null);
    return { sessionRevoked: valueOf(keys[0]) !== null, tenantBlockedAs: valueOf(keys[1]) };
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

function apiKeyCacheKey(keyHash: string): string {
  return `auth:api-key:${keyHash}`;
}
