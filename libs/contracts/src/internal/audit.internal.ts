import { internalSubject } from './internal-subject';

/** One entry of a tenant's recent activity, newest first (the tenant dashboard's `recentActivity`). */
export interface RecentActivityEntry {
  /** The audit action, e.g. `tenancy.tenant.updated`. */
  type: string;
  entity_id: string;
  entity_type: string;
  timestamp: string;
  user?: { id: string; name: string };
}

/** The last `limit` audit events of one tenant that name a resource (a uuid), from the audit service's store. */
export const recentActivity = internalSubject<{ tenantId: string; limit: number }, RecentActivityEntry[]>(
  'audit.internal.recent-activity',
);
