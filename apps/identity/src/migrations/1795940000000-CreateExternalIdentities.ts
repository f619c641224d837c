import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts at OAuth providers linked to users: one link per provider and provider subject. */
export class CreateExternalIdentities1795940000000 implements MigrationInterface {
  name = 'CreateExternalIdentities1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "identity"."external_identities" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "identity"."users" ("id") ON DELETE CASCADE,
        "provider" varchar(16) NOT NULL CHECK ("provider" IN ('google', 'microsoft', 'apple', 'facebook', 'github')),
        "subject" text NOT NULL CHECK (length("subject") >= 1),
        "email" text NOT NULL,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "external_identities_provider_subject_key" UNIQUE ("provider", "subject")
      )`);
    await queryRunner.query(`CREATE INDEX "external_identities_user_idx" ON "identity"."external_identities" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "identity"."external_identities"`);
  }
}
