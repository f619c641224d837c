import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the tenancy service (see the config table in the README). */
export class TenancyEnv extends ServiceEnv {
  PROBE_PORT = 3002;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TenancyEnv {
  return loadEnv(TenancyEnv, env);
}
