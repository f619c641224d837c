import { Injectable, Logger } from '@nestjs/common';

import { isUuid, userNames, type RecentActivityEntry, type RequestContext } from '@lib/contracts';
import { NatsRpcClient } from '@lib/transport';

import type { AuditEventEntity } from './audit-event.entity';
import { AuditEventsRepository } from './audit-events.repository';

/** More than any dashboard shows; keeps one call cheap whatever the caller asks. */
export const MAX_RECENT_ACTIVITY = 50;
const DEFAULT_RECENT_ACTIVITY = 10;
/** Names are a nicety: a slow identity must not hold the activity list up. */
const NAMES_TIMEOUT_MS = 1000;

/** Reads of the audit trail for other services. */
@Injectable()
export class AuditEventsService {
  private readonly logger = new Logger(AuditEventsService.name);

  constructor(
    private readonly events: AuditEventsRepository,
    private readonly rpc: NatsRpcClient,
  ) {}

  /**
   * The last `limit` events of the tenant that name a resource (a uuid), newest first, with the acting users'
   * names from identity; none for a tenant id that is not a uuid.
   */
  async recentActivity(context: RequestContext, tenantId: string, limit: unknown): Promise<RecentActivityEntry[]> {
    if (!isUuid(tenantId)) return [];
    const entries = (await this.events.newestWithResource(tenantId.toLowerCase(), clampLimit(limit))).map(toActivityEntry);
    const names = await this.userNames(context, entries);
    return entries.map((entry) => (entry.user && names[entry.user.id] ? { ...entry, user: { id: entry.user.id, name: names[entry.user.id] } } : entry));
  }

  /** Identity's names of the acting users; none (the entries keep their fallback) when identity is down or slow. */
  private async userNames(context: RequestContext, entries: RecentActivityEntry[]): Promise<Record<string, string>> {
    const userIds = [...new Set(entries.flatMap((entry) => (entry.user ? [entry.user.id] : [])))];
    if (userIds.length === 0) return {};
    try {
      return await this.rpc.request<Record<string, string>>(userNames.subject, { context, body: { userIds } }, NAMES_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`User names unavailable, recent activity shows user ids: ${(error as Error).message}`);
      return {};
    }
  }
}

export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_RECENT_ACTIVITY;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_RECENT_ACTIVITY);
}

/**
 * `user` only for a user actor with a uuid id. Its `name` is the one the event carried, else the user id
 * until recentActivity puts identity's name in (today's publishers send only the id).
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
