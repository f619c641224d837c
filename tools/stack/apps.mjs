// Migrations, the eight apps (node dist/apps/<app>/main.js from the workspace root) and readiness.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';

import { appEnv, APPS, SERVICES } from './config.mjs';
import { describeServer } from './infra.mjs';
import { httpGet, killAndWait, portOpen, removeFile, runningPid, sleep, spawnDetached, tail, writePid } from './proc.mjs';

const MIGRATION_TIMEOUT_MS = 120_000;

const entry = (app, file = 'main.js') => join('dist', 'apps', app, file);
const appPidFile = (cfg, app) => join(cfg.dirs.pids, `${app}.pid`);
export const appLogFile = (cfg, app) => join(cfg.dirs.logs, `${app}.log`);

export function readyUrl(cfg, level = 'ready') {
  return `${cfg.urls.gateway}/api/v1/system/health?level=${level}`;
}

/** Throws a clear message if an app has not been built. */
export function assertBuilt(cfg, apps = APPS) {
  const missing = apps.filter((app) => !existsSync(join(cfg.root, entry(app))));
  if (missing.length > 0) {
    throw new Error(`Not built: ${missing.map((a) => entry(a)).join(', ')}. Run: NX_DAEMON=false npx nx run-many -t build`);
  }
}

/** Warns when sources changed after the last build (the e2e suite does not build). */
export function staleBuildWarning(cfg, apps = APPS) {
  const built = apps
    .map((app) => join(cfg.root, entry(app)))
    .filter((f) => existsSync(f))
    .map((f) => statSync(f).mtimeMs);
  if (built.length === 0) return undefined;
  const oldestBuild = Math.min(...built);
  const newest = newestSource([join(cfg.root, 'apps'), join(cfg.root, 'libs')]);
  if (newest && newest.mtimeMs > oldestBuild) {
    return `dist may be stale (${newest.file} changed after the last build); run: NX_DAEMON=false npx nx run-many -t build`;
  }
  return undefined;
}

function newestSource(dirs) {
  let newest;
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) {
        if (item.name !== 'node_modules' && item.name !== 'e2e' && item.name !== 'testing') visit(path);
      } else if (item.name.endsWith('.ts') && !item.name.endsWith('spec.ts')) {
        const mtimeMs = statSync(path).mtimeMs;
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file: path, mtimeMs };
      }
    }
  };
  dirs.filter((d) => existsSync(d)).forEach(visit);
  return newest;
}

/** `node dist/apps/<svc>/migrate.js run` for each service, in order; output goes to logs/migrate.log. */
export async function migrateAll(cfg, { log = console.log, services = SERVICES } = {}) {
  assertBuilt(cfg, services.map((s) => s));
  const logPath = join(cfg.dirs.logs, 'migrate.log');
  for (const svc of services) {
    log(`migrating ${svc}…`);
    const { code, output } = await run(process.execPath, [entry(svc, 'migrate.js'), 'run'], {
      cwd: cfg.root,
      env: { ...process.env, ...appEnv(cfg, svc) },
      timeoutMs: MIGRATION_TIMEOUT_MS,
    });
    await appendFile(logPath, `--- ${new Date().toISOString()} ${svc}\n${output}\n`);
    const applied = output.split('\n').filter((l) => /applied /.test(l));
    applied.forEach((line) => log(`  ${line.trim()}`));
    if (code !== 0) throw new Error(`Migrating ${svc} failed (${code}):\n${output.trim().split('\n').slice(-20).join('\n')}`);
  }
}

function run(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ?? code, output });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: error.code, output: String(error) });
    });
  });
}

export function appPid(cfg, app) {
  return runningPid(appPidFile(cfg, app), entry(app));
}

/**
 * Starts the apps (stopping any left over from an earlier run of this STACK_DIR first: the build may
 * have changed). Returns `{ app: ChildProcess }` whose `exitInfo` is set when an app ends.
 */
export async function startApps(cfg, { log = console.log, apps = APPS } = {}) {
  assertBuilt(cfg, apps);
  await stopApps(cfg, { log, quietIfNone: true });
  await assertPortsFree(cfg, apps);
  const children = {};
  for (const app of apps) {
    const child = spawnDetached(process.execPath, [entry(app)], {
      logFile: appLogFile(cfg, app),
      cwd: cfg.root,
      env: { ...process.env, ...appEnv(cfg, app) },
    });
    writePid(appPidFile(cfg, app), child.pid);
    child.once('exit', (code, signal) => (child.exitInfo = signal ?? `code ${code}`));
    children[app] = child;
  }
  log(`started ${apps.join(', ')} (logs in ${cfg.dirs.logs})`);
  return children;
}

async function assertPortsFree(cfg, apps) {
  const wanted = apps.map((app) =>
    app === 'gateway' ? [app, cfg.ports.gateway, 'GATEWAY_PORT'] : [app, cfg.probePorts[app], 'PROBE_PORT_BASE'],
  );
  const busy = [];
  for (const [app, port, variable] of wanted) {
    if (await portOpen(port)) busy.push(`${port} (${app}; set ${cfg.prefix}${variable})`);
  }
  if (busy.length > 0) throw new Error(`Ports used by another process: ${busy.join(', ')}.`);
}

