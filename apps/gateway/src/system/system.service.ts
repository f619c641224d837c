import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';

import { DomainError, ErrorCode, SERVICE_NAMES, type HealthLevel } from '@lib/contracts';
import { allUp, readVersion, runChecks, type DependencyStatus, type ServiceHealthReport } from '@lib/platform';
import { NatsRpcClient, REDIS, systemHealthSubject } from '@lib/transport';

import { GATEWAY_ENV, type GatewayEnv } from '../config';

interface ServiceStatus {
  status: 'healthy' | 'degraded' | 'unavailable';
  message: string;
  responseTime: number;
  timestamp: string;
  version?: string;
  dependencies?: Record<string, DependencyStatus>;
}

interface PlatformHealth {
  healthy: boolean;
  degradedServices: string[];
  services: Record<string, ServiceStatus>;
}

/** GET /system/health and /system/info: the gateway's own view plus every service's report. */
@Injectable()
export class SystemService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly rpc: NatsRpcClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async health(level: HealthLevel = 'basic'): Promise<Record<string, unknown>> {
    const base = { version: readVersion().version, timestamp: new Date().toISOString() };
    if (level === 'basic') return { status: 'ok', ...base };
    const platform = await this.platformHealth();
    if (level === 'ready' && !platform.healthy) {
      throw new DomainError(ErrorCode.NotReady, 503, 'The platform is not ready: some services or dependencies are down.', {
        degradedServices: platform.degradedServices,
      });
    }
    return {
      status: platform.healthy ? 'healthy' : 'degraded',
      ...base,
      ready: platform.healthy,
      environment: this.env.APP_ENV,
      degradedServices: platform.degradedServices,
      ...(level === 'full' ? { services: platform.services } : {}),
    };
  }

  async info(): Promise<Record<string, unknown>> {
    const platform = await this.platformHealth();
    const services = Object.fromEntries(
      Object.entries(platform.services).map(([name, s]) => [
        name,
        { status: s.status, message: s.message, responseTime: s.responseTime, timestamp: s.timestamp },
      ]),
    );
    return {
      status: platform.healthy ? 'healthy' : 'degraded',
      version: readVersion(),
      timestamp: new Date().toISOString(),
      environment: this.env.APP_ENV,
      uptime: Math.round((Date.now() - this.startedAt) / 1000),
      services,
    };
  }

  private async platformHealth(): Promise<PlatformHealth> {
    const [gateway, ...reports] = await Promise.all([this.gatewayStatus(), ...SERVICE_NAMES.map((s) => this.serviceStatus(s))]);
    const services: Record<string, ServiceStatus> = { gateway };
    SERVICE_NAMES.forEach((name, i) => (services[name] = reports[i]));
    const degradedServices = Object.entries(services)
      .filter(([, s]) => s.status !== 'healthy')
      .map(([name]) => name);
    return { healthy: degradedServices.length === 0, degradedServices, services };
  }

  private async gatewayStatus(): Promise<ServiceStatus> {
    const started = performance.now();
    const dependencies = await runChecks([
      { name: 'nats', check: () => this.rpc.ping() },
      { name: 'redis', check: async () => void (await this.redis.ping()) },
    ]);
    return describe(allUp(dependencies) ? 'healthy' : 'degraded', started, readVersion().version, dependencies);
  }

  private async serviceStatus(service: string): Promise<ServiceStatus> {
    const started = performance.now();
    try {
      const report = await this.rpc.request<ServiceHealthReport>(systemHealthSubject(service), {}, this.env.HEALTH_TIMEOUT_MS);
      return describe(report.status, started, report.version, report.dependencies);
    } catch (error) {
      return { ...describe('unavailable', started), message: `No health report: ${(error as Error).message}` };
    }
  }
}

function describe(
  status: ServiceStatus['status'],
  started: number,
  version?: string,
  dependencies?: Record<string, DependencyStatus>,
): ServiceStatus {
  const down = Object.entries(dependencies ?? {})
    .filter(([, d]) => d.status === 'down')
    .map(([name]) => name);
  return {
    status,
    message: down.length > 0 ? `Unavailable: ${down.join(', ')}` : 'All dependencies answer',
    responseTime: Math.round((performance.now() - started) * 10) / 10,
    timestamp: new Date().toISOString(),
    ...(version ? { version } : {}),
    ...(dependencies ? { dependencies } : {}),
  };
}
