import type { DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';

export interface ServiceDataSource {
  /** The service's own Postgres schema, named after it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
}

/**
 * Connection options for one service's schema. Never `synchronize`: the schema changes only
 * through checked-in migrations, run by the migration command.
 */
export function dataSourceOptions(url: string, source: ServiceDataSource, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: source.schema,
    entities: source.entities,
    migrations: source.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    applicationName: source.schema,
    extra: {
      max: poolSize,
      // Fail fast while Postgres is down; the pool opens fresh connections once it is back.
      connectionTimeoutMillis: 2000,
      keepAlive: true,
      options: `-c search_path=${source.schema},public`,
    },
  };
}
