import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, nanos, type Consumer, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';

import { ensureDurableConsumer, NATS_CONNECTION, type DurableConsumerConfig } from '@lib/transport';

import { AuditIngestService, type PendingAuditEvent } from './audit-ingest.service';

export const AUDIT_STREAM = 'AUDIT';

/**
 * The audit service's one durable pull consumer on AUDIT, shared by all its replicas. Redelivery
 * happens only when a replica dies holding messages (a failing Postgres is retried in-process, see
 * storeUntilDone), so 10 deliveries spaced by the backoff are plenty; the first backoff step is
 * also the ack wait, well above the time one batch takes.
 */
export const AUDIT_INGEST_CONSUMER: DurableConsumerConfig = {
  durable_name: 'audit-ingest',
  filter_subject: 'events.audit.>',
  ack_policy: AckPolicy.Explicit,
  deliver_policy: DeliverPolicy.All,
  ack_wait: nanos(30_000),
  backoff: [nanos(30_000), nanos(60_000), nanos(5 * 60_000), nanos(15 * 60_000)],
  max_deliver: 10,
  max_ack_pending: 1000,
};

const BATCH_SIZE = 100;
/** How long one pull waits for a full batch: the ingestion delay of a lone event (1 s is the client's minimum). */
const FETCH_WAIT_MS = 1000;
const MAX_PAUSE_MS = 5000;

export type AuditIngestState = 'starting' | 'consuming' | 'retrying' | 'stopped';

/**
 * Runs from boot to shutdown: pull a batch, store it, acknowledge it; on any failure wait a little
 * and go on, so a NATS or Postgres outage ends by itself and never stops the loop.
 */
@Injectable()
export class AuditIngestConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditIngestConsumer.name);
  private consumer?: Consumer;
  private fetching?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private current: AuditIngestState = 'starting';

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly ingest: AuditIngestService,
  ) {}

  get state(): AuditIngestState {
    return this.current;
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Before the kernel drains the NATS connection: finish the batch in hand, or hand it back. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.fetching?.stop();
    await this.loop;
    this.current = 'stopped';
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const batch = await this.fetchBatch();
        if (batch.length > 0) await this.storeUntilDone(this.ingest.prepare(batch));
        failures = 0;
      } catch (error) {
        failures += 1;
        this.consumer = undefined;
        this.enter('retrying', `audit ingestion paused: ${(error as Error).message}`);
        await this.pause(failures);
      }
    }
  }

  private async fetchBatch(): Promise<JsMsg[]> {
    this.consumer ??= await ensureDurableConsumer(this.connection, AUDIT_STREAM, AUDIT_INGEST_CONSUMER);
    this.enter('consuming', 'audit ingestion is consuming the stream AUDIT');
    this.fetching = await this.consumer.fetch({ max_messages: BATCH_SIZE, expires: FETCH_WAIT_MS });
    const batch: JsMsg[] = [];
    try {
      for await (const message of this.fetching) batch.push(message);
    } finally {
      this.fetching = undefined;
    }
    return batch;
  }

  /**
   * Keeps the batch while Postgres fails instead of handing it back: redeliveries would use up
   * max_deliver during a long outage and lose events. On shutdown the batch goes back to the stream.
   */
  private async storeUntilDone(pending: PendingAuditEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.ingest.store(pending);
        return;
      } catch (error) {
        if (this.stopping) return pending.forEach((p) => p.message.nak());
        this.enter('retrying', `audit events not stored, retrying: ${(error as Error).message}`);
        pending.forEach((p) => p.message.working());
        await this.pause(attempt);
      }
    }
  }

  private enter(state: AuditIngestState, message: string): void {
    if (this.current === state) return;
    this.current = state;
    if (state === 'retrying') this.logger.warn(message);
    else this.logger.log(message);
  }

  private pause(attempt: number): Promise<void> {
    const ms = Math.min(250 * 2 ** attempt, MAX_PAUSE_MS);
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
