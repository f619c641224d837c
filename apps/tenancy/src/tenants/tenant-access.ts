import { DomainError, ErrorCode, type Actor } from '@lib/contracts';

// A tenant is visible to system administrators and to whoever acts in it (the tenant of the
// token or API key); it is managed by system administrators and by its owners and admins.

const MANAGING_ROLES = new Set(['owner', 'admin']);

export function canSeeTenant(actor: Actor | null, tenantId: string): boolean {
  return !!actor && (actor.isSystemAdmin || actor.tenantId === tenantId);
}

export function canManageTenant(actor: Actor | null, tenantId: string): boolean {
  return !!actor && (actor.isSystemAdmin || (actor.tenantId === tenantId && MANAGING_ROLES.has(actor.role ?? '')));
}

export function isSystemAdmin(actor: Actor | null): boolean {
  return actor?.isSystemAdmin === true;
}

/** The same answer for a tenant that does not exist and one the caller may not see. */
export function tenantNotFound(): DomainError {
  return DomainError.notFound(ErrorCode.TenantNotFound, 'No such tenant. Check the id.');
}

export function forbidden(message: string): DomainError {
  return new DomainError(ErrorCode.Forbidden, 403, message);
}
