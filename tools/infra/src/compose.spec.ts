import { loadEnv } from '@lib/platform';

import {
  buildArgs,
  dependsOn,
  effectiveEnvironment,
  healthcheckTarget,
  interpolate,
  loadCompose,
  loadEnvExample,
  referencedVariables,
  type ComposeService,
} from './compose';
import {
  APPS,
  ENV_CLASSES,
  envSpec,
  EXTRA_ENV,
  exists,
  migrateEnvClass,
  readText,
  SERVICES,
  type AppName,
} from './workspace';

const compose = loadCompose();
const envExample = loadEnvExample();
const INFRA = ['postgres', 'redis', 'nats', 'minio'];

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function appEnvironment(app: string): Record<string, string> {
  return effectiveEnvironment(app, service(app), envExample);
}

/** The port an app listens on inside its container: its env value, else its env class default. */
function listenPort(app: AppName): number {
  const variable = app === 'gateway' ? 'GATEWAY_PORT' : 'PROBE_PORT';
  const value = appEnvironment(app)[variable] ?? envSpec(ENV_CLASSES[app]).defaults[variable];
  return Number(value);
}

describe('docker-compose.yml', () => {
  it('has the infrastructure, the migrate job, the gateway and every service', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining([...INFRA, 'minio-init', 'migrate', ...APPS]));
  });

  describe.each(APPS.map((app) => [app]))('%s', (app) => {
    it('is built from the Dockerfile with APP set to its name', () => {
      const build = service(app).build;
      expect(build?.context).toBe('.');
      expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(buildArgs(service(app)).APP).toBe(app);
      expect(service(app).image).toMatch(new RegExp(`^platform/${app}:`));
    });

    it('gets every variable its env class requires, and passes the app’s own validation', () => {
      const env = appEnvironment(app);
      const { required } = envSpec(ENV_CLASSES[app]);
      const missing = [...required].filter((v) => !env[v]);
      expect(missing).toEqual([]);
      expect(() => loadEnv(ENV_CLASSES[app], env)).not.toThrow();
    });

    it('sets no variable its env class does not know (typo guard) and none to an empty string', () => {
      const env = appEnvironment(app);
      const { known } = envSpec(ENV_CLASSES[app]);
      expect(Object.keys(env).filter((v) => !known.has(v) && !EXTRA_ENV.has(v))).toEqual([]);
      expect(Object.keys(env).filter((v) => env[v] === '')).toEqual([]);
    });

    it('restarts, runs read-only and waits for its dependencies to be healthy', () => {
      expect(service(app).restart).toBe('unless-stopped');
      expect(service(app).read_only).toBe(true);
      const deps = dependsOn(service(app));
      for (const infra of ['redis', 'nats']) expect(deps[infra]).toBe('service_healthy');
    });
  });

  describe.each(SERVICES.map((svc) => [svc]))('service %s', (svc) => {
    it('is healthy when /readyz on its PROBE_PORT answers, and exposes that port', () => {
      const port = listenPort(svc);
      expect(appEnvironment(svc).PROBE_PORT).toBe(String(port));
      expect(healthcheckTarget(service(svc).healthcheck)).toEqual({ port, path: '/readyz' });
      expect((service(svc).expose ?? []).map(String)).toContain(String(port));
    });

    it('starts after Postgres is healthy and the migrations completed', () => {
      const deps = dependsOn(service(svc));
      expect(deps.postgres).toBe('service_healthy');
      expect(deps.migrate).toBe('service_completed_successfully');
    });
  });

  describe('gateway', () => {
    it('listens on 0.0.0.0 and is published on its GATEWAY_PORT', () => {
      const port = listenPort('gateway');
      expect(appEnvironment('gateway').GATEWAY_HOST).toBe('0.0.0.0');
      const targets = (service('gateway').ports ?? []).map((p) =>
        typeof p === 'string' ? Number(interpolate(p, envExample, 'gateway.ports').split(':').pop()) : p.target,
      );
      expect(targets).toContain(port);
    });

    it('is healthy when /api/v1/system/health answers on that port', () => {
      const target = healthcheckTarget(service('gateway').healthcheck);
      expect(target?.port).toBe(listenPort('gateway'));
      expect(target?.path).toMatch(/^\/api\/v1\/system\/health(\?level=basic)?$/);
    });

    it('starts once every service is healthy', () => {
      const deps = dependsOn(service('gateway'));
      for (const svc of SERVICES) expect(deps[svc]).toBe('service_healthy');
    });
  });

  describe('migrate', () => {
    it('is a one-shot of the migrations image, after Postgres is healthy', () => {
      const migrate = service('migrate');
      expect(buildArgs(migrate).APP).toBe('migrations');
      expect(migrate.image).toMatch(/^platform\/migrations:/);
      expect(migrate.restart).toBe('no');
      expect(migrate.command).toBeUndefined();
      expect(dependsOn(migrate).postgres).toBe('service_healthy');
    });

    it('gets what migrate.js validates, and the same DATABASE_URL as the services', () => {
      const env = appEnvironment('migrate');
      expect(() => loadEnv(migrateEnvClass(), env)).not.toThrow();
      for (const svc of SERVICES) expect(appEnvironment(svc).DATABASE_URL).toBe(env.DATABASE_URL);
      expect(Object.keys(env).filter((v) => !envSpec(migrateEnvClass()).known.has(v) && !EXTRA_ENV.has(v))).toEqual([]);
    });
  });

  describe('infrastructure', () => {
    it('runs Postgres with PostGIS, its database being the one in DATABASE_URL', () => {
      const postgres = service('postgres');
      expect(postgres.image).toMatch(/postgis/);
      const env = effectiveEnvironment('postgres', postgres, envExample);
      const url = new URL(appEnvironment('identity').DATABASE_URL);
      expect(url.hostname).toBe('postgres');
      expect(url.pathname).toBe(`/${env.POSTGRES_DB}`);
      expect(decodeURIComponent(url.username)).toBe(env.POSTGRES_USER);
      expect(decodeURIComponent(url.password)).toBe(env.POSTGRES_PASSWORD);
    });

    it('runs NATS with JetStream on a volume, and checks it through the monitor port', () => {
      const command = [service('nats').command ?? []].flat().join(' ');
      expect(command).toMatch(/(^|\s)(-js|--jetstream)(\s|$)/);
      const storeDir = /(?:-sd|--store_dir)\s+(\S+)/.exec(command)?.[1];
      const monitorPort = Number(/(?:-m|--http_port)\s+(\d+)/.exec(command)?.[1]);
      expect(storeDir).toBeDefined();
      const volumes = (service('nats').volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[1] : v.target));
      expect(volumes).toContain(storeDir);
      expect(healthcheckTarget(service('nats').healthcheck)?.port).toBe(monitorPort);
      for (const app of APPS) expect(appEnvironment(app).NATS_URL).toBe('nats://nats:4222');
    });

    it('points every app at the redis service', () => {
      for (const app of APPS) expect(appEnvironment(app).REDIS_URL).toBe('redis://redis:6379');
    });

    it('gives storage the MinIO credentials and a bucket that minio-init creates first', () => {
      const storage = appEnvironment('storage');
      const minio = effectiveEnvironment('minio', service('minio'), envExample);
      expect(new URL(storage.S3_ENDPOINT).hostname).toBe('minio');
      expect([storage.S3_ACCESS_KEY, storage.S3_SECRET_KEY]).toEqual([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]);
      const init = service('minio-init');
      const initEnv = effectiveEnvironment('minio-init', init, envExample);
      const script = interpolate([init.command].flat().join(' '), envExample, 'minio-init.command');
      expect(script).toMatch(/mc mb --ignore-existing "local\/\$BUCKET"/);
      expect(initEnv.BUCKET).toBe(storage.S3_BUCKET);
      expect(dependsOn(service('storage'))['minio-init']).toBe('service_completed_successfully');
    });

    it.each(INFRA.map((name) => [name]))('%s has a healthcheck', (name) => {
      expect(service(name).healthcheck?.test).toBeDefined();
    });
  });

  it('only waits on services that can satisfy the condition', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const [dep, condition] of Object.entries(dependsOn(svc))) {
        expect(`${name} -> ${dep}: ${Boolean(compose.services[dep])}`).toBe(`${name} -> ${dep}: true`);
        if (condition === 'service_healthy') expect(`${dep} healthcheck: ${Boolean(service(dep).healthcheck)}`).toBe(`${dep} healthcheck: true`);
        if (condition === 'service_completed_successfully') expect(`${dep} restart: ${service(dep).restart}`).toBe(`${dep} restart: no`);
      }
    }
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(compose.services)
      .flatMap((svc) => svc.volumes ?? [])
      .map((v) => (typeof v === 'string' ? v.split(':')[0] : (v.source ?? '')))
      .filter((source) => source && !source.startsWith('.') && !source.startsWith('/'));
    expect(named.filter((v) => !(v in (compose.volumes ?? {})))).toEqual([]);
  });
});

