import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reference-data tables: countries, currencies, languages and phone codes (same data for every tenant). */
export class CreateReferenceData1795447602909 implements MigrationInterface {
  name = 'CreateReferenceData1795447602909';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tenancy"."countries" (
        "iso_code" varchar(2) PRIMARY KEY CHECK ("iso_code" ~ '^[A-Z]{2}$'),
        "cca3" varchar(3) CHECK ("cca3" ~ '^[A-Z]{3}$'),
        "name_ascii" text NOT NULL,
        "name_local" jsonb NOT NULL DEFAULT '{}',
        "translations" jsonb NOT NULL DEFAULT '{}',
        "flag_url" text NOT NULL,
        "currencies" text[] NOT NULL DEFAULT '{}',
        "phone_code" text CHECK ("phone_code" ~ '^\\+[0-9]{1,4}$'),
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "tenancy"."currencies" (
        "code" varchar(3) PRIMARY KEY CHECK ("code" ~ '^[A-Z]{3}$'),
        "name" text NOT NULL,
        "symbol" text,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "tenancy"."languages" (
        "iso_code_1" varchar(2) PRIMARY KEY CHECK ("iso_code_1" ~ '^[a-z]{2}$'),
        "iso_code_2" varchar(3) CHECK ("iso_code_2" ~ '^[a-z]{3}$'),
        "iso_code_3" varchar(3) CHECK ("iso_code_3" ~ '^[a-z]{3}$'),
        "name_english" text NOT NULL,
        "name_local" text NOT NULL,
        "country_code" varchar(2) CHECK ("country_code" ~ '^[A-Z]{2}$'),
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "tenancy"."phone_codes" (
        "country_code" varchar(2) PRIMARY KEY
          REFERENCES "tenancy"."countries" ("iso_code") ON DELETE CASCADE,
        "idd_root" text NOT NULL CHECK ("idd_root" ~ '^\\+[0-9]{1,4}$'),
        "idd_suffixes" text[],
        "full_code" text NOT NULL,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "phone_codes_full_code_idx" ON "tenancy"."phone_codes" ("full_code")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tenancy"."phone_codes"`);
    await queryRunner.query(`DROP TABLE "tenancy"."languages"`);
    await queryRunner.query(`DROP TABLE "tenancy"."currencies"`);
    await queryRunner.query(`DROP TABLE "tenancy"."countries"`);
  }
}
