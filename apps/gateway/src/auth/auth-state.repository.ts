import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { DomainError, ErrorCode, type ApiKeyActor } from '@lib/contracts';
import { REDIS } from '@lib/transport';

const API_KEY_CACHE_SECONDS = 300;

/** Whether the caller's session is revoked (written by identity) and its tenant blocked (written by tenancy). */
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
    const [revoked, blockedAs] = await this.read(() =>
      this.redis.mget(`auth:revoked-session:${sessionId ?? '-'}`, `tenancy:tenant-blocked:${tenantId ?? '-'}`),
    );
    return { sessionRevoked: sessionId !== null && revoked !== null, tenantBlockedAs: tenantId ? blockedAs : null };
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
