import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The seven NATS services, as the gateway reports them. */
export const SERVICES = ['identity', 'tenancy', 'storage', 'calendar', 'messaging', 'audit', 'integrations'] as const;

export type InfraServer = 'postgres' | 'redis' | 'nats' | 's3';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'tools', 'stack', 'cli.mjs');

/**
 * Stops or starts one infra server of the test stack (same port, same data) through the stack CLI.
 * The CLI is a separate Node process because tools/stack is ESM, which Jest's module system cannot load.
 */
export function stackServer(action: 'start' | 'stop', server: InfraServer): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [CLI, `${action}-server`, server, '--profile', 'test'],
      { cwd: ROOT, env: process.env, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${action} ${server} failed: ${stderr || stdout || error.message}`));
        else resolvePromise(stdout);
      },
    );
  });
}

/** PIDs of the running apps of the test stack, from their pidfiles. */
export function appPids(): Record<string, number | undefined> {
  const dir = join(process.env['E2E_STACK_DIR'] ?? join(ROOT, '.stack', 'test'), 'pids');
  const apps = (process.env['E2E_APPS'] ?? [...SERVICES, 'gateway'].join(',')).split(',');
  return Object.fromEntries(
    apps.map((app) => {
      const file = join(dir, `${app}.pid`);
      return [app, existsSync(file) ? Number.parseInt(readFileSync(file, 'utf8'), 10) : undefined];
    }),
  );
}

/** Running and not a zombie. */
export function isRunning(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
