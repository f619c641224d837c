import { parse } from 'yaml';

import { parseDotenv, readText } from './workspace';

export interface ComposeHealthcheck {
  test?: string | string[];
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> | string[] };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: string | (string | { path: string; required?: boolean })[];
  ports?: (string | { target: number; published?: string | number })[];
  expose?: (string | number)[];
  healthcheck?: ComposeHealthcheck;
  depends_on?: string[] | Record<string, { condition?: string }>;
  restart?: string;
  read_only?: boolean;
  volumes?: (string | { source?: string; target: string })[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function loadCompose(): ComposeFile {
  return parse(readText('docker-compose.yml'), { merge: true }) as ComposeFile;
}

/** The variables compose interpolates with once `cp .env.example .env` was done. */
export function loadEnvExample(): Record<string, string> {
  return parseDotenv(readText('.env.example'));
}

const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Every variable a compose value refers to, and whether compose has a fallback for it. */
export function referencedVariables(text: string): { name: string; hasDefault: boolean }[] {
  const found: { name: string; hasDefault: boolean }[] = [];
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? match[4];
    if (name) found.push({ name, hasDefault: match[2] === '-' || match[2] === ':-' || match[2] === ':+' || match[2] === '+' });
  }
  return found;
}

/**
 * Compose's interpolation (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error},
 * ${VAR:+alt}, $VAR, $$). An unset variable without fallback throws, where compose would warn and
 * use an empty string.
 */
export function interpolate(value: string, vars: Record<string, string>, where: string): string {
  return value.replace(VARIABLE, (whole, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    const current = vars[name];
    const missing = current === undefined || (op?.startsWith(':') === true && current === '');
    switch (op) {
      case ':-':
      case '-':
        return missing ? (arg ?? '') : current;
      case ':+':
      case '+':
        return missing ? '' : (arg ?? '');
      case ':?':
      case '?':
        if (missing) throw new Error(`${where}: ${name} is required (${arg})`);
        return current;
      default:
        if (current === undefined) throw new Error(`${where}: ${name} is not set and has no default`);
        return current;
    }
  });
}

/** A service's environment after interpolation: `environment` (map or list) over its env_files. */
export function effectiveEnvironment(
  name: string,
  service: ComposeService,
  vars: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  const files = service.env_file === undefined ? [] : Array.isArray(service.env_file) ? service.env_file : [service.env_file];
  for (const file of files) {
    const path = typeof file === 'string' ? file : file.path;
    // The stack reads .env, made from .env.example.
    Object.assign(env, parseDotenv(readText(path === '.env' ? '.env.example' : path)));
  }
  const entries: [string, unknown][] = Array.isArray(service.environment)
    ? service.environment.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, vars[line]] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(service.environment ?? {});
  for (const [key, raw] of entries) {
    if (raw === undefined || raw === null) continue;
    env[key] = interpolate(String(raw), vars, `${name}.environment.${key}`);
  }
  return env;
}

/** `[CMD, node, -e, "fetch('http://127.0.0.1:3001/readyz')..."]` -> { port: 3001, path: '/readyz' }. */
export function healthcheckTarget(healthcheck: ComposeHealthcheck | undefined): { port: number; path: string } | undefined {
  const test = healthcheck?.test;
  const text = Array.isArray(test) ? test.join(' ') : (test ?? '');
  const match = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)(\/[^'"\s)]*)/.exec(text);
  return match ? { port: Number(match[1]), path: match[2] } : undefined;
}

export function dependsOn(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([d, v]) => [d, v?.condition ?? 'service_started']));
}

export function buildArgs(service: ComposeService): Record<string, string> {
  const args = service.build?.args ?? {};
  if (!Array.isArray(args)) return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(args.map((a) => [a.split('=')[0], a.split('=').slice(1).join('=')]));
}
