import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsConnection } from 'nats';
import type { DataSource, EntityManager } from 'typeorm';

import { NATS_CONNECTION, SERVICE_SCHEMA } from '../service/tokens';
import { ensureStreams } from './streams';

/** An event JetStream did not take: published later under the same message id (JetStream drops repeats). */
export interface ParkedEvent {
  id: string;
  subject: string;
  payload: unknown;
}

type Publish = (event: ParkedEvent) => Promise<void>;

const RELAY_BATCH = 100;

/** The service's `event_outbox` table (migration: libs/persistence eventOutboxMigration). */
@Injectable()
export class EventOutbox {
  private readonly table: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) schema: string,
  ) {
    this.table = `"${schema}"."event_outbox"`;
  }

  async park(event: ParkedEvent, reason: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO ${this.table} (id, subject, payload, last_error) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
      event.id,
      event.subject,
      JSON.stringify(event.payload),
      reason,
    ]);
  }

  /**
   * Publishes the oldest parked events in order and deletes those that went out; stops at the first
   * failure so events keep their order. Rows are locked (SKIP LOCKED) so replicas share the work.
   * Returns how many were published.
   */
  async relay(publish: Publish): Promise<number> {
    // Almost always empty: one cheap read instead of a transaction every pass, in every service.
    const [{ parked }] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM ${this.table}) AS parked`);
    if (!parked) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; subject: string; payload: unknown }[] = await manager.query(
        `SELECT id, subject, payload FROM ${this.table} ORDER BY parked_at, id LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const published: string[] = [];
      for (const row of rows) {
        try {
          await publish(row);
        } catch (error) {
          await this.recordFailure(manager, row.id, (error as Error).message);
          break;
        }
        published.push(row.id);
      }
      if (published.length) await manager.query(`DELETE FROM ${this.table} WHERE id = ANY($1)`, [published]);
      return published.length;
    });
  }

  private async recordFailure(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, reason]);
  }
}

export const OUTBOX_RELAY_INTERVAL_MS = 2000;

/** Every few seconds, publishes what the outbox holds; recreates missing streams first, so a lost stream heals too. */
@Injectable()
export class EventOutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventOutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private failing = false;

  constructor(
    private readonly outbox: EventOutbox,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), OUTBOX_RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One relay pass; never throws (Postgres or NATS being down just means: next time). */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const published = await this.outbox.relay((event) => this.publish(event));
      if (published) this.logger.log(`Published ${published} parked event(s) from the outbox`);
      if (this.failing) this.logger.log('Outbox relay works again');
      this.failing = false;
    } catch (error) {
      // Once per outage, not every pass.
      if (!this.failing) this.logger.warn(`Outbox relay pass failed, retrying every ${OUTBOX_RELAY_INTERVAL_MS} ms: ${(error as Error).message}`);
      this.failing = true;
    } finally {
      this.running = false;
    }
  }

  private async publish(event: ParkedEvent): Promise<void> {
    const js = this.connection.jetstream();
    const data = new TextEncoder().encode(JSON.stringify(event.payload));
    try {
      await js.publish(event.subject, data, { msgID: event.id });
    } catch {
      await ensureStreams(this.connection);
      await js.publish(event.subject, data, { msgID: event.id });
    }
  }
}
