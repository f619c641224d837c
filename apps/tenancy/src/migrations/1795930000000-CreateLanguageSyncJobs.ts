import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Language sync jobs: one per language added to or removed from a tenant, run in the background. */
export class CreateLanguageSyncJobs1795930000000 implements MigrationInterface {
  name = 'CreateLanguageSyncJobs1795930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tenancy"."language_sync_jobs" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "tenancy"."tenants" ("id") ON DELETE CASCADE,
        "operation" text NOT NULL CHECK ("operation" IN ('add', 'remove')),
        "language_code" varchar(2) NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'running', 'completed', 'failed')),
        "entities_processed" int NOT NULL DEFAULT 0 CHECK ("entities_processed" >= 0),
        "entities_total" int NOT NULL DEFAULT 0 CHECK ("entities_total" >= 0),
        "errors" jsonb NOT NULL DEFAULT '[]',
        "started_at" timestamptz,
        "completed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX "language_sync_jobs_tenant_id_created_at_idx" ON "tenancy"."language_sync_jobs" ("tenant_id", "created_at")`,
    );
    // The sweep after a restart looks for unfinished jobs of every tenant.
    await queryRunner.query(
      `CREATE INDEX "language_sync_jobs_unfinished_idx" ON "tenancy"."language_sync_jobs" ("created_at") WHERE "status" IN ('pending', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tenancy"."language_sync_jobs"`);
  }
}
