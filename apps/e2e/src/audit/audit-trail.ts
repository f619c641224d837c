import { randomUUID } from 'node:crypto';

import { connect, JSONCodec, type ConsumerInfo, type NatsConnection } from 'nats';
import { Client, type QueryResult } from 'pg';

import { recentActivity, type RecentActivityEntry, type RequestContext } from '@lib/contracts';
import { callInternal, NatsRpcClient } from '@lib/transport';

// What the audit specs read and write besides the gateway: the audit schema (Postgres), the
// internal subject recentActivity and the stream AUDIT (NATS), as tenancy and the publishers would.

export interface StoredAuditEvent {
  id: string;
  tenant_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  actor_type: string;
  actor_id: string | null;
  details: Record<string, unknown>;
  occurred_at: Date;
}

const internalContext: RequestContext = { requestId: `e2e-${randomUUID()}`, actor: null, tenantId: null, locale: null, ip: '127.0.0.1', userAgent: 'e2e' };
const codec = JSONCodec();

export class AuditTrail {
  private readonly rpc = new NatsRpcClient();
  private nats?: Promise<NatsConnection>;

  /** Rows of the audit table matching `where` (SQL with $1…), oldest first. */
  async rows(where: string, params: unknown[]): Promise<StoredAuditEvent[]> {
    const result = await query<StoredAuditEvent>(`SELECT * FROM audit.audit_events WHERE ${where} ORDER BY occurred_at, id`, params);
    return result.rows;
  }

  /** Every stored column of the tenant's rows as one text, to search for leaked secrets. */
  async textOfTenant(tenantId: string): Promise<string> {
    const sql = `SELECT string_agg(row_to_json(e)::text, ' ') AS text FROM audit.audit_events e WHERE tenant_id = $1`;
    const result = await query<{ text: string | null }>(sql, [tenantId]);
    return result.rows[0]?.text ?? '';
  }

  async recentActivity(tenantId: string, limit: number): Promise<RecentActivityEntry[]> {
    await this.connection();
    return callInternal(this.rpc, recentActivity, internalContext, { tenantId, limit });
  }

  /** Publishes raw bytes into the stream AUDIT, as a (possibly faulty) publisher would. */
  async publishRaw(subject: string, data: Uint8Array, messageId: string = randomUUID()): Promise<void> {
    const nats = await this.connection();
    await nats.jetstream().publish(subject, data, { msgID: messageId });
  }

  async publish(event: Record<string, unknown>, messageId: string = randomUUID()): Promise<void> {
    await this.publishRaw(`events.audit.${String(event['action'])}`, codec.encode(event), messageId);
  }

  async consumerConfig(stream: string, durable: string): Promise<Record<string, unknown>> {
    return (await this.consumerInfo(stream, durable)).config as unknown as Record<string, unknown>;
  }

  async consumerInfo(stream: string, durable: string): Promise<ConsumerInfo> {
    const manager = await (await this.connection()).jetstreamManager();
    return manager.consumers.info(stream, durable);
  }

  async close(): Promise<void> {
    if (this.nats) await (await this.nats).drain();
  }

  private connection(): Promise<NatsConnection> {
    this.nats ??= connect({ servers: process.env['E2E_NATS_URL'] as string, name: 'e2e-audit' }).then((nats) => {
      this.rpc.use(nats);
      return nats;
    });
    return this.nats;
  }
}

/** One connection per query: the resilience spec stops Postgres under these specs. */
async function query<R extends object>(sql: string, params: unknown[]): Promise<QueryResult<R>> {
  const client = new Client({ connectionString: process.env['E2E_DATABASE_URL'] as string });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.query<R>(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** An audit event as EventPublisher.audit publishes it. */
export function auditEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    action: 'e2e.widget.created',
    actor: { type: 'system', id: null },
    tenantId: randomUUID(),
    resourceType: 'widget',
    resourceId: randomUUID(),
    ip: '127.0.0.1',
    userAgent: 'e2e',
    requestId: `e2e-${randomUUID()}`,
    details: {},
    ...overrides,
  };
}
