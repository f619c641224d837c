import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import type { DtoClass } from '@lib/contracts';

/** A missing or malformed environment variable. Its message names every bad variable on one line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}. Set these environment variables and start again.`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates environment variables into an `EnvDto` class (class-validator decorated).
 * Values are strings in the environment; DTOs convert them with `@Type(() => Number)` and friends.
 */
export function loadEnv<T extends object>(dto: DtoClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const values = plainToInstance(dto, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(values, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map(describeProblem));
  return values;
}

function describeProblem(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join(', ');
  return `${error.property} (${reasons})`;
}

/** Runs `main`, turning a ConfigError into one clear line and exit code 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message = error instanceof ConfigError ? error.message : `Fatal: ${(error as Error)?.stack ?? String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}

/** Splits a comma-separated variable into trimmed, non-empty items. */
export function commaSeparated({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
}
