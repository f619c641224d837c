// Postgres, Redis, NATS (JetStream) and s3rver on 127.0.0.1, each with a pidfile under STACK_DIR/pids.
// A server still running from an earlier run of the same STACK_DIR is reused. Each server can be
// stopped and started again on its own (same port, same data) for resilience tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { ensureDirs, INFRA, S3_CREDENTIALS } from './config.mjs';
import { hasPostgis, postgresBin } from './packages.mjs';
import {
  httpGet,
  isAlive,
  killAndWait,
  portOpen,
  readPid,
  removeFile,
  runningPid,
  spawnDetached,
  tail,
  waitUntil,
  writePid,
} from './proc.mjs';

const START_TIMEOUT_MS = 30_000;

const pidFile = (cfg, name) => join(cfg.dirs.pids, `${name}.pid`);
const logFile = (cfg, name) => join(cfg.dirs.logs, `${name}.log`);

/** Each server: the command-line marker of its process, its port, and how to start/probe/stop it. */
const SERVERS = {
  postgres: {
    marker: 'postgres',
    port: (cfg) => cfg.ports.postgres,
    portVar: 'POSTGRES_PORT',
    start: startPostgres,
    ready: postgresReady,
    after: preparePostgres,
    // SIGINT = "fast" shutdown: aborts sessions, checkpoints, removes postmaster.pid.
    stopSignal: 'SIGINT',
  },
  redis: {
    marker: 'redis-server',
    port: (cfg) => cfg.ports.redis,
    portVar: 'REDIS_PORT',
    start: startRedis,
    ready: (cfg) => redisPing(cfg.ports.redis),
    stopSignal: 'SIGTERM',
  },
  nats: {
    marker: 'nats-server',
    port: (cfg) => cfg.ports.nats,
    portVar: 'NATS_PORT',
    start: startNats,
    ready: async (cfg) => (await httpGet(`${cfg.urls.natsMonitor}/healthz`, 1000)).status === 200,
    stopSignal: 'SIGTERM',
  },
  s3: {
    marker: 's3-server.mjs',
    port: (cfg) => cfg.ports.s3,
    portVar: 'S3_PORT',
    start: startS3,
    ready: async (cfg) => (await httpGet(`${cfg.urls.s3}/${S3_CREDENTIALS.bucket}`, 1000)).status !== undefined,
    stopSignal: 'SIGTERM',
  },
};

function server(name) {
  const def = SERVERS[name];
  if (!def) throw new Error(`Unknown server "${name}": use one of ${INFRA.join(', ')}.`);
  return def;
}

/** PID of the running server of this STACK_DIR, if any. */
export function serverPid(cfg, name) {
  return runningPid(pidFile(cfg, name), server(name).marker);
}

/**
 * Starts one server unless it already runs for this STACK_DIR.
 * @returns {Promise<'started'|'reused'>}
 */
export async function startServer(cfg, name, { log = console.log } = {}) {
  const def = server(name);
  ensureDirs(cfg);
  const port = def.port(cfg);
  const existing = serverPid(cfg, name);
  if (existing && (await waitUntil(() => def.ready(cfg), 5000, 200))) {
    log(`${name} already running on ${port} (pid ${existing}), reusing it`);
    if (def.after) await def.after(cfg, log);
    return 'reused';
  }
  if (existing) {
    log(`${name} (pid ${existing}) does not answer on ${port}; restarting it`);
    await killAndWait(existing, { signal: def.stopSignal, timeoutMs: 10_000 });
  }
  removeFile(pidFile(cfg, name));
  if (await portOpen(port)) {
    const variable = `${cfg.prefix}${def.portVar}`;
    throw new Error(`Port ${port} (${name}) is used by another process. Stop it or choose another port with ${variable}=….`);
  }
  log(`starting ${name} on ${port}…`);
  const child = await def.start(cfg);
  writePid(pidFile(cfg, name), child.pid);
  let exited;
  child.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  const ok = await waitUntil(async () => exited !== undefined || (await def.ready(cfg)), START_TIMEOUT_MS, 100);
  if (!ok || exited !== undefined) {
    if (exited === undefined) await killAndWait(child.pid, { timeoutMs: 5000 });
    removeFile(pidFile(cfg, name));
    const why = exited !== undefined ? `exited (${exited})` : `did not answer within ${START_TIMEOUT_MS / 1000} s`;
    throw new Error(`${name} ${why}. Last lines of ${logFile(cfg, name)}:\n${tail(logFile(cfg, name))}`);
  }
  if (def.after) await def.after(cfg, log);
  return 'started';
}

