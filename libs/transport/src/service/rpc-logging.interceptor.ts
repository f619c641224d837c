import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Logger } from 'pino';
import { tap, type Observable } from 'rxjs';

import type { RpcRequest } from '@lib/contracts';

/** At LOG_LEVEL=debug, one line per handled request: request id, subject, duration, outcome. */
export class RpcLoggingInterceptor implements NestInterceptor {
  constructor(private readonly logger: Logger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = performance.now();
    const rpc = context.switchToRpc();
    const subject = rpc.getContext<{ getSubject(): string }>().getSubject();
    const requestId = rpc.getData<RpcRequest | undefined>()?.context?.requestId;
    const done = (outcome: string) =>
      this.logger.debug({ requestId, subject, durationMs: Math.round((performance.now() - started) * 10) / 10, outcome }, 'rpc');
    return next.handle().pipe(tap({ complete: () => done('ok'), error: () => done('error') }));
  }
}
