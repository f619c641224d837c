import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildArgs, loadCompose } from './compose';
import { APPS, exists, imageUser, readText, ROOT, SERVICES } from './workspace';

const dockerfile = readText('Dockerfile');
const BUILD_SCRIPT = 'tools/infra/image/build-app.sh';
const MIGRATE_ALL = 'tools/infra/image/migrate-all.js';

interface Stage {
  from: string;
  name: string;
  lines: string[];
}

/** Dockerfile stages with their instructions (continuation lines joined). */
function stages(): Stage[] {
  const result: Stage[] = [];
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ from: from[1], name: from[2] ?? '', lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

function stage(name: string): Stage {
  const found = stages().find((s) => s.name === name);
  if (!found) throw new Error(`Dockerfile has no stage "${name}"`);
  return found;
}

describe('Dockerfile', () => {
  it('builds on the Node major the workspace supports (package.json engines)', () => {
    const image = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile)?.[1];
    const engines = (JSON.parse(readText('package.json')) as { engines: { node: string } }).engines.node;
    expect(image).toBeDefined();
    expect(engines).toMatch(new RegExp(`>=${image}\\.`));
  });

  it('installs with `npm install` (npm ci rejects this lockfile) from package.json and the lockfile', () => {
    expect(stages().flatMap((s) => s.lines).filter((l) => /npm ci\b/.test(l))).toEqual([]);
    for (const name of ['deps', 'prod-deps']) {
      const lines = stage(name).lines;
      expect(lines).toContain('COPY package.json package-lock.json ./');
      expect(lines.some((l) => /^RUN npm install .*--no-audit --no-fund/.test(l))).toBe(true);
    }
    expect(stage('prod-deps').lines.some((l) => /npm install --omit=dev/.test(l))).toBe(true);
  });

  it('compiles argon2 for the runtime and proves it loads', () => {
    const run = stage('prod-deps').lines.join('\n');
    expect(run).toMatch(/npm rebuild argon2/);
    expect(run).toMatch(/require\('argon2'\)/);
  });

  it('builds APP with the staging script, then runs it from /app as a non-root user', () => {
    expect(stage('build').lines).toContain(`RUN sh ${BUILD_SCRIPT} "\${APP}" /out`);
    const runtime = stages().at(-1) as Stage;
    expect(runtime.lines).toEqual(
      expect.arrayContaining([
        'WORKDIR /app',
        'COPY --from=prod-deps /app/node_modules ./node_modules',
        'COPY package.json ./',
        'COPY --from=build /out ./',
        'CMD ["node", "main.js"]',
      ]),
    );
    expect(runtime.lines.some((l) => /^ENV NODE_ENV=production\b/.test(l))).toBe(true);
    expect(imageUser()).toBeGreaterThan(0);
    // Only the staged build and production dependencies reach the runtime image.
    expect(runtime.lines.filter((l) => /^COPY\b/.test(l) && !/--from=(build|prod-deps)\b/.test(l))).toEqual(['COPY package.json ./']);
  });

  it('declares every build argument docker-compose.yml passes', () => {
    const passed = new Set(Object.values(loadCompose().services).flatMap((svc) => Object.keys(buildArgs(svc))));
    const declared = new Set([...dockerfile.matchAll(/^ARG\s+([A-Z_]+)/gm)].map((m) => m[1]));
    expect([...passed]).toContain('APP');
    expect([...passed].filter((arg) => !declared.has(arg))).toEqual([]);
  });
});

describe('.dockerignore', () => {
  const patterns = readText('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const ignored = (path: string) =>
    patterns.some((p) => {
      const pattern = p.replace(/^\*\*\//, '');
      return path === pattern || path.startsWith(`${pattern}/`) || path.split('/').includes(pattern);
    });

  it('keeps installed, built, local and secret files out of the context', () => {
    for (const path of ['node_modules', 'apps/gateway/node_modules', 'dist', '.git', '.env', '.nx', '.stack']) {
      expect(`${path}: ${ignored(path)}`).toBe(`${path}: true`);
    }
  });

  it('keeps everything the build needs', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      'nx.json',
      'tsconfig.base.json',
      'tsconfig.json',
      'tools/build/build-app.mjs',
      BUILD_SCRIPT,
      MIGRATE_ALL,
      ...APPS.map((app) => `apps/${app}/project.json`),
      ...APPS.map((app) => `apps/${app}/src/config.ts`),
      'libs/platform/src/index.ts',
    ];
    for (const path of needed) {
      expect(`${path}: exists ${exists(path)}, ignored ${ignored(path)}`).toBe(`${path}: exists true, ignored false`);
    }
  });
});

describe('image build script', () => {
  const script = readText(BUILD_SCRIPT);

  it('knows the seven services in SERVICE_NAMES order, as migrate-all.js does', () => {
    expect(/^SERVICES="([^"]+)"/m.exec(script)?.[1].split(' ')).toEqual([...SERVICES]);
    const migrateAll = /const SERVICES = (\[[^\]]+\])/.exec(readText(MIGRATE_ALL))?.[1] ?? '[]';
    expect(JSON.parse(migrateAll.replace(/'/g, '"'))).toEqual([...SERVICES]);
  });

  it('relies on an Nx build target of every app that writes dist/apps/<app>', () => {
    for (const app of APPS) {
      const project = JSON.parse(readText(`apps/${app}/project.json`)) as {
        name: string;
        targets: { build?: { outputs?: string[] } };
      };
      expect(project.name).toBe(app);
      expect(project.targets.build?.outputs).toEqual([`{workspaceRoot}/dist/apps/${app}`]);
    }
    for (const svc of SERVICES) expect(`${svc}: ${exists(`apps/${svc}/src/migrate.ts`)}`).toBe(`${svc}: true`);
  });

  it('refuses an unknown APP', () => {
    const result = spawnSync('sh', [BUILD_SCRIPT, 'billing', join(tmpdir(), 'never-created')], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown APP 'billing'/);
  });
});

describe('migrate-all.js (main.js of the migrations image)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'migrate-all-'));
    writeFileSync(join(dir, 'main.js'), readFileSync(join(ROOT, MIGRATE_ALL)));
    for (const svc of SERVICES) {
      mkdirSync(join(dir, svc));
      // Each fake migrate.js records its service and argument; FAIL=<svc> makes that one fail.
      writeFileSync(
        join(dir, svc, 'migrate.js'),
        `require('node:fs').appendFileSync(require('node:path').join(__dirname, '..', 'log'), '${svc} ' + process.argv[2] + '\\n');
         if (process.env.FAIL === '${svc}') process.exit(3);`,
      );
    }
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(dir, 'main.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  const log = () => (existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').trim().split('\n') : []);

  it('runs every service’s `migrate.js run` in order', () => {
    const result = run([]);
    expect(result.status).toBe(0);
    expect(log()).toEqual(SERVICES.map((svc) => `${svc} run`));
  });

  it('stops at the first failure with a non-zero exit code', () => {
    const result = run([], { FAIL: 'storage' });
    expect(result.status).toBe(3);
    expect(log()).toEqual(['identity run', 'tenancy run', 'storage run']);
    expect(result.stderr).toMatch(/storage: migrations failed/);
  });

  it('refuses to revert every service at once', () => {
    const result = run(['revert']);
    expect(result.status).toBe(2);
    expect(log()).toEqual([]);
  });
});
