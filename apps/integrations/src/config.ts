import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the integrations service (see the config table in the README). */
export class IntegrationsEnv extends ServiceEnv {
  PROBE_PORT = 3007;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IntegrationsEnv {
  return loadEnv(IntegrationsEnv, env);
}
