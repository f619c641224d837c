import { Injectable } from '@nestjs/common';

import type { RecentActivityEntry } from '@lib/contracts';

import type { AuditEventEntity } from './audit-event.entity';
import { isUuid } from './audit-event-record';
import { AuditEventsRepository } from './audit-events.repository';

/** More than any dashboard shows; keeps one call cheap whatever the caller asks. */
export const MAX_RECENT_ACTIVITY = 50;
const DEFAULT_RECENT_ACTIVITY = 10;

/** Reads of the audit trail for other services. */
@Injectable()
export class AuditEventsService {
  constructor(private readonly events: AuditEventsRepository) {}

  /** The last `limit` events of the tenant that name a resource (a uuid), newest first; none for a tenant id that is not a uuid. */
  async recentActivity(tenantId: string, limit: unknown): Promise<RecentActivityEntry[]> {
    if (!isUuid(tenantId)) return [];
    const events = await this.events.newestWithResource(tenantId.toLowerCase(), clampLimit(limit));
    return events.map(toActivityEntry);
  }
}

export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_RECENT_ACTIVITY;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_RECENT_ACTIVITY);
}

/**
 * `user` only for a user actor with a uuid id. Its `name` is the display name or email when the
 * event carried one; today's publishers send only the id, so the name falls back to the user id
 * (the caller may look the name up in identity).
 */
export function toActivityEntry(event: AuditEventEntity): RecentActivityEntry {
  const entry: RecentActivityEntry = {
    type: event.action,
    entity_id: event.resourceId as string,
    entity_type: event.resourceType,
    timestamp: event.occurredAt.toISOString(),
  };
  if (event.actorType === 'user' && isUuid(event.actorId)) entry.user = { id: event.actorId, name: event.actorName ?? event.actorId };
  return entry;
}
