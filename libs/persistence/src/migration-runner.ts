import { Matches } from 'class-validator';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { loadEnv, runMain } from '@lib/platform';

import { dataSourceOptions, type ServiceDataSource } from './data-source';

type Log = (message: string) => void;

/**
 * Applies pending migrations of one service's schema under a Postgres advisory lock, so two
 * migration jobs started at once run one after the other.
 */
export async function runMigrations(options: DataSourceOptions, log: Log): Promise<void> {
  const schema = String((options as { schema?: string }).schema);
  const dataSource = await new DataSource(options).initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    try {
      const pending = await pendingMigrations(dataSource);
      log(`${schema}: ${pending.length} pending migration(s)`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      applied.forEach((m, i) => log(`${schema}: applied ${m.name} (${i + 1}/${applied.length})`));
      log(`${schema}: up to date`);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the last applied migration of one service's schema. */
export async function revertLastMigration(options: DataSourceOptions, log: Log): Promise<void> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
    log(`${String((options as { schema?: string }).schema)}: reverted the last migration`);
  } finally {
    await dataSource.destroy();
  }
}

async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const executed = new Set<string>();
  const table = `"${(dataSource.options as { schema?: string }).schema}"."migrations"`;
  const exists = await dataSource.query(`SELECT to_regclass($1) AS t`, [table]);
  if (exists[0]?.t) {
    for (const row of await dataSource.query(`SELECT name FROM ${table}`)) executed.add(row.name);
  }
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((n) => !executed.has(n));
}

/** Entry of each service's `migrate` command: `migrate [run|revert]`. */
export async function migrationCommand(options: DataSourceOptions, argv = process.argv.slice(2)): Promise<void> {
  const log: Log = (message) => process.stdout.write(`${message}\n`);
  const command = argv[0] ?? 'run';
  if (command === 'run') return runMigrations(options, log);
  if (command === 'revert') return revertLastMigration(options, log);
  throw new Error(`Unknown migration command "${command}": use run or revert.`);
}

class MigrateEnv {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must look like postgres://user:password@host:5432/db' })
  DATABASE_URL: string;
}

/** The whole `migrate` entry of a service: reads DATABASE_URL, runs `run` or `revert`, exits clearly. */
export function migrationMain(source: ServiceDataSource): void {
  runMain(async () => {
    const env = loadEnv(MigrateEnv);
    await migrationCommand(dataSourceOptions(env.DATABASE_URL, source, 1));
  });
}
