// Starts the test stack (infra on the test ports, migrations, the eight apps) and waits until the
// gateway says ready. It builds nothing: `npm test` builds first; when running this suite alone,
// build first (NX_DAEMON=false npx nx run-many -t build).
// E2E_APPS=identity,tenancy limits the apps (debugging); E2E_KEEP_DATA=1 keeps the previous run's data.
import { acquireLock, APPS, e2eEnv, releaseLock, stackConfig, staleBuildWarning, startStack, stopStack } from '../../tools/stack/index.mjs';

const log = (line) => console.log(`[e2e] ${line}`);

export default async function globalSetup() {
  const cfg = stackConfig('test');
  const apps = process.env.E2E_APPS ? process.env.E2E_APPS.split(',').map((a) => a.trim()) : APPS;
  console.log('');
  // Another run using .stack/test (same ports) must finish first.
  await acquireLock(cfg, { waitMs: 10 * 60_000, log });
  // npm test has just built (E2E_BUILT=1); run alone, the suite uses whatever dist holds.
  const warning = process.env.E2E_BUILT ? undefined : staleBuildWarning(cfg, apps);
  if (warning) log(`warning: ${warning}`);
  const started = Date.now();
  try {
    // Leftovers of an interrupted run are adopted: the teardown stops every server of .stack/test.
    await startStack(cfg, { apps, fresh: !process.env.E2E_KEEP_DATA, timeoutMs: 120_000, log });
  } catch (error) {
    await stopStack(cfg, { log }).catch(() => undefined);
    releaseLock(cfg);
    throw error;
  }
  Object.assign(process.env, e2eEnv(cfg), { E2E_APPS: apps.join(',') });
  log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
