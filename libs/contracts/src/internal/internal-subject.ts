import type { RequestContext } from '../context';

/**
 * A service-to-service request that is not an HTTP endpoint (never routed by the gateway).
 * Subjects are `<owner>.internal.<action>`.
 */
export interface InternalSubject<Req, Res> {
  subject: string;
  /** Phantom fields: carry the request and response types, never set. */
  readonly request?: Req;
  readonly response?: Res;
}

/** What crosses NATS for an internal request: the caller's context and the typed body. */
export interface InternalRequest<Req> {
  context: RequestContext;
  body: Req;
}

export function internalSubject<Req, Res>(subject: string): InternalSubject<Req, Res> {
  if (!/^[a-z]+\.internal\.[a-z-]+$/.test(subject)) throw new Error(`internal subject "${subject}" must be <owner>.internal.<action>`);
  return { subject };
}
