import { Injectable } from '@nestjs/common';

import type { RequestContext, TenantStatusName, TenantTypeName } from '@lib/contracts';
import { EventPublisher } from '@lib/transport';

import type { LifecycleAction } from '../lifecycle/lifecycle-rules';
import { tenantNotFound } from './tenant-access';
import type { TenantEntity } from './tenant.entity';
import { TenantBlockList } from './tenant-block-list';
import { TenantsRepository, type TenantChanges } from './tenants.repository';

/**
 * Applies one lifecycle step: status and type change together with a history row, the gateway's
 * block list follows the new status, and an audit event says who did it. Access is checked by the caller.
 * Other field changes passed along are written in the same transaction: all or nothing.
 */
@Injectable()
export class TenantTransitions {
  constructor(
    private readonly blockList: TenantBlockList,
    private readonly events: EventPublisher,
    private readonly repository: TenantsRepository,
  ) {}

  async apply(
    context: RequestContext,
    id: string,
    action: LifecycleAction,
    decide: (current: TenantEntity) => { status: TenantStatusName; type: TenantTypeName },
    reason: string | undefined,
    changes?: TenantChanges,
  ): Promise<TenantEntity> {
    const performedBy = context.actor?.id ?? '';
    const updated = await this.repository.transition(
      id,
      (current) => ({ action, ...decide(current), reason: reason ?? null, performedBy }),
      (after, before) => this.announce(context, action, before, after, reason),
      changes,
    );
    if (!updated) throw tenantNotFound();
    return updated;
  }

  private async announce(context: RequestContext, action: LifecycleAction, before: TenantEntity, after: TenantEntity, reason?: string): Promise<void> {
    await this.blockList.sync(after.id, after.status);
    try {
      await this.events.audit(context, {
        action: 'tenancy.tenant.lifecycle-changed',
        resourceType: 'tenant',
        resourceId: after.id,
        tenantId: after.id,
        details: { action, fromStatus: before.status, toStatus: after.status, fromType: before.type, toType: after.type, reason: reason ?? null },
      });
    } catch (error) {
      // The transaction rolls back: put the block list back as the tenant stays.
      await this.restore(before);
      throw error;
    }
  }

  private async restore(before: TenantEntity): Promise<void> {
    try {
      await this.blockList.sync(before.id, before.status);
    } catch {
      // Redis is down as well: the gateway fails closed on Redis errors, so nothing is let through.
    }
  }
}
