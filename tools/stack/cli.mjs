#!/usr/bin/env node
// Command line of the local stack. `node tools/stack/cli.mjs help` lists the commands.
import { parseArgs } from 'node:util';

import {
  acquireLock,
  appLogFile,
  appPid,
  APPS,
  describeServer,
  diagnose,
  ensureSystemPackages,
  INFRA,
  lockOwner,
  migrateAll,
  releaseLock,
  serverPid,
  SERVICES,
  stackConfig,
  startApps,
  startInfra,
  startServer,
  startStack,
  stopServer,
  stopStack,
  waitForReady,
} from './index.mjs';
import { isAlive } from './proc.mjs';

const HELP = `usage: node tools/stack/cli.mjs <command> [--profile dev|test] [options]

  up [--foreground] [--apps a,b] [--fresh] [--timeout <s>]
                        infra + migrations + apps, then wait for readiness; with --foreground
                        stay attached and stop what was started on Ctrl-C/SIGTERM
  down [--force]        stop every app and server of the profile's STACK_DIR (by pidfiles),
                        unless a running \`up --foreground\` or e2e run holds it
  status                what runs
  infra                 start Postgres, Redis, NATS and s3rver only
  migrate               run the seven services' migrations
  start-server <name>   start one of ${INFRA.join(', ')} (same port and data)
  stop-server <name>    stop one of them
  ensure-packages       apt-get install postgres/postgis/redis/nats if missing
  running               exit 0 (and say where) if an \`up --foreground\` holds the STACK_DIR, else 1

Ports and STACK_DIR come from the environment (dev: GATEWAY_PORT, POSTGRES_PORT, REDIS_PORT,
NATS_PORT, NATS_MONITOR_PORT, S3_PORT, PROBE_PORT_BASE, STACK_DIR; test: the same names prefixed E2E_).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    profile: { type: 'string', default: 'dev' },
    foreground: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    apps: { type: 'string' },
    timeout: { type: 'string', default: '120' },
    quiet: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});
const [command = 'help', arg] = positionals;
// `cli.mjs status | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const log = values.quiet ? () => undefined : (line) => console.log(`[stack] ${line}`);

async function main() {
  if (command === 'help' || command === '--help') return console.log(HELP);
  if (command === 'ensure-packages') return ensureSystemPackages(log);
  const cfg = stackConfig(values.profile);
  const apps = values.apps ? values.apps.split(',').map((a) => a.trim()).filter(Boolean) : APPS;
  const unknown = apps.filter((a) => !APPS.includes(a));
  if (unknown.length) throw new Error(`Unknown app(s): ${unknown.join(', ')}`);
  const timeoutMs = Number(values.timeout) * 1000;

  switch (command) {
    case 'up':
      return values.foreground ? foreground(cfg, apps, timeoutMs) : void (await startStack(cfg, { apps, fresh: values.fresh, timeoutMs, log }));
    case 'down':
      if (lockOwner(cfg) && !values.force) {
        console.log(`${cfg.stackDir} is in use by process ${lockOwner(cfg)}; not stopping it (use --force to stop anyway)`);
        process.exitCode = 1;
        return;
      }
      return stopStack(cfg, { log });
    case 'status':
      return status(cfg);
    case 'running':
      return running(cfg);
    case 'infra':
      await startInfra(cfg, { log, fresh: values.fresh });
      return printUrls(cfg, false);
    case 'migrate':
      return migrateAll(cfg, { log, services: SERVICES });
    case 'start-server':
      return void (await startServer(cfg, serverName(arg), { log }));
    case 'stop-server':
      return void (await stopServer(cfg, serverName(arg), { log }));
    default:
      throw new Error(`Unknown command "${command}".\n${HELP}`);
  }
}

function serverName(name) {
  if (!INFRA.includes(name)) throw new Error(`Name a server: ${INFRA.join(', ')}`);
  return name;
}

function running(cfg) {
  const owner = lockOwner(cfg);
  if (!owner) {
    process.exitCode = 1;
    return;
  }
  console.log(`The ${cfg.profile} stack already runs (process ${owner}): gateway ${cfg.urls.gateway}, swagger ${cfg.urls.gateway}/api/docs`);
}

