import { Injectable, Logger } from '@nestjs/common';

import {
  recentActivity,
  tenantMemberStats,
  type RecentActivityEntry,
  type RequestContext,
  type TenantMemberStats,
} from '@lib/contracts';
import { callInternal, NatsRpcClient } from '@lib/transport';

/** Short: the dashboard answers without activity rather than wait for a slow audit service. */
const ACTIVITY_TIMEOUT_MS = 1500;
const ACTIVITY_LIMIT = 10;

/** What the tenant overview asks identity and audit. */
@Injectable()
export class PeerServicesClient {
  private readonly logger = new Logger(PeerServicesClient.name);

  constructor(private readonly rpc: NatsRpcClient) {}

  /** Identity's member counts and first admin; its failure fails the caller (no honest fallback for user counts). */
  memberStats(context: RequestContext, tenantId: string): Promise<TenantMemberStats> {
    return callInternal(this.rpc, tenantMemberStats, context, { tenantId });
  }

  /** The tenant's last activities from audit, or none when audit is down, slow or answers garbage. */
  async recentActivity(context: RequestContext, tenantId: string): Promise<RecentActivityEntry[]> {
    try {
      const entries = await this.rpc.request<RecentActivityEntry[]>(
        recentActivity.subject,
        { context, body: { tenantId, limit: ACTIVITY_LIMIT } },
        ACTIVITY_TIMEOUT_MS,
      );
      if (!Array.isArray(entries)) throw new Error('audit answered something other than a list');
      return entries.slice(0, ACTIVITY_LIMIT);
    } catch (error) {
      this.logger.warn(`Recent activity of tenant ${tenantId} unavailable, the dashboard shows none: ${(error as Error).message}`);
      return [];
    }
  }
}
