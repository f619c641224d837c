import type { FastifyRequest } from 'fastify';

import { DomainError, ErrorCode } from '@lib/contracts';

import type { RouteTable } from './route-table';

/** 405 with the allowed methods when the path exists with another method, 404 otherwise. */
export function unmatchedRoute(routes: RouteTable, request: { method: string; url: string } | FastifyRequest): DomainError {
  const pathname = request.url.split('?')[0];
  const allowed = routes.allowedMethods(pathname);
  if (allowed.length > 0) {
    return new DomainError(ErrorCode.MethodNotAllowed, 405, `${request.method} is not allowed here; use ${allowed.join(', ')}.`, {
      allow: allowed,
    });
  }
  return new DomainError(ErrorCode.NotFound, 404, `No route ${request.method} ${pathname}. The API is described at /api/docs.`);
}
