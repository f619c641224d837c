import { Injectable, Logger } from '@nestjs/common';
import type { JsMsg } from 'nats';

import type { AuditEventEntity } from './audit-event.entity';
import { parseAuditEvent, type AuditMessage } from './audit-event-record';
import { AuditEventsRepository } from './audit-events.repository';

/** A message whose row is ready to store, waiting for its ack until the row is committed. */
export interface PendingAuditEvent {
  message: JsMsg;
  record: AuditEventEntity;
}

/**
 * Stores batches of audit messages: poison messages are terminated, the rest inserted in one
 * statement and acknowledged only once committed. A redelivered message hits its existing row and
 * is acknowledged again.
 */
@Injectable()
export class AuditIngestService {
  private readonly logger = new Logger(AuditIngestService.name);

  constructor(private readonly events: AuditEventsRepository) {}

  /** Parses a batch; messages that can never be stored are terminated (with a warning) and left out. */
  prepare(batch: JsMsg[]): PendingAuditEvent[] {
    const pending: PendingAuditEvent[] = [];
    for (const message of batch) {
      const parsed = parseAuditEvent(auditMessageOf(message));
      if ('record' in parsed) pending.push({ message, record: parsed.record });
      else this.reject(message, parsed.rejected);
    }
    return pending;
  }

  /**
   * Inserts and acknowledges. A row Postgres refuses (bad data) is found by storing one by one and
   * terminated; any other failure (Postgres down) is thrown with nothing acknowledged, for the caller to retry.
   */
  async store(pending: PendingAuditEvent[]): Promise<void> {
    try {
      await this.events.insertIgnoringDuplicates(pending.map((p) => p.record));
    } catch (error) {
      if (!isDataError(error)) throw error;
      return this.storeOneByOne(pending);
    }
    pending.forEach((p) => p.message.ack());
  }

  private async storeOneByOne(pending: PendingAuditEvent[]): Promise<void> {
    for (const event of pending) {
      try {
        await this.events.insertIgnoringDuplicates([event.record]);
        event.message.ack();
      } catch (error) {
        if (!isDataError(error)) throw error;
        this.reject(event.message, `refused by Postgres: ${(error as Error).message}`);
      }
    }
  }

  private reject(message: JsMsg, reason: string): void {
    this.logger.warn(`audit event ${message.subject} (stream sequence ${message.seq}) dropped: ${reason}`);
    // No reason on the wire: servers before 2.10.4 do not know `+TERM <reason>` and would redeliver.
    message.term();
  }
}

export function auditMessageOf(message: JsMsg): AuditMessage {
  return {
    subject: message.subject,
    data: message.data,
    messageId: message.headers?.get('Nats-Msg-Id') || undefined,
    stream: message.info.stream,
    streamSequence: message.info.streamSequence,
    publishedAt: new Date(Math.floor(message.info.timestampNanos / 1e6)),
  };
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the row, not Postgres, is at fault. */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
