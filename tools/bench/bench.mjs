#!/usr/bin/env node
// Throughput benchmark: the gateway path (HTTP → gateway → NATS → service → Postgres) against a
// baseline that reads the same row straight from Postgres. Run it against a running stack
// (`npm start`); see tools/bench/README.md.
import os from 'node:os';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';

const USAGE = `usage: npm run bench [-- --connections N] [--duration S] [--warmup S]

  -c, --connections  concurrent connections per target  (BENCH_CONNECTIONS, default 100)
  -d, --duration     seconds measured per target          (BENCH_DURATION, default 10)
  -w, --warmup       seconds of warm-up per target        (BENCH_WARMUP, default 2)
  -o, --only         measure only the targets whose name contains this text, with their baselines
                     (BENCH_ONLY; e.g. --only "me (bearer)")

  GATEWAY_URL   gateway of the running stack  (default http://127.0.0.1:3000)
  DATABASE_URL  its Postgres                  (default postgres://postgres@127.0.0.1:55432/platform)
  BENCH_POOL_SIZE  baseline pg pool size      (default DB_POOL_SIZE or 10, like the services)

Exit code: 0 target check passed, 2 target check failed, 1 could not run.`;

// The server the baseline rows point at: one route per query, answered straight from a pg Pool.
const BASELINE_ROUTES = [
  {
    path: '/countries/:isoCode',
    sql: 'SELECT * FROM tenancy.countries WHERE iso_code = $1',
    params: (req) => [req.params.isoCode],
  },
  {
    path: '/users/:id',
    sql: 'SELECT * FROM identity.users WHERE id = $1',
    params: (req) => [req.params.id],
  },
];

// The account the identity targets use: registered once per run (a fresh tenant), logged in,
// with one API key. Its password only lives in this process.
const BENCH_PASSWORD = `Bench-${Math.random().toString(36).slice(2)}-Pw1!`;

async function benchAccount(context) {
  context.account ??= createBenchAccount(context.config.gatewayUrl);
  return context.account;
}