async function status(cfg) {
  console.log(`stack ${cfg.profile} in ${cfg.stackDir}${lockOwner(cfg) ? ` (held by process ${lockOwner(cfg)})` : ''}`);
  for (const name of INFRA) console.log(`  ${describeServer(cfg, name)}`);
  for (const app of APPS) {
    const pid = appPid(cfg, app);
    console.log(`  ${app}: ${pid ? `running (pid ${pid})` : 'stopped'}, log ${appLogFile(cfg, app)}`);
  }
  const problems = await diagnose(cfg);
  if (problems) console.log(`problems:\n${problems}`);
}

function printUrls(cfg, withApps = true) {
  const lines = [
    ...(withApps ? [`gateway:  ${cfg.urls.gateway}`, `swagger:  ${cfg.urls.gateway}/api/docs`] : []),
    `postgres: ${cfg.urls.database}`,
    `redis:    ${cfg.urls.redis}`,
    `nats:     ${cfg.urls.nats} (monitor ${cfg.urls.natsMonitor})`,
    `s3:       ${cfg.urls.s3} (S3RVER/S3RVER, bucket platform)`,
    `logs:     ${cfg.dirs.logs}`,
  ];
  console.log(lines.join('\n'));
}

/** `npm start`: start, stay attached, stop what this run started on Ctrl-C or SIGTERM. */
async function foreground(cfg, apps, timeoutMs) {
  if (lockOwner(cfg)) return running(cfg);
  await acquireLock(cfg, { log });
  // Servers running before we began (left by an earlier run) are reused and left running.
  const preexisting = INFRA.filter((name) => serverPid(cfg, name));
  // The startup step in progress (infra, migrations, spawning apps): a stop waits for it so that
  // nothing is spawned after the stop; waiting for readiness is not such a step.
  let step = Promise.resolve();
  let stopping;
  const shutdown = (reason) => {
    if (stopping) {
      log('still stopping…');
      return stopping;
    }
    log(`${reason}: stopping`);
    const ours = INFRA.filter((name) => !preexisting.includes(name));
    stopping = step
      .catch(() => undefined)
      .then(() => stopStack(cfg, { log, infra: ours }))
      .then(() => {
        if (preexisting.length) log(`left running (not started by this run): ${preexisting.join(', ')}; stop with: node tools/stack/cli.mjs down`);
        log('stopped');
      })
      .catch((error) => console.error(error))
      .finally(() => {
        releaseLock(cfg);
        process.exit(0);
      });
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal));
  // `npm start` runs us through `sh -c`; a SIGTERM sent to npm ends that shell without passing it
  // on, so notice the parent going away and stop as for a signal.
  const parent = process.ppid;
  setInterval(() => {
    if (!isAlive(parent)) void shutdown('parent process exited');
  }, 1000).unref();

  let children;
  try {
    await (step = startInfra(cfg, { log }));
    if (!stopping) await (step = migrateAll(cfg, { log, services: apps.filter((a) => a !== 'gateway') }));
    if (!stopping) children = await (step = startApps(cfg, { log, apps }));
    if (!stopping) await waitForReady(cfg, { apps, children, timeoutMs, log });
  } catch (error) {
    if (stopping) return;
    log('startup failed; stopping what was started');
    await stopStack(cfg, { log, infra: INFRA.filter((name) => !preexisting.includes(name)) }).catch(() => undefined);
    releaseLock(cfg);
    throw error;
  }
  if (stopping) return;
  log(apps.includes('gateway') ? `gateway ready at ${cfg.urls.gateway}` : `${apps.join(', ')} ready`);
  printUrls(cfg);
  console.log('Press Ctrl-C to stop.');
  for (const [app, child] of Object.entries(children)) {
    child.once('exit', (code, signal) => {
      if (!stopping) log(`${app} exited (${signal ?? `code ${code}`}); see ${appLogFile(cfg, app)}`);
    });
  }
  // Keep the event loop alive until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(`[stack] ${error.message}`);
  process.exit(1);
});
