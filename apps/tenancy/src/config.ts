import { Matches } from 'class-validator';

import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the tenancy service (see the config table in the README). */
export class TenancyEnv extends ServiceEnv {
  PROBE_PORT = 3002;

  /** Where clients reach the gateway: shown in tenant info, developer config and exports. */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_API_URL must look like https://api.example.com' })
  PUBLIC_API_URL = 'http://localhost:3000';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TenancyEnv {
  return loadEnv(TenancyEnv, env);
}
