import { rejection } from '@lib/testing';

import type { TenantTransitions } from '../tenants/tenant-transitions';
import type { TenantsRepository } from '../tenants/tenants.repository';
import { contextOf, member, owner, strictMock, systemAdmin, TENANT_A, TENANT_B, tenantRow, USER } from '../tenants/testing/tenant.factory';
import type { LifecycleEventEntity } from './lifecycle-event.entity';
import type { LifecycleEventsRepository } from './lifecycle-events.repository';
import { LifecycleService } from './lifecycle.service';

describe('LifecycleService', () => {
  let events: jest.Mocked<LifecycleEventsRepository>;
  let tenants: jest.Mocked<TenantsRepository>;
  let transitions: jest.Mocked<TenantTransitions>;
  let service: LifecycleService;

  beforeEach(() => {
    events = strictMock<LifecycleEventsRepository>({ history: jest.fn() });
    tenants = strictMock<TenantsRepository>({ findById: jest.fn(async (id: string) => (id === TENANT_A ? tenantRow() : null)) });
    transitions = strictMock<TenantTransitions>({
      // Runs the decision against a fixed current row, as the repository does on the locked row.
      apply: jest.fn(async (_context, id, _action, decide) => ({ ...tenantRow({ id, status: 'active', type: 'trial' }), ...decide(tenantRow({ id })) })),
    });
    service = new LifecycleService(events, tenants, transitions);
  });

  it('lets a system administrator suspend an active tenant, with the reason', async () => {
    const { data } = await service.changeStatus(contextOf(systemAdmin()), TENANT_A, 'suspend', 'unpaid');
    expect(data.status).toBe('inactive');
    expect(transitions.apply).toHaveBeenCalledWith(expect.anything(), TENANT_A, 'suspend', expect.any(Function), 'unpaid');
  });

  it('answers 409 for an illegal transition', async () => {
    expect(await rejection(service.changeStatus(contextOf(systemAdmin()), TENANT_A, 'archive'))).toMatchObject({
      status: 409,
      code: 'INVALID_LIFECYCLE_TRANSITION',
    });
  });

  it("refuses the tenant's own owner with 403 and anyone from another tenant with 404", async () => {
    expect(await rejection(service.changeStatus(contextOf(owner()), TENANT_A, 'suspend'))).toMatchObject({ status: 403 });
    expect(await rejection(service.changeStatus(contextOf(owner()), TENANT_B, 'suspend'))).toMatchObject({ status: 404, code: 'TENANT_NOT_FOUND' });
    expect(await rejection(service.upgrade(contextOf(owner()), TENANT_A, { target_type: 'paid' }))).toMatchObject({ status: 403 });
    expect(transitions.apply).not.toHaveBeenCalled();
  });

  it('upgrades the type and keeps the status', async () => {
    const { data } = await service.upgrade(contextOf(systemAdmin()), TENANT_A, { target_type: 'paid', reason: 'signed' });
    expect(data).toMatchObject({ status: 'active', type: 'paid' });
    transitions.apply.mockImplementationOnce(async (_context, id, _action, decide) => ({ ...tenantRow({ id }), ...decide(tenantRow({ id, type: 'paid' })) }));
    expect(await rejection(service.upgrade(contextOf(systemAdmin()), TENANT_A, { target_type: 'paid' }))).toMatchObject({ status: 409 });
  });

  describe('history', () => {
    const event: LifecycleEventEntity = {
      id: 'e1',
      tenantId: TENANT_A,
      action: 'suspend',
      fromStatus: 'active',
      toStatus: 'inactive',
      fromType: 'trial',
      toType: 'trial',
      reason: null,
      performedBy: USER,
      createdAt: new Date('2026-02-01T00:00:00.000Z'),
    };

    it('answers owners and system administrators in the contract shape', async () => {
      events.history.mockResolvedValue([event]);
      const { data } = await service.history(contextOf(owner()), TENANT_A);
      expect(data).toEqual([
        {
          tenantId: TENANT_A,
          action: 'suspend',
          from_status: 'active',
          to_status: 'inactive',
          from_type: 'trial',
          to_type: 'trial',
          reason: null,
          performed_by: USER,
          created_at: '2026-02-01T00:00:00.000Z',
        },
      ]);
      await service.history(contextOf(systemAdmin()), TENANT_A);
      expect(events.history).toHaveBeenCalledWith(TENANT_A);
    });

    it('refuses members (403), other tenants and missing ones (404)', async () => {
      expect(await rejection(service.history(contextOf(member()), TENANT_A))).toMatchObject({ status: 403 });
      expect(await rejection(service.history(contextOf(owner()), TENANT_B))).toMatchObject({ status: 404 });
      expect(await rejection(service.history(contextOf(systemAdmin()), TENANT_B))).toMatchObject({ status: 404 });
      expect(events.history).not.toHaveBeenCalled();
    });
  });
});