/** Stops one server of this STACK_DIR by its PID (no-op if it is not running). */
export async function stopServer(cfg, name, { log = console.log } = {}) {
  const def = server(name);
  const pid = serverPid(cfg, name);
  if (!pid) {
    removeFile(pidFile(cfg, name));
    return false;
  }
  log(`stopping ${name} (pid ${pid})…`);
  const how = await killAndWait(pid, { signal: def.stopSignal, timeoutMs: 20_000 });
  if (how === 'killed') log(`${name} did not stop in time and was killed`);
  removeFile(pidFile(cfg, name));
  // The port must be free before anyone restarts the server on it.
  await waitUntil(async () => !(await portOpen(def.port(cfg))), 5000);
  return true;
}

/** Starts all four servers (in parallel); returns the names this call started (not reused). */
export async function startInfra(cfg, { log = console.log, fresh = false } = {}) {
  ensureDirs(cfg);
  if (fresh && !INFRA.some((name) => serverPid(cfg, name))) wipeData(cfg, log);
  const results = await Promise.allSettled(INFRA.map((name) => startServer(cfg, name, { log })));
  const started = INFRA.filter((_, i) => results[i].status === 'fulfilled' && results[i].value === 'started');
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    await stopInfra(cfg, { log, only: started });
    throw new Error(failed.map((r) => r.reason.message).join('\n'));
  }
  return started;
}

/** Stops the servers (all of this STACK_DIR, or `only` those named). */
export async function stopInfra(cfg, { log = console.log, only = INFRA } = {}) {
  await Promise.all(only.map((name) => stopServer(cfg, name, { log })));
}

export function infraStatus(cfg) {
  return Object.fromEntries(INFRA.map((name) => [name, serverPid(cfg, name)]));
}

function wipeData(cfg, log) {
  const dirs = [postgresDir(cfg), cfg.dirs.redis, cfg.dirs.nats, cfg.dirs.s3].filter((d) => existsSync(d));
  if (dirs.length === 0) return;
  log(`wiping data of the previous run in ${cfg.stackDir}`);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

// --- Postgres -------------------------------------------------------------------------------

/** As root, Postgres runs as the `postgres` system user (initdb refuses root). */
let pgUser;
function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  if (pgUser) return pgUser;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('There is no "postgres" system user: install postgresql (node tools/stack/cli.mjs ensure-packages).');
  const [, , uid, gid] = line.split(':');
  pgUser = { uid: Number(uid), gid: Number(gid) };
  return pgUser;
}

/**
 * Where the cluster lives: STACK_DIR/postgres, or, when the postgres user cannot reach STACK_DIR
 * (e.g. a clone under /root, which is mode 700), a directory under /var/tmp named after STACK_DIR.
 */
export function postgresDir(cfg) {
  const user = postgresUser();
  if (user.uid === undefined) return cfg.dirs.postgres;
  mkdirSync(cfg.stackDir, { recursive: true });
  if (spawnSync('test', ['-x', cfg.stackDir], { uid: user.uid, gid: user.gid }).status === 0) return cfg.dirs.postgres;
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  return join(base, `platform-stack-${createHash('sha1').update(cfg.stackDir).digest('hex').slice(0, 12)}`, 'postgres');
}

