import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the audit service (see the config table in the README). */
export class AuditEnv extends ServiceEnv {
  PROBE_PORT = 3006;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AuditEnv {
  return loadEnv(AuditEnv, env);
}
