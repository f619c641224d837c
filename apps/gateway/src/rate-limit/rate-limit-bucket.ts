import type { Actor } from '@lib/contracts';

import type { GatewayEnv } from '../config';

/** Which minute counter a request draws from, and how many requests that counter allows. */
export interface RateLimitBucket {
  key: string;
  limit: number;
}

type Limits = Pick<GatewayEnv, 'RATE_LIMIT_API_KEY_PER_MINUTE' | 'RATE_LIMIT_TENANT_PER_MINUTE' | 'RATE_LIMIT_PUBLIC_PER_MINUTE'>;

/** Per API key, per tenant for users acting in a tenant, per user without one, per client address for anonymous callers. */
export function rateLimitBucket(actor: Actor | undefined, ip: string, limits: Limits): RateLimitBucket {
  if (actor?.type === 'api-key') return { key: `key:${actor.id}`, limit: limits.RATE_LIMIT_API_KEY_PER_MINUTE };
  if (actor?.tenantId) return { key: `tenant:${actor.tenantId}`, limit: limits.RATE_LIMIT_TENANT_PER_MINUTE };
  if (actor) return { key: `user:${actor.id}`, limit: limits.RATE_LIMIT_TENANT_PER_MINUTE };
  return { key: `ip:${ip}`, limit: limits.RATE_LIMIT_PUBLIC_PER_MINUTE };
}
