import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who acted: a user, an API key, the system, or nobody known (a failed login). */
export type AuditActorType = 'user' | 'api-key' | 'anonymous' | 'system';

/**
 * One audit event (`audit.audit_events`), written once by the ingest consumer and never changed.
 * tenant_id is null for platform-level events (a failed login names no tenant).
 */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  /** The event's id as its publisher set it: the idempotency key of ingestion. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  /** `<service>.<resource>.<verb>`, e.g. `identity.api-key.created`. */
  @Column({ type: 'varchar', length: 200 })
  action: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 100 })
  resourceType: string;

  @Column({ name: 'resource_id', type: 'varchar', length: 200, nullable: true })
  resourceId: string | null;

  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType: AuditActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 200, nullable: true })
  actorId: string | null;

  /** A display name or email, only when the publisher put one in the event. */
  @Column({ name: 'actor_name', type: 'varchar', length: 320, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 1000, nullable: true })
  userAgent: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 200, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
