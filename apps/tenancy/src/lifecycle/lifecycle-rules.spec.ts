import { DomainError, TENANT_STATUSES, type TenantStatusName, type TenantTypeName } from '@lib/contracts';

import { isBlockedStatus, patchedStatus, statusAfter, typeAfterUpgrade, type StatusAction } from './lifecycle-rules';

const LEGAL: [StatusAction, TenantStatusName, TenantStatusName][] = [
  ['activate', 'pending', 'active'],
  ['activate', 'inactive', 'active'],
  ['suspend', 'active', 'inactive'],
  ['reactivate', 'inactive', 'active'],
  ['archive', 'inactive', 'retired'],
];

function conflict(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status: 409, code: 'INVALID_LIFECYCLE_TRANSITION' });
    return error as DomainError;
  }
  throw new Error('expected a 409');
}

describe('lifecycle rules', () => {
  it.each(LEGAL)('%s moves a %s tenant to %s', (action, from, to) => {
    expect(statusAfter(action, from)).toBe(to);
  });

  const illegal = (['activate', 'suspend', 'reactivate', 'archive'] as StatusAction[]).flatMap((action) =>
    TENANT_STATUSES.filter((from) => !LEGAL.some(([a, f]) => a === action && f === from)).map((from) => [action, from] as const),
  );

  it.each(illegal)('refuses to %s a %s tenant with 409', (action, from) => {
    const error = conflict(() => statusAfter(action, from));
    expect(error.details).toEqual({ action, status: from });
    expect(error.message).toContain(from);
  });

  it('upgrades along trial → paid → enterprise, never down or sideways', () => {
    expect(typeAfterUpgrade('active', 'trial', 'paid')).toBe('paid');
    expect(typeAfterUpgrade('active', 'paid', 'enterprise')).toBe('enterprise');
    expect(typeAfterUpgrade('active', 'trial', 'enterprise')).toBe('enterprise');
    for (const [from, to] of [
      ['paid', 'paid'],
      ['enterprise', 'paid'],
      ['enterprise', 'enterprise'],
      ['system', 'paid'],
    ] as [TenantTypeName, 'paid' | 'enterprise'][]) {
      conflict(() => typeAfterUpgrade('active', from, to));
    }
  });

  it('refuses to upgrade a retired tenant', () => {
    conflict(() => typeAfterUpgrade('retired', 'trial', 'paid'));
  });

  it('lets PATCH move the status along the lifecycle edges and in and out of maintenance only', () => {
    expect(patchedStatus('active', 'maintenance')).toBe('maintenance');
    expect(patchedStatus('maintenance', 'active')).toBe('active');
    expect(patchedStatus('inactive', 'retired')).toBe('retired');
    conflict(() => patchedStatus('retired', 'active'));
    conflict(() => patchedStatus('pending', 'retired'));
    conflict(() => patchedStatus('maintenance', 'inactive'));
  });

  it('blocks pending, inactive (suspended) and retired (archived) tenants only', () => {
    expect(TENANT_STATUSES.filter(isBlockedStatus)).toEqual(['inactive', 'retired', 'pending']);
  });
});
