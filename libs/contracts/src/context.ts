/** Who is calling. Set by the gateway after it verified the credentials; services never take it from a body. */
export interface Actor {
  type: 'user' | 'api-key';
  id: string;
  tenantId: string | null;
  role: string | null;
  sessionId: string | null;
  isSystemAdmin: boolean;
  /** For an API key: the user who created it, whose profile `/auth/me` shows. */
  onBehalfOf?: string | null;
}

/** Travels with every request from the gateway to a service. */
export interface RequestContext {
  requestId: string;
  actor: Actor | null;
  tenantId: string | null;
  /** Preferred language from Accept-Language, e.g. `de`; null when the client sent none. */
  locale: string | null;
  ip: string;
  userAgent: string | null;
  /**
   * The tenant a caller named in an `X-Tenant-ID` header (a uuid), for public routes that act in a tenant's
   * context (register-user). A hint, never authorization: that is `actor.tenantId`.
   */
  requestedTenantId?: string | null;
}

/** The NATS payload the gateway sends for one HTTP request. */
export interface RpcRequest<P = Record<string, unknown>, Q = Record<string, unknown>, B = unknown> {
  context: RequestContext;
  params: P;
  query: Q;
  body: B;
}

/** How an error crosses NATS: a stable code the gateway renders into the error envelope. */
export interface RpcErrorPayload {
  code: string;
  status: number;
  message: string;
  details?: Record<string, unknown>;
}
