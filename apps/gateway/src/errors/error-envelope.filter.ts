import { Catch, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';

import { DomainError, ErrorCode, type ErrorEnvelope } from '@lib/contracts';

import type { RouteTable } from '../routing/route-table';
import { unmatchedRoute } from '../routing/unmatched-route';
import { toDomainError } from './error-mapping';

/** The one place that renders the contract's StandardErrorResponse, for every error of every route. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly routes: RouteTable,
    private readonly bodyLimit: number,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = this.describe(exception, request);
    const allow = error.details?.['allow'];
    if (Array.isArray(allow)) void reply.header('allow', allow.join(', '));
    if (error.status === 503) void reply.header('retry-after', '5');
    const retryAfter = error.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(error.status).send(envelope(error, request.id));
  }

  private describe(exception: unknown, request: FastifyRequest): DomainError {
    if (exception instanceof NotFoundException) return unmatchedRoute(this.routes, request);
    const known = toDomainError(exception, this.bodyLimit);
    if (known) return known;
    const errorId = randomUUID();
    this.logger.error(`Unhandled error ${errorId} (request ${request.id}): ${(exception as Error)?.stack ?? String(exception)}`);
    return new DomainError(ErrorCode.Internal, 500, 'Internal error. Quote the errorId when reporting it.', { errorId });
  }
}

export function envelope(error: DomainError, requestId: string | null): ErrorEnvelope {
  return {
    error: error.code,
    message: error.message,
    statusCode: error.status,
    requestId,
    ...(error.details ? { details: error.details } : {}),
    timestamp: new Date().toISOString(),
  };
}
