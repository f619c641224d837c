// Makes sure Postgres (with PostGIS), Redis and NATS binaries are installed (Debian/Ubuntu, as root).
// apt-get update runs at most once, and only when something is missing. apt does not start services
// here (policy-rc.d); the stack starts its own instances anyway.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const PG_ROOT = '/usr/lib/postgresql';

/** Highest installed Postgres major, e.g. "15", or undefined. */
export function postgresMajor() {
  if (!existsSync(PG_ROOT)) return undefined;
  const majors = readdirSync(PG_ROOT)
    .filter((d) => existsSync(`${PG_ROOT}/${d}/bin/postgres`))
    .sort((a, b) => Number(a) - Number(b));
  return majors.at(-1);
}

export function postgresBin(name) {
  const major = postgresMajor();
  if (!major) throw new Error('Postgres is not installed: run `node tools/stack/cli.mjs ensure-packages` (or npm start).');
  return `${PG_ROOT}/${major}/bin/${name}`;
}

export function hasPostgis(major = postgresMajor()) {
  if (!major) return false;
  return existsSync(`/usr/share/postgresql/${major}/extension/postgis.control`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The binaries that are missing, as Debian package names. */
export function missingPackages() {
  const missing = [];
  if (!postgresMajor()) missing.push('postgresql');
  if (!onPath('redis-server')) missing.push('redis-server');
  if (!onPath('nats-server')) missing.push('nats-server');
  return missing;
}

export function ensureSystemPackages(log = console.log) {
  const missing = missingPackages();
  const needPostgis = () => !hasPostgis();
  if (missing.length === 0 && !needPostgis()) {
    log('system packages: postgres, postgis, redis-server, nats-server present');
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  const wanted = [...missing];
  if (!wanted.includes('postgresql') && needPostgis()) wanted.push(`postgresql-${postgresMajor()}-postgis-3`);
  if (!isRoot || !apt) {
    const hint = apt ? `sudo apt-get install -y ${wanted.join(' ')}` : `install ${wanted.join(', ')}`;
    if (missing.length > 0) throw new Error(`Missing system packages (${wanted.join(', ')}). Run: ${hint}`);
    log(`postgis is not installed (optional; ${hint})`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt/dpkg run (e.g. a parallel job) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  log('apt-get update…');
  execFileSync('apt-get', [...lock, 'update', '-qq'], { env, stdio: 'inherit' });
  if (missing.length > 0) {
    log(`installing ${missing.join(', ')}…`);
    execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (needPostgis()) {
    const pkg = `postgresql-${postgresMajor()}-postgis-3`;
    log(`installing ${pkg}…`);
    const res = spawnSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', pkg], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (res.status !== 0) log(`could not install ${pkg}; continuing without PostGIS`);
  }
  const still = missingPackages();
  if (still.length > 0) throw new Error(`Still missing after apt-get install: ${still.join(', ')}`);
  log('system packages ready');
}
