import type { InternalSubject, RequestContext } from '@lib/contracts';

import type { NatsRpcClient } from './rpc-client';

const INTERNAL_TIMEOUT_MS = 5000;

/** Calls another service's internal subject with the caller's context; errors arrive as DomainErrors. */
export function callInternal<Req, Res>(
  rpc: NatsRpcClient,
  subject: InternalSubject<Req, Res>,
  context: RequestContext,
  body: Req,
): Promise<Res> {
  return rpc.request<Res>(subject.subject, { context, body }, INTERNAL_TIMEOUT_MS);
}
