import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table a service's EventPublisher parks events in while JetStream cannot take them
 * (libs/transport/src/events/event-outbox.ts). Every service gets the same table in its own schema:
 * `export class CreateEventOutbox<ts> extends eventOutboxMigration('<schema>', '<ts>') {}`.
 */
export function eventOutboxMigration(schema: string, timestamp: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = `CreateEventOutbox${timestamp}`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}"."event_outbox" (
          "id" text PRIMARY KEY,
          "subject" text NOT NULL,
          "payload" jsonb NOT NULL,
          "parked_at" timestamptz NOT NULL DEFAULT now(),
          "attempts" integer NOT NULL DEFAULT 0,
          "last_error" text
        )`);
      await queryRunner.query(`CREATE INDEX "event_outbox_parked_idx" ON "${schema}"."event_outbox" ("parked_at")`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}"."event_outbox"`);
    }
  };
}
