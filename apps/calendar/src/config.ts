import { loadEnv, ServiceEnv } from '@lib/platform';

/** Environment of the calendar service (see the config table in the README). */
export class CalendarEnv extends ServiceEnv {
  PROBE_PORT = 3004;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CalendarEnv {
  return loadEnv(CalendarEnv, env);
}
