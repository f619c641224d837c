// Ports, directories and app environments of the two local stacks: `dev` (npm start) and `test` (e2e).
// Every port and the stack directory can be overridden from the environment; the test profile reads
// E2E_-prefixed names so a developer's GATEWAY_PORT/REDIS_PORT never leak into the test stack.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Migration and probe-port order. */
export const SERVICES = ['identity', 'tenancy', 'storage', 'calendar', 'messaging', 'audit', 'integrations'];
export const APPS = [...SERVICES, 'gateway'];
export const INFRA = ['postgres', 'redis', 'nats', 's3'];

export const S3_CREDENTIALS = { accessKey: 'S3RVER', secretKey: 'S3RVER', bucket: 'platform', region: 'us-east-1' };

const PROFILES = {
  dev: {
    prefix: '',
    stackDir: '.stack/dev',
    ports: { gateway: 3000, postgres: 55432, redis: 56379, nats: 54222, natsMonitor: 58222, s3: 59000, probeBase: 3000 },
    nodeEnv: 'development',
    // Dev data survives restarts; the test stack trades durability for speed.
    durable: true,
  },
  test: {
    prefix: 'E2E_',
    stackDir: '.stack/test',
    // oauthProvider: the fake OAuth provider the e2e specs run in their own process (identity calls it).
    ports: { gateway: 43000, postgres: 45432, redis: 46379, nats: 44222, natsMonitor: 48222, s3: 49000, probeBase: 43000, oauthProvider: 43950 },
    nodeEnv: 'test',
    durable: false,
  },
};

const PORT_VARS = {
  gateway: 'GATEWAY_PORT',
  postgres: 'POSTGRES_PORT',
  redis: 'REDIS_PORT',
  nats: 'NATS_PORT',
  natsMonitor: 'NATS_MONITOR_PORT',
  s3: 'S3_PORT',
  probeBase: 'PROBE_PORT_BASE',
  oauthProvider: 'OAUTH_PROVIDER_PORT',
};

/**
 * The resolved configuration of one stack. `env` defaults to process.env.
 * @param {'dev'|'test'} profile
 */
export function stackConfig(profile = 'dev', env = process.env) {
  const base = PROFILES[profile];
  if (!base) throw new Error(`Unknown stack profile "${profile}": use dev or test.`);
  const read = (name) => env[`${base.prefix}${name}`];
  const ports = {};
  for (const [key, fallback] of Object.entries(base.ports)) {
    const raw = read(PORT_VARS[key]);
    const port = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${base.prefix}${PORT_VARS[key]}="${raw}" is not a port number.`);
    }
    ports[key] = port;
  }
  const dirValue = read('STACK_DIR') || base.stackDir;
  const stackDir = isAbsolute(dirValue) ? dirValue : join(ROOT, dirValue);
  const probePorts = Object.fromEntries(SERVICES.map((svc, i) => [svc, ports.probeBase + 1 + i]));
  return {
    profile,
    prefix: base.prefix,
    root: ROOT,
    stackDir,
    durable: base.durable,
    nodeEnv: base.nodeEnv,
    logLevel: read('LOG_LEVEL') || 'info',
    ports,
    probePorts,
    dirs: {
      pids: join(stackDir, 'pids'),
      logs: join(stackDir, 'logs'),
      postgres: join(stackDir, 'postgres'),
      redis: join(stackDir, 'redis'),
      nats: join(stackDir, 'nats'),
      s3: join(stackDir, 's3'),
    },
    urls: {
      gateway: `http://127.0.0.1:${ports.gateway}`,
      database: `postgres://postgres:postgres@127.0.0.1:${ports.postgres}/platform`,
      redis: `redis://127.0.0.1:${ports.redis}`,
      nats: `nats://127.0.0.1:${ports.nats}`,
      natsMonitor: `http://127.0.0.1:${ports.natsMonitor}`,
      s3: `http://127.0.0.1:${ports.s3}`,
    },
    jwtSecret: read('JWT_SECRET') || undefined,
    metricsToken: read('METRICS_TOKEN') || undefined,
  };
}

export function ensureDirs(cfg) {
  for (const dir of [cfg.stackDir, cfg.dirs.pids, cfg.dirs.logs]) mkdirSync(dir, { recursive: true });
}

/** JWT_SECRET from the environment, or one generated once and kept in STACK_DIR/jwt-secret. */
export function jwtSecret(cfg) {
  if (cfg.jwtSecret) return cfg.jwtSecret;
  return persistedSecret(cfg, 'jwt-secret', 48);
}

/** METRICS_TOKEN from the environment, or one generated once (so /metrics is on locally). */
export function metricsToken(cfg) {
  if (cfg.metricsToken) return cfg.metricsToken;
  return persistedSecret(cfg, 'metrics-token', 24);
}

function persistedSecret(cfg, name, bytes) {
  const file = join(cfg.stackDir, name);
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
  }
  mkdirSync(cfg.stackDir, { recursive: true });
  const value = randomBytes(bytes).toString('hex');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

const TEST_CORS_ORIGIN = 'https://app.example.test';

