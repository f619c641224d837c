import { Injectable } from '@nestjs/common';

import type {
  LifecycleHistoryEntryBody,
  LifecycleHistoryResponse,
  LifecycleTenantResponse,
  PostTenantsLifecycleUpgradeBody,
  RequestContext,
} from '@lib/contracts';

import { canManageTenant, canSeeTenant, forbidden, isSystemAdmin, tenantNotFound } from '../tenants/tenant-access';
import { toTenantBody } from '../tenants/tenant.mapper';
import { TenantTransitions } from '../tenants/tenant-transitions';
import { TenantsRepository } from '../tenants/tenants.repository';
import type { LifecycleEventEntity } from './lifecycle-event.entity';
import { LifecycleEventsRepository } from './lifecycle-events.repository';
import { statusAfter, typeAfterUpgrade, type StatusAction } from './lifecycle-rules';

/**
 * Status and plan changes are the platform operator's: only system administrators run them.
 * The tenant's owners and admins read the history; anyone else gets 404 for the tenant.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly events: LifecycleEventsRepository,
    private readonly tenants: TenantsRepository,
    private readonly transitions: TenantTransitions,
  ) {}

  async changeStatus(context: RequestContext, id: string, action: StatusAction, reason?: string): Promise<LifecycleTenantResponse> {
    this.refuseNonAdmins(context, id);
    const tenant = await this.transitions.apply(context, id, action, (current) => ({ status: statusAfter(action, current.status), type: current.type }), reason);
    return { data: toTenantBody(tenant) };
  }

  async upgrade(context: RequestContext, id: string, body: PostTenantsLifecycleUpgradeBody): Promise<LifecycleTenantResponse> {
    this.refuseNonAdmins(context, id);
    const tenant = await this.transitions.apply(
      context,
      id,
      'upgrade',
      (current) => ({ status: current.status, type: typeAfterUpgrade(current.status, current.type, body.target_type) }),
      body.reason,
    );
    return { data: toTenantBody(tenant) };
  }

  async history(context: RequestContext, id: string): Promise<LifecycleHistoryResponse> {
    if (!canSeeTenant(context.actor, id) || !(await this.tenants.findById(id))) throw tenantNotFound();
    if (!canManageTenant(context.actor, id)) throw forbidden("Only the tenant's owners and admins read its lifecycle history.");
    return { data: (await this.events.history(id)).map(toHistoryEntry) };
  }

  /** Members of the tenant learn it exists (403); everyone else gets the 404 of a missing tenant. */
  private refuseNonAdmins(context: RequestContext, id: string): void {
    if (isSystemAdmin(context.actor)) return;
    if (!canSeeTenant(context.actor, id)) throw tenantNotFound();
    throw forbidden('Only system administrators change the lifecycle of a tenant.');
  }
}

function toHistoryEntry(event: LifecycleEventEntity): LifecycleHistoryEntryBody {
  return {
    tenantId: event.tenantId,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    from_type: event.fromType,
    to_type: event.toType,
    action: event.action,
    reason: event.reason,
    performed_by: event.performedBy,
    created_at: event.createdAt.toISOString(),
  };
}
