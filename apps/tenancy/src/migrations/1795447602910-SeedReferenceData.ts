import type { MigrationInterface, QueryRunner } from 'typeorm';

import { buildCountrySeeds } from '../reference-data/countries/countries.seed';
import { buildCurrencySeeds } from '../reference-data/currencies/currencies.seed';
import { buildLanguageSeeds } from '../reference-data/languages/languages.seed';
import { buildPhoneCodeSeeds } from '../reference-data/phone-codes/phone-codes.seed';

/**
 * Fills the reference tables from the data packages pinned in package.json (world-countries,
 * i18n-iso-countries, currency-codes, langs, libphonenumber-js), so the data is versioned with
 * those versions. A package upgrade that should change the data needs a new migration.
 */
export class SeedReferenceData1795447602910 implements MigrationInterface {
  name = 'SeedReferenceData1795447602910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await insertRows(queryRunner, 'countries', buildCountrySeeds());
    await insertRows(queryRunner, 'currencies', buildCurrencySeeds());
    await insertRows(queryRunner, 'languages', buildLanguageSeeds());
    await insertRows(queryRunner, 'phone_codes', buildPhoneCodeSeeds());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['phone_codes', 'languages', 'currencies', 'countries']) {
      await queryRunner.query(`DELETE FROM "tenancy"."${table}"`);
    }
  }
}

/** Multi-row INSERTs of at most 100 rows; objects go in as jsonb, arrays as Postgres arrays. */
async function insertRows(queryRunner: QueryRunner, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  for (let start = 0; start < rows.length; start += 100) {
    const batch = rows.slice(start, start + 100) as Record<string, unknown>[];
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = columns.map((column) => {
        values.push(toParameter(row[column]));
        return isJsonObject(row[column]) ? `$${values.length}::jsonb` : `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const names = columns.map((column) => `"${column}"`).join(', ');
    await queryRunner.query(`INSERT INTO "tenancy"."${table}" (${names}) VALUES ${tuples.join(', ')}`, values);
  }
}

function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toParameter(value: unknown): unknown {
  return isJsonObject(value) ? JSON.stringify(value) : value;
}
