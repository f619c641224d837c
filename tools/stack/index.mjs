// The local stack as a library: used by tools/start.sh (through cli.mjs), the e2e global
// setup/teardown and resilience specs (through cli.mjs). See tools/stack/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { migrateAll, startApps, stopApps, waitForReady } from './apps.mjs';
import { APPS, ensureDirs } from './config.mjs';
import { startInfra, stopInfra } from './infra.mjs';
import { isAlive, removeFile, sleep } from './proc.mjs';

export * from './apps.mjs';
export * from './config.mjs';
export * from './infra.mjs';
export { ensureSystemPackages } from './packages.mjs';

/**
 * Infra (reused if running), migrations, apps, readiness. Returns what this call started so the
 * caller can stop exactly that. On failure it stops what it started and rethrows.
 */
export async function startStack(cfg, { apps = APPS, fresh = false, timeoutMs = 90_000, log = console.log } = {}) {
  ensureDirs(cfg);
  const started = { apps, infra: [] };
  try {
    started.infra = await startInfra(cfg, { log, fresh });
    await migrateAll(cfg, { log, services: apps.filter((a) => a !== 'gateway') });
    const children = await startApps(cfg, { log, apps });
    started.children = children;
    await waitForReady(cfg, { apps, children, timeoutMs, log });
    log(apps.includes('gateway') ? `gateway ready at ${cfg.urls.gateway}` : `${apps.join(', ')} ready`);
    return started;
  } catch (error) {
    log('startup failed; stopping what was started');
    await stopStack(cfg, { log, infra: started.infra }).catch(() => undefined);
    throw error;
  }
}

/** Apps first, then infra (all servers of this STACK_DIR unless `infra` names some). */
export async function stopStack(cfg, { log = console.log, infra } = {}) {
  await stopApps(cfg, { log, quietIfNone: true });
  await stopInfra(cfg, { log, ...(infra ? { only: infra } : {}) });
}

const lockFile = (cfg) => join(cfg.stackDir, 'stack.lock');

/** PID of a live process that holds this STACK_DIR, if any (not us). */
export function lockOwner(cfg) {
  try {
    const pid = Number.parseInt(readFileSync(lockFile(cfg), 'utf8'), 10);
    return pid && pid !== process.pid && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes this STACK_DIR for the calling process. If another live process holds it, waits up to
 * `waitMs` (0 = fail at once) for it to finish.
 */
export async function acquireLock(cfg, { waitMs = 0, log = console.log } = {}) {
  ensureDirs(cfg);
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (let owner = lockOwner(cfg); owner; owner = lockOwner(cfg)) {
    if (Date.now() >= deadline) {
      throw new Error(`${cfg.stackDir} is in use by process ${owner} (another npm start/npm test). Stop it or wait.`);
    }
    if (!announced) log(`waiting for process ${owner}, which is using ${cfg.stackDir}…`);
    announced = true;
    await sleep(1000);
  }
  writeFileSync(lockFile(cfg), `${process.pid}\n`);
}

export function releaseLock(cfg) {
  try {
    if (Number.parseInt(readFileSync(lockFile(cfg), 'utf8'), 10) === process.pid) removeFile(lockFile(cfg));
  } catch {
    // no lock
  }
}
