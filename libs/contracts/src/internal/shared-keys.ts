// The Redis keys one service writes and another reads (docs/conventions.md): built in one place so
// the writer and the reader cannot drift apart.

/** Set by identity when a session ends; the gateway refuses its access tokens while it exists. */
export function revokedSessionKey(sessionId: string): string {
  return `auth:revoked-session:${sessionId}`;
}

/** Set by tenancy to the status of a tenant that is not usable; the gateway refuses its credentials. */
export function tenantBlockedKey(tenantId: string): string {
  return `tenancy:tenant-blocked:${tenantId}`;
}

/** The gateway's cache of a resolved API key (by the SHA-256 hex of the full key); identity deletes it on changes. */
export function apiKeyCacheKey(keyHash: string): string {
  return `auth:api-key:${keyHash}`;
}

/** The gateway's count of a tenant's authenticated requests on one UTC day; tenancy sums them. */
export function apiRequestsKey(tenantId: string, day: Date): string {
  return `usage:api-requests:${tenantId}:${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
}
