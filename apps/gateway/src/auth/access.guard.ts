import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { DomainError, ErrorCode, type Access, type Actor, type EndpointDeclaration } from '@lib/contracts';

import { ACCESS_METADATA, ENDPOINT_METADATA } from '../routing/endpoint.metadata';

/**
 * Enforces each route's access level: public routes pass, others need a valid bearer token,
 * and system-admin routes a system administrator.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(context);
    if (access === 'public') return true;
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (access === 'system-admin' && !actor?.isSystemAdmin) {
      throw new DomainError(ErrorCode.Forbidden, 403, 'This route is for system administrators.');
    }
    return true;
  }

  override handleRequest<T>(error: unknown, actor: T): T {
    if (error || !actor) {
      throw new DomainError(ErrorCode.Unauthorized, 401, 'Missing or invalid credentials: send a valid Bearer access token.');
    }
    return actor;
  }

  /** Routes that declare nothing are closed: fail safe. */
  private accessOf(context: ExecutionContext): Access {
    const endpoint = this.reflector.get<EndpointDeclaration | undefined>(ENDPOINT_METADATA, context.getHandler());
    return endpoint?.access ?? this.reflector.get<Access | undefined>(ACCESS_METADATA, context.getHandler()) ?? 'authenticated';
  }
}
