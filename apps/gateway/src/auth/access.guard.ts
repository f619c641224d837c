import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode, type Access, type Actor, type EndpointDeclaration } from '@lib/contracts';

import { GATEWAY_ENV, type GatewayEnv } from '../config';
import { rateLimitBucket } from '../rate-limit/rate-limit-bucket';
import type { RateLimitedRequest } from '../rate-limit/rate-limit.guard';

import { ACCESS_METADATA, ENDPOINT_METADATA } from '../routing/endpoint.metadata';
import { requestContext } from '../routing/request-context';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthStateRepository } from './auth-state.repository';

/**
 * Enforces each route's access level: public routes pass; others need a valid bearer token
 * (verified by passport-jwt) or API key, whose session is not revoked and whose tenant is not
 * blocked; system-admin routes need a system administrator. The same Redis call counts the request
 * against the caller's rate limit, which the RateLimitGuard then enforces.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly state: AuthStateRepository,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(context);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<RateLimitedRequest>();
    const actor = await this.authenticate(context, request);
    await this.admit(actor, request);
    if (access === 'system-admin' && !actor.isSystemAdmin) {
      throw new DomainError(ErrorCode.Forbidden, 403, 'This route is for system administrators.');
    }
    return true;
  }

  override handleRequest<T>(error: unknown, actor: T): T {
    if (error || !actor) {
      throw new DomainError(ErrorCode.Unauthorized, 401, 'Missing or invalid credentials: send a valid Bearer access token or X-API-Key.');
    }
    return actor;
  }

  private async authenticate(context: ExecutionContext, request: RateLimitedRequest): Promise<Actor> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && !request.headers.authorization) {
      request.user = await this.apiKeys.authenticate(apiKey, requestContext(request));
    } else {
      await super.canActivate(context);
    }
    return request.user as Actor;
  }

  private async admit(actor: Actor, request: RateLimitedRequest): Promise<void> {
    const state = await this.state.admit(actor, rateLimitBucket(actor, request.ip, this.env));
    request.rateLimit = state.rateLimit ?? undefined;
    if (state.sessionRevoked) {
      throw new DomainError(ErrorCode.SessionRevoked, 401, 'This session has ended: log in again.');
    }
    if (state.tenantBlockedAs) {
      throw new DomainError(ErrorCode.TenantInactive, 403, `The tenant is ${state.tenantBlockedAs}: its credentials do not work until it is reactivated.`);
    }
  }

  /** Routes that declare nothing are closed: fail safe. */
  private accessOf(context: ExecutionContext): Access {
    const endpoint = this.reflector.get<EndpointDeclaration | undefined>(ENDPOINT_METADATA, context.getHandler());
    return endpoint?.access ?? this.reflector.get<Access | undefined>(ACCESS_METADATA, context.getHandler()) ?? 'authenticated';
  }
}
