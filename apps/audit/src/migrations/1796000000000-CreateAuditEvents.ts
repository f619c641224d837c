import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per audit event taken from the JetStream stream AUDIT. The id is the event's
 * own id, so a redelivered message finds its row already there (insert ... on conflict do nothing).
 */
export class CreateAuditEvents1796000000000 implements MigrationInterface {
  name = 'CreateAuditEvents1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit"."audit_events" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid,
        "action" varchar(200) NOT NULL CHECK (length("action") >= 1),
        "resource_type" varchar(100) NOT NULL,
        "resource_id" varchar(200),
        "actor_type" varchar(20) NOT NULL,
        "actor_id" varchar(200),
        "actor_name" varchar(320),
        "ip" varchar(100),
        "user_agent" varchar(1000),
        "request_id" varchar(200),
        "details" jsonb NOT NULL DEFAULT '{}',
        "occurred_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "audit_events_tenant_occurred_idx" ON "audit"."audit_events" ("tenant_id", "occurred_at" DESC, "id" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit"."audit_events"`);
  }
}
