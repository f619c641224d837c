/** One dependency of an app: Postgres, Redis, NATS or object storage. */
export interface DependencyCheck {
  name: 'postgres' | 'redis' | 'nats' | 'objectStorage';
  check(): Promise<void>;
}

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** What each service answers on `<service>.system.health`. */
export interface ServiceHealthReport {
  service: string;
  version: string;
  status: 'healthy' | 'degraded';
  uptime: number;
  dependencies: Record<string, DependencyStatus>;
}

const CHECK_TIMEOUT_MS = 2000;

export async function runCheck(check: DependencyCheck): Promise<DependencyStatus> {
  const started = performance.now();
  try {
    await withTimeout(check.check(), CHECK_TIMEOUT_MS);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: (error as Error).message || 'unavailable' };
  }
}

export async function runChecks(checks: readonly DependencyCheck[]): Promise<Record<string, DependencyStatus>> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c)] as const));
  return Object.fromEntries(results);
}

export function allUp(dependencies: Record<string, DependencyStatus>): boolean {
  return Object.values(dependencies).every((d) => d.status === 'up');
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
