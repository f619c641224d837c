import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the identity service (see the config table in the README). */
export class IdentityEnv extends ServiceEnv {
  PROBE_PORT = 3001;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IdentityEnv {
  return loadEnv(IdentityEnv, env);
}
