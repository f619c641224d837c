import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { DomainError, ErrorCode, type Actor } from '@lib/contracts';

import { GATEWAY_ENV, type GatewayEnv } from '../config';
import { RateLimiter } from './rate-limiter';

/**
 * Limits requests per minute: per API key, per tenant for users acting in a tenant, per user
 * without one, and per client address for anonymous callers. Runs after the access guard.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const [key, limit] = this.bucketOf(request);
    const verdict = await this.limiter.hit(key, limit);
    void reply.headers({
      'ratelimit-limit': verdict.limit,
      'ratelimit-remaining': verdict.remaining,
      'ratelimit-reset': verdict.resetSeconds,
    });
    if (!verdict.allowed) {
      throw new DomainError(ErrorCode.TooManyRequests, 429, `Too many requests: at most ${limit} a minute. Retry in ${verdict.resetSeconds} s.`, {
        retryAfterSeconds: verdict.resetSeconds,
      });
    }
    return true;
  }

  private bucketOf(request: FastifyRequest & { user?: Actor }): [string, number] {
    const actor = request.user;
    if (actor?.type === 'api-key') return [`key:${actor.id}`, this.env.RATE_LIMIT_API_KEY_PER_MINUTE];
    if (actor?.tenantId) return [`tenant:${actor.tenantId}`, this.env.RATE_LIMIT_TENANT_PER_MINUTE];
    if (actor) return [`user:${actor.id}`, this.env.RATE_LIMIT_TENANT_PER_MINUTE];
    return [`ip:${request.ip}`, this.env.RATE_LIMIT_PUBLIC_PER_MINUTE];
  }
}
