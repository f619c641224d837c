import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { recentActivity, type InternalRequest, type RecentActivityEntry } from '@lib/contracts';
import { HandlesInternal } from '@lib/transport';

import { AuditEventsService } from './audit-events.service';

/** Audit's answers to other services (tenancy's tenant dashboard); never routed by the gateway. */
@Controller()
export class AuditEventsInternalHandler {
  constructor(private readonly events: AuditEventsService) {}

  @HandlesInternal(recentActivity)
  recentActivity(@Payload() request: InternalRequest<{ tenantId: string; limit: number }>): Promise<RecentActivityEntry[]> {
    return this.events.recentActivity(request.context, request.body?.tenantId, request.body?.limit);
  }
}
