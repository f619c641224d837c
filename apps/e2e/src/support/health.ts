import type { GatewayResponse } from '@lib/testing';

const HEALTHY = new Set(['healthy', 'up', 'ok']);

/**
 * Names of the services a `level=full` health body reports as not healthy: from `degradedServices`
 * and from `services` (an object keyed by service name, or an array of `{ name | service, status }`).
 */
export function degradedServices(res: GatewayResponse): string[] {
  const body = (res.body ?? {}) as { degradedServices?: unknown; services?: unknown };
  const names = new Set<string>();
  if (Array.isArray(body.degradedServices)) body.degradedServices.forEach((n) => names.add(String(n)));
  const entries: [string, unknown][] = Array.isArray(body.services)
    ? body.services.map((s: { name?: string; service?: string }) => [String(s?.name ?? s?.service), s])
    : Object.entries((body.services ?? {}) as Record<string, unknown>);
  for (const [name, info] of entries) {
    const status = (info as { status?: unknown } | null)?.status;
    if (status !== undefined && !HEALTHY.has(String(status))) names.add(name);
  }
  return [...names].sort();
}
