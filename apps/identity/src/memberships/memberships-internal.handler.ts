import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { tenantMemberStats, type InternalRequest, type TenantMemberStats } from '@lib/contracts';
import { HandlesInternal } from '@lib/transport';

import { MemberStatsService } from './member-stats.service';

/** Identity's answers to tenancy about a tenant's members; never routed by the gateway. */
@Controller()
export class MembershipsInternalHandler {
  constructor(private readonly memberStats: MemberStatsService) {}

  @HandlesInternal(tenantMemberStats)
  tenantMemberStats(@Payload() request: InternalRequest<{ tenantId: string }>): Promise<TenantMemberStats> {
    return this.memberStats.forTenant(String(request.body?.tenantId ?? ''));
  }
}
