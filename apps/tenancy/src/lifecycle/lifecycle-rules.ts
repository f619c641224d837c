import { DomainError, ErrorCode, type TenantStatusName, type TenantTypeName } from '@lib/contracts';

/** The lifecycle endpoints; `update` is a system administrator's PATCH of the status. */
export type LifecycleAction = 'activate' | 'suspend' | 'reactivate' | 'archive' | 'upgrade' | 'update';
export type StatusAction = 'activate' | 'suspend' | 'reactivate' | 'archive';

// The catalogue's descriptions: "pending → trial, or inactive → active" (trial is a type, not a
// status: a pending tenant becomes active and its trial starts), "active → inactive",
// "inactive → active", "inactive → retired".
const STATUS_ACTIONS: Record<StatusAction, Partial<Record<TenantStatusName, TenantStatusName>>> = {
  activate: { pending: 'active', inactive: 'active' },
  suspend: { active: 'inactive' },
  reactivate: { inactive: 'active' },
  archive: { inactive: 'retired' },
};

/** PATCH may move the status along the same edges, plus into and out of maintenance. */
const PATCH_EDGES: Record<TenantStatusName, TenantStatusName[]> = {
  pending: ['active'],
  active: ['inactive', 'maintenance'],
  maintenance: ['active'],
  inactive: ['active', 'retired'],
  retired: [],
};

/** "trial → paid → enterprise": an upgrade only moves up this ladder. */
const TYPE_RANK: Record<TenantTypeName, number> = { system: -1, trial: 0, paid: 1, enterprise: 2 };

/**
 * Statuses in which the tenant's tokens and API keys stop working: not yet activated, suspended
 * (inactive) or archived (retired). Maintenance keeps them working.
 */
export const BLOCKED_STATUSES: readonly TenantStatusName[] = ['pending', 'inactive', 'retired'];
const BLOCKED: ReadonlySet<TenantStatusName> = new Set<TenantStatusName>(BLOCKED_STATUSES);

export function isBlockedStatus(status: TenantStatusName): boolean {
  return BLOCKED.has(status);
}

export function statusAfter(action: StatusAction, current: TenantStatusName): TenantStatusName {
  const next = STATUS_ACTIONS[action][current];
  if (!next) {
    const from = Object.keys(STATUS_ACTIONS[action]).join(' or ');
    throw illegal(`A ${current} tenant cannot be ${pastTense(action)}: ${action} applies to ${from} tenants.`, action, current);
  }
  return next;
}

export function patchedStatus(current: TenantStatusName, target: TenantStatusName): TenantStatusName {
  if (!PATCH_EDGES[current].includes(target)) {
    const allowed = PATCH_EDGES[current];
    const hint = allowed.length ? `it can move to ${allowed.join(' or ')}` : 'it is final';
    throw illegal(`A ${current} tenant cannot become ${target}: ${hint}.`, 'update', current);
  }
  return target;
}

export function typeAfterUpgrade(status: TenantStatusName, current: TenantTypeName, target: 'paid' | 'enterprise'): TenantTypeName {
  if (status === 'retired') throw illegal('A retired tenant cannot be upgraded.', 'upgrade', status);
  if (current === 'system') throw illegal('The system tenant has no plan to upgrade.', 'upgrade', status);
  if (TYPE_RANK[target] <= TYPE_RANK[current]) {
    throw illegal(`A ${current} tenant cannot be upgraded to ${target}: upgrades go trial → paid → enterprise.`, 'upgrade', status);
  }
  return target;
}

function illegal(message: string, action: LifecycleAction, status: TenantStatusName): DomainError {
  return new DomainError(ErrorCode.InvalidLifecycleTransition, 409, message, { action, status });
}

function pastTense(action: StatusAction): string {
  return { activate: 'activated', suspend: 'suspended', reactivate: 'reactivated', archive: 'archived' }[action];
}
