import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants and the history of their lifecycle (status and type changes). */
export class CreateTenants1795900100000 implements MigrationInterface {
  name = 'CreateTenants1795900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tenancy"."tenants" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "slug" text NOT NULL CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]*$'),
        "domain" text NOT NULL CHECK ("domain" ~ '^[a-z0-9.-]+$'),
        "description" text,
        "status" text NOT NULL CHECK ("status" IN ('active', 'inactive', 'maintenance', 'retired', 'pending')),
        "type" text NOT NULL CHECK ("type" IN ('system', 'trial', 'paid', 'enterprise')),
        "contact_email" text,
        "contact_phone" text,
        "owner_user_id" uuid,
        "settings" jsonb NOT NULL DEFAULT '{}',
        "default_language" varchar(2) NOT NULL DEFAULT 'en',
        "additional_languages" text[] NOT NULL DEFAULT '{}',
        "storage_distribution_strategy" text NOT NULL DEFAULT 'sequential'
          CHECK ("storage_distribution_strategy" IN ('sequential', 'distributed')),
        "storage_fallback_chain" uuid[] NOT NULL DEFAULT '{}',
        "log_retention_days" int NOT NULL DEFAULT 90 CHECK ("log_retention_days" IN (30, 60, 90)),
        "log_retention_updated_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tenants_slug_key" ON "tenancy"."tenants" ("slug")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tenants_domain_key" ON "tenancy"."tenants" ("domain")`);
    await queryRunner.query(`CREATE INDEX "tenants_owner_user_id_idx" ON "tenancy"."tenants" ("owner_user_id")`);
    await queryRunner.query(`
      CREATE TABLE "tenancy"."tenant_lifecycle_events" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "tenancy"."tenants" ("id") ON DELETE CASCADE,
        "action" text NOT NULL,
        "from_status" text NOT NULL,
        "to_status" text NOT NULL,
        "from_type" text NOT NULL,
        "to_type" text NOT NULL,
        "reason" text,
        "performed_by" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX "tenant_lifecycle_events_tenant_id_created_at_idx" ON "tenancy"."tenant_lifecycle_events" ("tenant_id", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tenancy"."tenant_lifecycle_events"`);
    await queryRunner.query(`DROP TABLE "tenancy"."tenants"`);
  }
}
