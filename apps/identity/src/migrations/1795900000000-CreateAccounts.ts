import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts: users, their tenant memberships, login sessions (refresh token families) and one-time tokens. */
export class CreateAccounts1795900000000 implements MigrationInterface {
  name = 'CreateAccounts1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity"."users" (
        "id" uuid PRIMARY KEY,
        -- Stored lower-cased: email is unique per platform and case-insensitive.
        "email" text NOT NULL CHECK ("email" = lower("email")),
        "password_hash" text,
        "first_name" text,
        "middle_name" text,
        "last_name" text,
        "display_name" text,
        "locale" varchar(8) NOT NULL DEFAULT 'en',
        "settings" jsonb NOT NULL DEFAULT '{}',
        "type_definition_id" uuid,
        "email_verified_at" timestamptz,
        "is_system_admin" boolean NOT NULL DEFAULT false,
        "default_tenant_id" uuid,
        "deleted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // A deleted account frees its address for a new registration.
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "identity"."users" ("email") WHERE "deleted_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "identity"."memberships" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "identity"."users" ("id") ON DELETE CASCADE,
        "tenant_id" uuid NOT NULL,
        "role" varchar(16) NOT NULL CHECK ("role" IN ('owner', 'admin', 'member')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "memberships_user_tenant_key" UNIQUE ("user_id", "tenant_id")
      )`);
    await queryRunner.query(`CREATE INDEX "memberships_tenant_idx" ON "identity"."memberships" ("tenant_id")`);
    await queryRunner.query(`
      CREATE TABLE "identity"."sessions" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "identity"."users" ("id") ON DELETE CASCADE,
        "tenant_id" uuid,
        "family_id" uuid NOT NULL,
        -- SHA-256 hex of the refresh token; the token itself is never stored.
        "refresh_token_hash" char(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "replaced_by" uuid,
        "last_used_at" timestamptz,
        "ip" text,
        "user_agent" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sessions_refresh_token_hash_key" ON "identity"."sessions" ("refresh_token_hash")`);
    await queryRunner.query(`CREATE INDEX "sessions_user_idx" ON "identity"."sessions" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "sessions_family_idx" ON "identity"."sessions" ("family_id")`);
    await queryRunner.query(`
      CREATE TABLE "identity"."one_time_tokens" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "token_hash" char(64) NOT NULL,
        "user_id" uuid NOT NULL REFERENCES "identity"."users" ("id") ON DELETE CASCADE,
        "purpose" varchar(16) NOT NULL CHECK ("purpose" IN ('reset', 'verify')),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "one_time_tokens_hash_key" ON "identity"."one_time_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "one_time_tokens_user_idx" ON "identity"."one_time_tokens" ("user_id", "purpose")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."one_time_tokens"`);
    await queryRunner.query(`DROP TABLE "identity"."sessions"`);
    await queryRunner.query(`DROP TABLE "identity"."memberships"`);
    await queryRunner.query(`DROP TABLE "identity"."users"`);
  }
}
