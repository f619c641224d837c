import { DomainError } from '@lib/contracts';
import type { EventPublisher } from '@lib/transport';

import type { TenantBlockList } from './tenant-block-list';
import type { TenantEntity } from './tenant.entity';
import { TenantTransitions } from './tenant-transitions';
import type { LifecycleStep, TenantsRepository } from './tenants.repository';
import { contextOf, strictMock, systemAdmin, TENANT_A, tenantRow } from './testing/tenant.factory';

describe('TenantTransitions', () => {
  let repository: jest.Mocked<TenantsRepository>;
  let blockList: jest.Mocked<TenantBlockList>;
  let events: jest.Mocked<EventPublisher>;
  let transitions: TenantTransitions;
  let steps: LifecycleStep[];

  beforeEach(() => {
    steps = [];
    repository = strictMock<TenantsRepository>({
      // What the repository does inside its transaction: decide on the current row, then announce.
      transition: jest.fn(async (id: string, decide: (t: TenantEntity) => LifecycleStep, beforeCommit) => {
        const current = tenantRow({ id, status: 'active' });
        const step = decide(current);
        steps.push(step);
        const updated = { ...current, status: step.status, type: step.type };
        await beforeCommit(updated, current);
        return updated;
      }),
    });
    blockList = strictMock<TenantBlockList>({ sync: jest.fn() });
    events = strictMock<EventPublisher>({ audit: jest.fn() });
    transitions = new TenantTransitions(blockList, events, repository);
  });

  it('hands other field changes to the same transaction', async () => {
    await transitions.apply(contextOf(systemAdmin()), TENANT_A, 'update', (t) => ({ status: 'inactive', type: t.type }), undefined, { name: 'Renamed' });
    expect(repository.transition).toHaveBeenCalledWith(TENANT_A, expect.any(Function), expect.any(Function), { name: 'Renamed' });
  });

  it('records who and why, blocks the tenant, and audits the change', async () => {
    const admin = systemAdmin();
    const tenant = await transitions.apply(contextOf(admin), TENANT_A, 'suspend', (t) => ({ status: 'inactive', type: t.type }), 'unpaid');
    expect(tenant.status).toBe('inactive');
    expect(steps).toEqual([{ action: 'suspend', status: 'inactive', type: 'trial', reason: 'unpaid', performedBy: admin.id }]);
    expect(blockList.sync).toHaveBeenCalledWith(TENANT_A, 'inactive');
    expect(events.audit).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        action: 'tenancy.tenant.lifecycle-changed',
        tenantId: TENANT_A,
        details: { action: 'suspend', fromStatus: 'active', toStatus: 'inactive', fromType: 'trial', toType: 'trial', reason: 'unpaid' },
      }),
    );
  });

  it('puts the block list back when the audit event cannot be published (the transaction rolls back)', async () => {
    events.audit.mockRejectedValue(new DomainError('SERVICE_UNAVAILABLE', 503, 'stream down'));
    await expect(transitions.apply(contextOf(systemAdmin()), TENANT_A, 'suspend', (t) => ({ status: 'inactive', type: t.type }), undefined)).rejects.toMatchObject({ status: 503 });
    expect(blockList.sync.mock.calls).toEqual([
      [TENANT_A, 'inactive'],
      [TENANT_A, 'active'],
    ]);
  });

  it('answers 404 when the tenant is gone', async () => {
    repository.transition.mockResolvedValue(null);
    await expect(transitions.apply(contextOf(systemAdmin()), TENANT_A, 'suspend', (t) => ({ status: 'inactive', type: t.type }), undefined)).rejects.toMatchObject({ status: 404 });
  });
});
