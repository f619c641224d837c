import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

import { DomainError, ErrorCode, type RpcErrorPayload } from '@lib/contracts';

/** Turns whatever a handler throws into the RPC error payload the gateway renders. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown): Observable<never> {
    return throwError(() => this.toPayload(exception));
  }

  private toPayload(exception: unknown): RpcErrorPayload {
    if (exception instanceof DomainError) {
      if (exception.status >= 500) this.logger.warn(`${exception.code}: ${exception.message}${causeOf(exception)}`);
      return exception.toPayload();
    }
    if (isDatabaseDown(exception)) {
      this.logger.warn(`Database unavailable: ${(exception as Error).message}`);
      return { code: ErrorCode.ServiceUnavailable, status: 503, message: 'A dependency is unavailable. Try again shortly.' };
    }
    this.logger.error((exception as Error)?.stack ?? String(exception));
    return { code: ErrorCode.Internal, status: 500, message: 'Internal error. The failure was logged.' };
  }
}

function causeOf(error: Error): string {
  return error.cause instanceof Error ? ` (${error.cause.message})` : '';
}

const CONNECTION_ERRORS = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001'];

function isDatabaseDown(exception: unknown): boolean {
  const e = exception as { code?: string; message?: string; driverError?: { code?: string } } | null;
  const code = e?.code ?? e?.driverError?.code;
  if (code && CONNECTION_ERRORS.includes(code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e?.message ?? '');
}