describe('.env.example', () => {
  const composeText = readText('docker-compose.yml');
  const referenced = referencedVariables(composeText);

  it('sets every variable docker-compose.yml needs without a fallback', () => {
    const needed = [...new Set(referenced.filter((r) => !r.hasDefault).map((r) => r.name))];
    expect(needed.filter((name) => !envExample[name])).toEqual([]);
  });

  it('sets no variable docker-compose.yml does not use (typo guard)', () => {
    const used = new Set(referenced.map((r) => r.name));
    expect(Object.keys(envExample).filter((name) => !used.has(name))).toEqual([]);
  });

  it('documents every variable of every app', () => {
    const documented = new Set([...readText('.env.example').matchAll(/\b([A-Z][A-Z0-9_]+)=/g)].map((m) => m[1]));
    const all = new Set(APPS.flatMap((app) => [...envSpec(ENV_CLASSES[app]).known]));
    expect([...all].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('holds placeholders, not secrets', () => {
    for (const name of ['JWT_SECRET', 'METRICS_TOKEN', 'POSTGRES_PASSWORD', 'S3_SECRET_KEY']) {
      expect(`${name}=${envExample[name]}`).toMatch(/CHANGE_ME/);
    }
  });

  it('is what the stack reads: .env is never committed', () => {
    expect(readText('.gitignore').split('\n')).toContain('.env');
    expect(exists('.env.example')).toBe(true);
  });
});