async function createBenchAccount(gatewayUrl) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `bench-${stamp}@example.com`;
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new BenchError(`setting up the bench account: ${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  await call('POST', '/api/v1/public/auth/register', {
    email,
    password: BENCH_PASSWORD,
    tenantName: `Bench ${stamp}`,
    tenantDomain: `bench-${stamp}`,
  });
  const login = await call('POST', '/api/v1/public/auth/login', { email, password: BENCH_PASSWORD });
  const key = await call('POST', '/api/v1/secure/api-keys/', { name: `bench ${stamp}` }, { authorization: `Bearer ${login.accessToken}` });
  return { email, userId: login.user.id, accessToken: login.accessToken, apiKey: key.fullKey };
}

// What gets measured, in this order, one target at a time. `url` starts with {gateway} or
// {baseline}. `headers` is an object or an async function of the run context (for a token
// obtained by logging in first); `method` and `body` are optional. A row with `baseline`
// is compared with the row of that name; `minRatio` makes that comparison a pass/fail check
// (req/s ratio >= minRatio and no errors or non-2xx in either row).
const TARGETS = [
  {
    name: 'gateway GET /api/v1/public/countries/CH',
    url: '{gateway}/api/v1/public/countries/CH',
    headers: {},
    baseline: 'baseline pg SELECT country CH',
    minRatio: 0.5,
  },
  {
    name: 'baseline pg SELECT country CH',
    url: '{baseline}/countries/CH',
    headers: {},
  },
  {
    name: 'gateway GET /api/v1/secure/auth/me (bearer)',
    url: '{gateway}/api/v1/secure/auth/me',
    headers: async (context) => ({ authorization: `Bearer ${(await benchAccount(context)).accessToken}` }),
    baseline: 'baseline pg SELECT user',
    minRatio: 0.5,
    maxP99Ratio: 1.5,
  },
  {
    name: 'gateway GET /api/v1/secure/auth/me (API key)',
    url: '{gateway}/api/v1/secure/auth/me',
    headers: async (context) => ({ 'x-api-key': (await benchAccount(context)).apiKey }),
    baseline: 'baseline pg SELECT user',
  },
  {
    name: 'baseline pg SELECT user',
    url: async (context) => `{baseline}/users/${(await benchAccount(context)).userId}`,
    headers: {},
  },
  {
    // Bound by the argon2id verify in identity; the per-hash time is printed beside it.
    name: 'gateway POST /api/v1/public/auth/login',
    url: '{gateway}/api/v1/public/auth/login',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: async (context) => JSON.stringify({ email: (await benchAccount(context)).email, password: BENCH_PASSWORD }),
  },
];

// The probe query that proves migrations (and the reference data) are in place.
const REQUIRED_ROW = { table: 'tenancy.countries', sql: 'SELECT 1 FROM tenancy.countries WHERE iso_code = $1', params: ['CH'] };
const TARGET_CONNECTIONS = 100;

class BenchError extends Error {}

const log = (msg) => console.log(`[bench] ${msg}`);

function readConfig() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        connections: { type: 'string', short: 'c' },
        duration: { type: 'string', short: 'd' },
        help: { type: 'boolean', short: 'h' },
        only: { type: 'string', short: 'o' },
        warmup: { type: 'string', short: 'w' },
      },
    }));
  } catch (err) {
    throw new BenchError(`${err.message}\n\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const env = process.env;
  return {
    connections: positiveInt('connections', values.connections ?? env.BENCH_CONNECTIONS ?? '100'),
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:55432/platform',
    duration: positiveInt('duration', values.duration ?? env.BENCH_DURATION ?? '10'),
    gatewayUrl: (env.GATEWAY_URL || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    only: values.only ?? env.BENCH_ONLY ?? '',
    poolSize: positiveInt('BENCH_POOL_SIZE', env.BENCH_POOL_SIZE ?? env.DB_POOL_SIZE ?? '10'),
    warmup: positiveInt('warmup', values.warmup ?? env.BENCH_WARMUP ?? '2', 0),
  };
}

/** The targets to measure: all, or those named by --only plus the baselines they are compared with. */
function selectTargets(only) {
  if (!only) return TARGETS;
  const chosen = new Set(TARGETS.filter((t) => t.name.includes(only)).map((t) => t.name));
  if (chosen.size === 0) throw new BenchError(`--only "${only}" matches no target; targets:\n  ${TARGETS.map((t) => t.name).join('\n  ')}`);
  for (const t of TARGETS) if (chosen.has(t.name) && t.baseline) chosen.add(t.baseline);
  return TARGETS.filter((t) => chosen.has(t.name));
}

function positiveInt(name, raw, min = 1) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new BenchError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function checkGateway(gatewayUrl) {
  const url = `${gatewayUrl}/api/v1/system/health?level=ready`;
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (err) {
    throw new BenchError(
      `the gateway does not answer at ${url} (${err.cause?.code ?? err.message}).\n` +
        `Start the stack first with \`npm start\` (or set GATEWAY_URL to a running gateway).`,
    );
  }
  if (res.status !== 200) {
    const body = (await res.text()).slice(0, 500);
    throw new BenchError(
      `the gateway answered ${res.status} on ${url}: the stack is not ready.\n${body}\n` +
        `Wait until \`npm start\` reports the stack ready, then run the bench again.`,
    );
  }
}

async function checkDatabase(pool, databaseUrl) {
  let found;
  try {
    const { rows } = await pool.query('SELECT to_regclass($1) AS t', [REQUIRED_ROW.table]);
    found = rows[0].t !== null;
  } catch (err) {
    throw new BenchError(
      `cannot query Postgres at ${redactUrl(databaseUrl)} (${err.code ?? err.message}).\n` +
        `Start the stack first with \`npm start\` (or set DATABASE_URL to its database).`,
    );
  }
  if (!found) {
    throw new BenchError(
      `table ${REQUIRED_ROW.table} does not exist in ${redactUrl(databaseUrl)}: migrations have not run.\n` +
        `Start the stack with \`npm start\` (it runs the migrations), or run \`node dist/apps/tenancy/migrate.js run\`.`,
    );
  }
  const { rowCount } = await pool.query(REQUIRED_ROW.sql, REQUIRED_ROW.params);
  if (rowCount === 0) {
    throw new BenchError(
      `${REQUIRED_ROW.table} has no row for ${REQUIRED_ROW.params.join(', ')}: the reference data is not loaded.\n` +
        `Start the stack with \`npm start\`, which migrates and loads it, then run the bench again.`,
    );
  }
}

async function startBaseline(pool) {
  const app = Fastify({ logger: false });
  for (const route of BASELINE_ROUTES) {
    app.get(route.path, async (req, reply) => {
      const { rows } = await pool.query(route.sql, route.params(req));
      if (rows.length === 0) return reply.code(404).send({ message: 'not found' });
      return rows[0];
    });
  }
  // Port 0: the OS picks a free port.
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: address };
}

