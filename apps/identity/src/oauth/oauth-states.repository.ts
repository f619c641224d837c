import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import type { OAuthClientType, OAuthProviderId } from '@lib/contracts';
import { REDIS } from '@lib/transport';

/** A started OAuth flow, waiting for its exchange. */
export interface OAuthFlowState {
  provider: OAuthProviderId;
  clientType: OAuthClientType;
  redirectUrl: string;
  tenantId: string | null;
  /** The PKCE verifier, sealed (OAuthSecretsService.seal). */
  sealedVerifier: string;
  expiresAt: string;
}

/**
 * Started flows in Redis, `auth:oauth-state:<stateId>`, expiring with the flow. Taking a state deletes it
 * in the same command (GETDEL), so of two exchanges with one state exactly one gets it.
 */
@Injectable()
export class OAuthStatesRepository {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async save(stateId: string, state: OAuthFlowState, ttlSeconds: number): Promise<void> {
    await this.redis.set(key(stateId), JSON.stringify(state), 'EX', ttlSeconds);
  }

  async take(stateId: string): Promise<OAuthFlowState | null> {
    const raw = await this.redis.getdel(key(stateId));
    return raw ? (JSON.parse(raw) as OAuthFlowState) : null;
  }
}

function key(stateId: string): string {
  return `auth:oauth-state:${stateId}`;
}
