import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';

import { DomainError, ErrorCode, type RequestContext } from '@lib/contracts';

import { NATS_CONNECTION } from '../service/tokens';
import { EventOutbox } from './event-outbox';

/** What every audit event says: who did what to which resource, from where. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  /** `<service>.<resource>.<verb>`, e.g. `identity.login.succeeded`. */
  action: string;
  actor: { type: 'user' | 'api-key' | 'anonymous' | 'system'; id: string | null };
  tenantId: string | null;
  resourceType: string;
  resourceId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditInput {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  tenantId?: string | null;
  /** Defaults to the request's actor; pass one for anonymous actions that identify a user (login). */
  actor?: AuditEvent['actor'];
  details?: Record<string, unknown>;
}

const codec = JSONCodec();

/**
 * Publishes events to JetStream and waits for the stream's acknowledgement, so an accepted change
 * is never without its event even while the consumer (audit, messaging) is down. An audit event
 * JetStream cannot take is parked in the service's outbox and published later by the relay: the
 * change it records is already saved, so the caller gets its answer rather than a 503.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly outbox: EventOutbox,
  ) {}

  async audit(context: RequestContext, input: AuditInput): Promise<void> {
    const actor = input.actor ?? (context.actor ? { type: context.actor.type, id: context.actor.id } : { type: 'anonymous', id: null });
    const event: AuditEvent = {
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      action: input.action,
      actor,
      tenantId: input.tenantId ?? context.tenantId,
      resourceType: input.resourceType,
      resourceId: input.resourceId ?? null,
      ip: context.ip,
      userAgent: context.userAgent,
      requestId: context.requestId,
      details: input.details ?? {},
    };
    await this.publishOrPark(`events.audit.${input.action}`, event, event.id);
  }

  /**
   * Publishes `data` on `subject`; `messageId` makes a retried publish a no-op (JetStream dedup). Fails
   * with 503 when JetStream cannot take it: used for events that carry a secret (mail with a one-time
   * token), which are never parked in a table.
   */
  async publish(subject: string, data: unknown, messageId: string = randomUUID()): Promise<void> {
    try {
      await this.send(subject, data, messageId);
    } catch (error) {
      throw unavailable(error);
    }
  }

  private async publishOrPark(subject: string, data: unknown, messageId: string): Promise<void> {
    try {
      await this.send(subject, data, messageId);
    } catch (error) {
      const reason = (error as Error).message;
      await this.outbox.park({ id: messageId, subject, payload: data }, reason).catch((parkError: Error) => {
        throw unavailable(parkError);
      });
      this.logger.warn(`JetStream did not take ${subject} (${reason}); parked in the outbox for the relay`);
    }
  }

  private async send(subject: string, data: unknown, messageId: string): Promise<void> {
    await this.connection.jetstream().publish(subject, codec.encode(data), { msgID: messageId });
  }
}

function unavailable(error: unknown): DomainError {
  return new DomainError(ErrorCode.ServiceUnavailable, 503, 'The event stream is unavailable. Try again shortly.', undefined, error);
}
