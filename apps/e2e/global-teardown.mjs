// Stops the apps, then every infra server of .stack/test (by pidfiles).
import { releaseLock, stackConfig, stopStack } from '../../tools/stack/index.mjs';

export default async function globalTeardown() {
  const cfg = stackConfig('test');
  try {
    await stopStack(cfg, { log: (line) => console.log(`[e2e] ${line}`) });
  } finally {
    releaseLock(cfg);
  }
}
