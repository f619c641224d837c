import { Injectable } from '@nestjs/common';

import { isUuid, type TenantMemberStats } from '@lib/contracts';

import { MemberStatsRepository } from './member-stats.repository';

const DAY_MS = 86_400_000;
const EMPTY: TenantMemberStats = { total: 0, active: 0, joinedLast30d: 0, joinedPrevious30d: 0, admin: null };

/** Who works in a tenant, for tenancy's dashboard and onboarding pages (tenancy has checked the caller may see it). */
@Injectable()
export class MemberStatsService {
  constructor(private readonly stats: MemberStatsRepository) {}

  async forTenant(tenantId: string, now: Date = new Date()): Promise<TenantMemberStats> {
    if (!isUuid(tenantId)) return EMPTY;
    const last30 = new Date(now.getTime() - 30 * DAY_MS);
    const previous30 = new Date(now.getTime() - 60 * DAY_MS);
    const [counts, admin] = await Promise.all([this.stats.counts(tenantId, last30, previous30), this.stats.firstAdmin(tenantId)]);
    return { ...counts, admin: admin && { ...admin, createdAt: admin.createdAt.toISOString() } };
  }
}
