import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { DomainError, ErrorCode, type Actor } from '@lib/contracts';

import { GATEWAY_ENV, type GatewayEnv } from '../config';
import { rateLimitBucket } from './rate-limit-bucket';
import { RateLimiter, type RateLimitVerdict } from './rate-limiter';

/** A request the access guard admitted carries the verdict of its rate limit, counted in the same Redis call. */
export type RateLimitedRequest = FastifyRequest & { user?: Actor; rateLimit?: RateLimitVerdict };

/** Answers 429 once a caller used its minute; sets the RateLimit headers on every answer. Runs after the access guard. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const verdict = request.rateLimit ?? (await this.limiter.hit(rateLimitBucket(request.user, request.ip, this.env)));
    void reply.headers({
      'ratelimit-limit': verdict.limit,
      'ratelimit-remaining': verdict.remaining,
      'ratelimit-reset': verdict.resetSeconds,
    });
    if (!verdict.allowed) {
      throw new DomainError(ErrorCode.TooManyRequests, 429, `Too many requests: at most ${verdict.limit} a minute. Retry in ${verdict.resetSeconds} s.`, {
        retryAfterSeconds: verdict.resetSeconds,
      });
    }
    return true;
  }
}
