import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys of tenants: only the SHA-256 of each key is kept, unique, for the gateway's lookup. */
export class CreateApiKeys1795910000000 implements MigrationInterface {
  name = 'CreateApiKeys1795910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity"."api_keys" (
        "id" uuid PRIMARY KEY,
        "tenant_id" uuid NOT NULL,
        "key_uuid" uuid NOT NULL UNIQUE,
        "key_hash" char(64) NOT NULL UNIQUE CHECK ("key_hash" ~ '^[0-9a-f]{64}$'),
        "key_preview" text NOT NULL,
        "name" varchar(100) NOT NULL CHECK (length("name") >= 1),
        "description" varchar(500),
        "permissions" jsonb NOT NULL DEFAULT '{}',
        "mcp_write_enabled" boolean NOT NULL DEFAULT false,
        "enabled" boolean NOT NULL DEFAULT true,
        "expires_at" timestamptz,
        "ip_whitelist" text[],
        "device_fingerprint" text,
        "last_used_at" timestamptz,
        "last_used_ip" text,
        "request_count" bigint NOT NULL DEFAULT 0,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "api_keys_tenant_created_idx" ON "identity"."api_keys" ("tenant_id", "created_at" DESC, "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."api_keys"`);
  }
}