/** The test profile's OAuth setup: GitHub, pointed at the e2e specs' fake provider; a realtime endpoint. */
const TEST_OAUTH = {
  clientId: 'e2e-github-client',
  clientSecret: 'e2e-github-client-secret',
  redirectUrl: 'https://app.example.test/oauth/callback',
  allowedRedirectUrls: 'https://app.example.test/oauth/,chrome-extension://e2eextensionid/,app://e2e-desktop/',
};
const TEST_REALTIME = { url: 'https://realtime.example.test', publicKey: 'e2e-realtime-anon-key' };

function testOAuthEnv(cfg) {
  const provider = `http://127.0.0.1:${cfg.ports.oauthProvider}`;
  return {
    OAUTH_GITHUB_CLIENT_ID: TEST_OAUTH.clientId,
    OAUTH_GITHUB_CLIENT_SECRET: TEST_OAUTH.clientSecret,
    OAUTH_GITHUB_AUTHORIZE_URL: `${provider}/login/oauth/authorize`,
    OAUTH_GITHUB_TOKEN_URL: `${provider}/login/oauth/access_token`,
    OAUTH_GITHUB_USERINFO_URL: `${provider}/user`,
    OAUTH_GITHUB_EMAILS_URL: `${provider}/user/emails`,
    OAUTH_ALLOWED_REDIRECT_URLS: TEST_OAUTH.allowedRedirectUrls,
    REALTIME_URL: TEST_REALTIME.url,
    REALTIME_PUBLIC_KEY: TEST_REALTIME.publicKey,
  };
}

/** The environment one app is started with (everything the brief lists for it). */
export function appEnv(cfg, app) {
  const env = {
    NODE_ENV: cfg.nodeEnv,
    APP_ENV: cfg.profile === 'test' ? 'test' : 'development',
    LOG_LEVEL: cfg.logLevel,
    NATS_URL: cfg.urls.nats,
    REDIS_URL: cfg.urls.redis,
  };
  if (app === 'gateway') {
    Object.assign(env, {
      GATEWAY_PORT: String(cfg.ports.gateway),
      GATEWAY_HOST: '127.0.0.1',
      JWT_SECRET: jwtSecret(cfg),
      METRICS_TOKEN: metricsToken(cfg),
      // The e2e specs check CORS, the 504 of a service that does not answer in time, and rate limits
      // per client address (X-Forwarded-For). Locally the limits are high enough for `npm run bench`.
      ...(cfg.profile === 'test'
        ? { CORS_ORIGINS: TEST_CORS_ORIGIN, RPC_TIMEOUT_MS: '2000', TRUST_PROXY: '1', RATE_LIMIT_PUBLIC_PER_MINUTE: '5000' }
        : { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000', RATE_LIMIT_TENANT_PER_MINUTE: '1000000', RATE_LIMIT_API_KEY_PER_MINUTE: '1000000' }),
    });
  } else {
    Object.assign(env, { DATABASE_URL: cfg.urls.database, PROBE_PORT: String(cfg.probePorts[app]) });
  }
  if (app === 'identity') {
    env.JWT_SECRET = jwtSecret(cfg);
    if (cfg.profile === 'test') Object.assign(env, testOAuthEnv(cfg));
    // Every login is counted while it is in flight (the lockout's check and count are one step), so
    // `npm run bench`'s 100 concurrent logins of one account from 127.0.0.1 need the local limits raised.
    else Object.assign(env, { LOGIN_MAX_ATTEMPTS: '1000', LOGIN_ACCOUNT_MAX_ATTEMPTS: '10000', LOGIN_IP_MAX_ATTEMPTS: '100000' });
  }
  if (app === 'storage') {
    Object.assign(env, {
      S3_ENDPOINT: cfg.urls.s3,
      S3_ACCESS_KEY: S3_CREDENTIALS.accessKey,
      S3_SECRET_KEY: S3_CREDENTIALS.secretKey,
      S3_BUCKET: S3_CREDENTIALS.bucket,
      S3_REGION: S3_CREDENTIALS.region,
    });
  }
  return env;
}

/** Variables the e2e specs read (set by the e2e global setup). */
export function e2eEnv(cfg) {
  return {
    E2E_GATEWAY_URL: cfg.urls.gateway,
    E2E_STACK_DIR: cfg.stackDir,
    E2E_DATABASE_URL: cfg.urls.database,
    E2E_REDIS_URL: cfg.urls.redis,
    E2E_NATS_URL: cfg.urls.nats,
    E2E_S3_ENDPOINT: cfg.urls.s3,
    E2E_JWT_SECRET: jwtSecret(cfg),
    E2E_METRICS_TOKEN: metricsToken(cfg),
    E2E_CORS_ORIGIN: TEST_CORS_ORIGIN,
    E2E_OAUTH_PROVIDER_PORT: String(cfg.ports.oauthProvider),
    E2E_OAUTH_CLIENT_ID: TEST_OAUTH.clientId,
    E2E_OAUTH_CLIENT_SECRET: TEST_OAUTH.clientSecret,
    E2E_OAUTH_REDIRECT_URL: TEST_OAUTH.redirectUrl,
    E2E_REALTIME_URL: TEST_REALTIME.url,
    E2E_REALTIME_PUBLIC_KEY: TEST_REALTIME.publicKey,
  };
}
