import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the messaging service (see the config table in the README). */
export class MessagingEnv extends ServiceEnv {
  PROBE_PORT = 3005;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): MessagingEnv {
  return loadEnv(MessagingEnv, env);
}