async function startPostgres(cfg) {
  const pgDir = postgresDir(cfg);
  const dataDir = join(pgDir, 'data');
  const user = postgresUser();
  // The parent must stay traversable for the postgres user whatever the umask; the cluster dir is private.
  mkdirSync(dirname(pgDir), { recursive: true });
  if (!pgDir.startsWith(cfg.stackDir)) chmodSync(dirname(pgDir), 0o755);
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) chownSync(pgDir, user.uid, user.gid);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) initdb(cfg, dataDir, user);
  removeStalePostmasterPid(dataDir);
  const settings = [
    'listen_addresses=127.0.0.1',
    // TCP only: no socket file, so no limit on the STACK_DIR path length and no /var/run/postgresql.
    'unix_socket_directories=',
    'max_connections=200',
    ...(cfg.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  const args = ['-D', dataDir, '-p', String(cfg.ports.postgres), ...settings.flatMap((s) => ['-c', s])];
  return spawnDetached(postgresBin('postgres'), args, {
    logFile: logFile(cfg, 'postgres'),
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8' },
    cwd: pgDir,
    ...user,
  });
}

function initdb(cfg, dataDir, user) {
  try {
    execFileSync(
      postgresBin('initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      { cwd: dirname(dataDir), env: { PATH: process.env.PATH, LANG: 'C.UTF-8' }, stdio: 'pipe', ...user },
    );
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    const hint =
      user.uid !== undefined && /Permission denied/i.test(output)
        ? ` The postgres user must be able to reach ${dataDir}; set ${cfg.prefix}STACK_DIR to a path under /tmp.`
        : '';
    throw new Error(`initdb failed:${hint}\n${output}`);
  }
}

/** A postmaster.pid left by a killed server (or one whose PID is a zombie) blocks the next start. */
function removeStalePostmasterPid(dataDir) {
  const file = join(dataDir, 'postmaster.pid');
  const pid = readPid(file);
  if (pid && !isAlive(pid)) removeFile(file);
}

async function withClient(cfg, database, fn) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: '127.0.0.1',
    port: cfg.ports.postgres,
    user: 'postgres',
    password: 'postgres',
    database,
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function postgresReady(cfg) {
  try {
    await withClient(cfg, 'postgres', (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** Database `platform` and, when the package is installed, the PostGIS extension in it. */
async function preparePostgres(cfg, log) {
  await withClient(cfg, 'postgres', async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = 'platform'");
    if (rowCount === 0) {
      await c.query('CREATE DATABASE platform');
      log('created database platform');
    }
  });
  if (!hasPostgis()) return;
  await withClient(cfg, 'platform', async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'");
    if (rowCount > 0) return;
    await c.query('CREATE EXTENSION IF NOT EXISTS postgis');
    log('enabled the postgis extension in platform');
  });
}

// --- Redis, NATS, S3 ------------------------------------------------------------------------

async function startRedis(cfg) {
  mkdirSync(cfg.dirs.redis, { recursive: true });
  const persistence = cfg.durable ? ['--save', '60 1', '--appendonly', 'no'] : ['--save', '', '--appendonly', 'no'];
  const args = [
    '--port', String(cfg.ports.redis),
    '--bind', '127.0.0.1',
    '--daemonize', 'no',
    '--dir', cfg.dirs.redis,
    '--logfile', '',
    ...persistence,
  ];
  return spawnDetached('redis-server', args, { logFile: logFile(cfg, 'redis'), cwd: cfg.dirs.redis, env: process.env });
}

/** Minimal RESP PING, to avoid a client library here. */
function redisPing(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function startNats(cfg) {
  mkdirSync(cfg.dirs.nats, { recursive: true });
  const args = [
    '-a', '127.0.0.1',
    '-p', String(cfg.ports.nats),
    '-m', String(cfg.ports.natsMonitor),
    '-js',
    '-sd', cfg.dirs.nats,
  ];
  return spawnDetached('nats-server', args, { logFile: logFile(cfg, 'nats'), cwd: cfg.dirs.nats, env: process.env });
}

async function startS3(cfg) {
  mkdirSync(cfg.dirs.s3, { recursive: true });
  const script = join(cfg.root, 'tools', 'stack', 's3-server.mjs');
  const args = [script, '--port', String(cfg.ports.s3), '--dir', cfg.dirs.s3, '--bucket', S3_CREDENTIALS.bucket];
  return spawnDetached(process.execPath, args, { logFile: logFile(cfg, 's3'), cwd: cfg.root, env: process.env });
}

/** One status line, e.g. `postgres: running on 45432 (pid 123)`. */
export function describeServer(cfg, name) {
  const pid = serverPid(cfg, name);
  const port = server(name).port(cfg);
  return pid ? `${name}: running on ${port} (pid ${pid})` : `${name}: stopped (port ${port})`;
}

export const serverLog = logFile;
