import type { FastifyRequest } from 'fastify';

import { isUuid, type Actor, type RequestContext } from '@lib/contracts';

/** The context a service receives with every forwarded request. */
export function requestContext(request: FastifyRequest): RequestContext {
  const actor = (request as FastifyRequest & { user?: Actor }).user ?? null;
  return {
    requestId: request.id,
    actor,
    tenantId: actor?.tenantId ?? null,
    locale: preferredLanguage(request.headers['accept-language']),
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestedTenantId: tenantHint(request.headers['x-tenant-id']),
  };
}

/** `X-Tenant-ID`, when it is one uuid; anything else is no hint. */
export function tenantHint(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && isUuid(header.trim()) ? header.trim().toLowerCase() : null;
}

/** `de-CH,de;q=0.9,en;q=0.8` → `de`: the primary subtag of the highest-weighted language. */
export function preferredLanguage(header: string | undefined): string | null {
  if (!header) return null;
  let best: { language: string; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const language = tag.split('-')[0].toLowerCase();
    if (!/^[a-z]{2}$/.test(language)) continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? null;
}