/** Stops every app of this STACK_DIR by its pidfile (SIGTERM, then SIGKILL after 10 s). */
export async function stopApps(cfg, { log = console.log, quietIfNone = false } = {}) {
  const running = APPS.map((app) => [app, appPid(cfg, app)]).filter(([, pid]) => pid);
  if (running.length > 0) log(`stopping ${running.map(([a]) => a).join(', ')}…`);
  else if (!quietIfNone) log('no app is running');
  await Promise.all(
    running.map(async ([app, pid]) => {
      const how = await killAndWait(pid, { signal: 'SIGTERM', timeoutMs: 10_000 });
      if (how === 'killed') log(`${app} did not stop within 10 s and was killed`);
    }),
  );
  APPS.forEach((app) => removeFile(appPidFile(cfg, app)));
}

/**
 * Waits until the platform is ready: the gateway's `level=ready` answers 200 (or, without the
 * gateway, every service's /readyz). Fails early if an app exits, and on timeout explains what
 * is still down.
 */
export async function waitForReady(cfg, { apps = APPS, children = {}, timeoutMs = 90_000, log = console.log } = {}) {
  const deadline = Date.now() + timeoutMs;
  const viaGateway = apps.includes('gateway');
  log(viaGateway ? `waiting for ${readyUrl(cfg)}…` : `waiting for the probes of ${apps.join(', ')}…`);
  for (;;) {
    const crashed = Object.entries(children).filter(([, child]) => child.exitInfo !== undefined);
    if (crashed.length > 0) {
      const details = crashed.map(([app, child]) => `${app} exited (${child.exitInfo}); last lines of ${appLogFile(cfg, app)}:\n${tail(appLogFile(cfg, app), 15)}`);
      throw new Error(`Apps stopped during startup:\n${details.join('\n\n')}`);
    }
    if (viaGateway ? (await httpGet(readyUrl(cfg), 3000)).status === 200 : await servicesReady(cfg, apps)) return;
    if (Date.now() >= deadline) {
      throw new Error(`Not ready after ${Math.round(timeoutMs / 1000)} s:\n${await diagnose(cfg, apps)}`);
    }
    await sleep(500);
  }
}

async function servicesReady(cfg, apps) {
  const services = apps.filter((a) => a !== 'gateway');
  const results = await Promise.all(services.map((svc) => httpGet(`http://127.0.0.1:${cfg.probePorts[svc]}/readyz`, 3000)));
  return results.every((r) => r.status === 200);
}

const HEALTHY = new Set(['healthy', 'up', 'ok', 'ready']);

/** What is down: the gateway's level=full (or each service's probe without it) and the infra servers. */
export async function diagnose(cfg, apps = APPS) {
  const lines = [];
  let covered = false;
  if (apps.includes('gateway')) {
    const full = await httpGet(readyUrl(cfg, 'full'), 5000);
    if (full.error) {
      lines.push(`gateway: not answering on ${cfg.urls.gateway} (${full.error}); see ${appLogFile(cfg, 'gateway')}`);
    } else {
      const services = full.json?.services && typeof full.json.services === 'object' ? Object.entries(full.json.services) : [];
      covered = services.length > 0;
      lines.push(`level=full answered ${full.status}${full.json?.status ? ` (${full.json.status})` : ''}`);
      for (const [name, info] of services) {
        if (!HEALTHY.has(String(info?.status))) lines.push(`${name}: ${info?.status}${describeDependencies(info?.dependencies) || (info?.message ? ` (${short(info.message)})` : '')}`);
      }
    }
  }
  if (!covered) {
    for (const svc of apps.filter((a) => a !== 'gateway')) {
      const probe = await httpGet(`http://127.0.0.1:${cfg.probePorts[svc]}/readyz`, 3000);
      if (probe.error) lines.push(`${svc}: probe port ${cfg.probePorts[svc]} not answering (${probe.error}); see ${appLogFile(cfg, svc)}`);
      else if (probe.status !== 200) lines.push(`${svc}: not ready${describeDependencies(probe.json?.dependencies)}`);
    }
  }
  for (const name of ['postgres', 'redis', 'nats', 's3']) {
    const line = describeServer(cfg, name);
    if (line.includes('stopped')) lines.push(line);
  }
  return lines.map((l) => `  - ${l}`).join('\n');
}

function describeDependencies(deps) {
  if (!deps || typeof deps !== 'object') return '';
  const down = Object.entries(deps)
    .filter(([, d]) => d && !HEALTHY.has(String(d.status)))
    .map(([name, d]) => `${name} ${d.status}${d.error ? ` (${short(d.error)})` : ''}`);
  return down.length ? `: ${down.join(', ')}` : '';
}

function short(text, max = 80) {
  const s = String(text);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