async function resolveTarget(target, context) {
  const template = typeof target.url === 'function' ? await target.url(context) : target.url;
  const url = template.replace(/^\{(\w+)\}/, (whole, origin) => {
    if (!(origin in context.origins)) throw new BenchError(`target "${target.name}": unknown origin ${whole}`);
    return context.origins[origin];
  });
  const headers = typeof target.headers === 'function' ? await target.headers(context) : { ...target.headers };
  const body = typeof target.body === 'function' ? await target.body(context) : target.body;
  return { body, headers, method: target.method ?? 'GET', name: target.name, url };
}

// One request before the load, so a missing route fails with its answer instead of a table of errors.
async function probe(target) {
  let res;
  try {
    res = await fetch(target.url, {
      body: target.body,
      headers: target.headers,
      method: target.method,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new BenchError(`${target.name}: ${target.method} ${target.url} failed (${err.cause?.code ?? err.message})`);
  }
  const text = await res.text();
  if (res.status < 200 || res.status > 299) {
    throw new BenchError(
      `${target.name}: ${target.method} ${target.url} answered ${res.status}, expected 2xx:\n${text.slice(0, 500)}`,
    );
  }
}

let current = null;

function load(target, connections, duration) {
  // One worker thread: the load generator never shares the event loop with the in-process
  // baseline server, and both targets see the same client.
  current = autocannon({
    body: target.body,
    connections,
    duration,
    headers: target.headers,
    method: target.method,
    url: target.url,
    workers: 1,
  });
  return current.then((result) => {
    current = null;
    return result;
  });
}

async function measure(target, config, index, total) {
  const tag = `${index}/${total} ${target.name}`;
  log(`${tag}: probing ${target.method} ${target.url}`);
  await probe(target);
  if (config.warmup > 0) {
    log(`${tag}: warm-up ${config.warmup} s at ${config.connections} connections…`);
    await load(target, config.connections, config.warmup);
  }
  log(`${tag}: measuring ${config.duration} s at ${config.connections} connections…`);
  const r = await load(target, config.connections, config.duration);
  const row = {
    errors: r.errors,
    name: target.name,
    non2xx: r.non2xx,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    timeouts: r.timeouts,
    total: r.requests.total,
  };
  log(`${tag}: done, ${fmt(row.rps)} req/s, p99 ${row.p99} ms, ${row.errors} errors, ${row.non2xx} non-2xx`);
  return row;
}

function fmt(n, digits = 0) {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

/** Login is bound by argon2id: its per-hash time, with identity's parameters, explains the login row. */
async function printHashCost() {
  const argon2 = (await import('argon2')).default;
  const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  await argon2.hash('warm-up', options);
  const runs = 10;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await argon2.hash(`bench-${i}`, options);
  const ms = (performance.now() - started) / runs;
  console.log(`argon2id per hash (m=19456 KiB, t=2, p=1, as identity): ${fmt(ms, 1)} ms, so one core verifies at most ~${fmt(1000 / ms)} logins/s`);
  console.log('');
}

function printTable(rows) {
  const header = ['target', 'req/s (mean)', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'requests'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.rps),
    String(r.p50),
    String(r.p99),
    r.timeouts ? `${r.errors} (${r.timeouts} timeouts)` : String(r.errors),
    String(r.non2xx),
    String(r.total),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log('');
}

function printComparisons(targets, rows, config) {
  let failed = false;
  for (const target of targets.filter((t) => t.baseline)) {
    const row = rows.find((r) => r.name === target.name);
    const base = rows.find((r) => r.name === target.baseline);
    if (!row || !base) throw new BenchError(`target "${target.name}": baseline "${target.baseline}" was not measured`);
    const rpsRatio = row.rps / base.rps;
    const p99Ratio = row.p99 / base.p99;
    console.log(`${target.name}  vs  ${base.name}`);
    console.log(`  req/s ratio (gateway / baseline): ${fmt(rpsRatio, 2)}   (higher is better)`);
    console.log(`  p99 ratio   (gateway / baseline): ${fmt(p99Ratio, 2)}   (lower is better)`);
    if (target.minRatio === undefined) continue;
    const errors = row.errors + row.non2xx + base.errors + base.non2xx;
    const reasons = [];
    if (!(rpsRatio >= target.minRatio)) reasons.push(`req/s ratio ${fmt(rpsRatio, 2)} < ${target.minRatio}`);
    if (target.maxP99Ratio !== undefined && !(p99Ratio <= target.maxP99Ratio)) reasons.push(`p99 ratio ${fmt(p99Ratio, 2)} > ${target.maxP99Ratio}`);
    if (errors > 0) reasons.push(`${errors} errors/non-2xx`);
    const verdict = reasons.length === 0 ? 'PASS' : `FAIL (${reasons.join(', ')})`;
    const p99Target = target.maxP99Ratio === undefined ? '' : `, p99 <= ${target.maxP99Ratio}x`;
    console.log(`  target "ratio >= ${target.minRatio}${p99Target} at ${TARGET_CONNECTIONS} connections, 0 errors": ${verdict}`);
    if (config.connections !== TARGET_CONNECTIONS) {
      console.log(`  note: measured at ${config.connections} connections, the target is defined at ${TARGET_CONNECTIONS}`);
    }
    failed ||= reasons.length > 0;
  }
  return failed;
}

async function main() {
  const config = readConfig();
  log(
    `gateway ${config.gatewayUrl}, postgres ${redactUrl(config.databaseUrl)}, ${config.connections} connections, ` +
      `${config.warmup} s warm-up + ${config.duration} s per target, baseline pool ${config.poolSize}`,
  );
  log(`node ${process.version}, ${os.cpus().length} CPUs; the stack, the baseline and the load generator share this machine`);

  const pool = new pg.Pool({
    application_name: 'bench-baseline',
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: 2000,
    keepAlive: true,
    max: config.poolSize,
  });
  // An idle client losing its connection must not crash the run; the query that needs it reports it.
  pool.on('error', () => {});
  let baseline = null;
  const cleanup = async () => {
    current?.stop();
    await baseline?.app.close().catch(() => {});
    await pool.end().catch(() => {});
  };
  process.once('SIGINT', () => {
    log('interrupted, stopping');
    cleanup().finally(() => process.exit(130));
  });

  try {
    log(`checking the gateway (${config.gatewayUrl}/api/v1/system/health?level=ready)`);
    await checkGateway(config.gatewayUrl);
    log(`checking Postgres (${REQUIRED_ROW.table})`);
    await checkDatabase(pool, config.databaseUrl);
    baseline = await startBaseline(pool);
    log(`baseline server listening on ${baseline.url}`);

    const context = { config, origins: { baseline: baseline.url, gateway: config.gatewayUrl } };
    const targets = selectTargets(config.only);
    const rows = [];
    for (const [i, target] of targets.entries()) {
      rows.push(await measure(await resolveTarget(target, context), config, i + 1, targets.length));
    }
    printTable(rows);
    if (targets.some((t) => t.name.includes('login'))) await printHashCost();
    return printComparisons(targets, rows, config) ? 2 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`\n[bench] ${err instanceof BenchError ? err.message : (err?.stack ?? err)}`);
    process.exit(1);
  },
);
