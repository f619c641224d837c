// Loads libs/persistence/src/migration-runner.ts, whose (unexported) MigrateEnv is the whole
// environment of every `migrate.js`.
import '@lib/persistence';
import { SERVICE_NAMES, type ServiceName } from '@lib/contracts';

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { getMetadataStorage, ValidationTypes } from 'class-validator';

import { AuditEnv } from '../../../apps/audit/src/config';
import { CalendarEnv } from '../../../apps/calendar/src/config';
import { GatewayEnv } from '../../../apps/gateway/src/config';
import { IdentityEnv } from '../../../apps/identity/src/config';
import { IntegrationsEnv } from '../../../apps/integrations/src/config';
import { MessagingEnv } from '../../../apps/messaging/src/config';
import { StorageEnv } from '../../../apps/storage/src/config';
import { TenancyEnv } from '../../../apps/tenancy/src/config';

export const ROOT = resolve(__dirname, '../../..');
export const SERVICES: readonly ServiceName[] = SERVICE_NAMES;
export type AppName = 'gateway' | ServiceName;
export const APPS: readonly AppName[] = ['gateway', ...SERVICES];
/** Every image the Dockerfile builds: the apps plus the one that runs all migrations. */
export const IMAGES: readonly string[] = [...APPS, 'migrations'];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EnvClass = Function & (new () => object);

export const ENV_CLASSES: Record<AppName, EnvClass> = {
  gateway: GatewayEnv,
  identity: IdentityEnv,
  tenancy: TenancyEnv,
  storage: StorageEnv,
  calendar: CalendarEnv,
  messaging: MessagingEnv,
  audit: AuditEnv,
  integrations: IntegrationsEnv,
};

/**
 * Variables the apps read outside their env class (libs/platform/src/version.ts) or that Node
 * itself reads; setting them is never a typo.
 */
export const EXTRA_ENV = new Set(['BUILD_NUMBER', 'BUILD_DATE', 'NODE_OPTIONS']);

export interface EnvSpec {
  /** Every decorated property: the variables the app knows. */
  known: Set<string>;
  /** No default on `new Env()` and no @IsOptional: the app refuses to start without them. */
  required: Set<string>;
  defaults: Record<string, unknown>;
}

/** Reads what an env class knows and requires from its class-validator metadata and defaults. */
export function envSpec(envClass: EnvClass): EnvSpec {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(envClass, '', true, false);
  const instance = new envClass() as Record<string, unknown>;
  const known = new Set(metadata.map((m) => m.propertyName));
  const optional = new Set(
    metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  const required = new Set([...known].filter((p) => instance[p] === undefined && !optional.has(p)));
  const defaults = Object.fromEntries([...known].filter((p) => instance[p] !== undefined).map((p) => [p, instance[p]]));
  return { known, required, defaults };
}

/**
 * The env class of `migrate.js` (MigrateEnv in libs/persistence/src/migration-runner.ts). It is not
 * exported, so it is looked up by name in class-validator's metadata storage.
 */
export function migrateEnvClass(): EnvClass {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<unknown, unknown[]> };
  const targets = [...(storage.validationMetadatas?.keys() ?? [])];
  const found = targets.find((t): t is EnvClass => typeof t === 'function' && t.name === 'MigrateEnv');
  if (!found) throw new Error('MigrateEnv not found in class-validator metadata (renamed, or class-validator internals changed)');
  return found;
}

export function readText(relativePath: string): string {
  return readFileSync(join(ROOT, relativePath), 'utf8');
}

export function exists(relativePath: string): boolean {
  return existsSync(join(ROOT, relativePath));
}

/** Parses a .env file: KEY=value lines, values literal (as docker compose reads .env). */
export function parseDotenv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) vars[match[1]] = match[2];
  }
  return vars;
}

/** The numeric uid the runtime image runs as (the Dockerfile's last USER). */
export function imageUser(): number {
  const users = [...readText('Dockerfile').matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
  const uid = Number(users.at(-1)?.split(':')[0]);
  if (!Number.isInteger(uid)) throw new Error(`Dockerfile: the last USER must be a numeric uid, found ${users.at(-1)}`);
  return uid;
}
