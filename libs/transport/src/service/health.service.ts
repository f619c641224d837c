import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import type { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';

import { allUp, readVersion, runChecks, type DependencyCheck, type ServiceHealthReport } from '@lib/platform';

import { NATS_CONNECTION, REDIS } from './tokens';

/** Knows the dependencies of this service and how to check each. Features may add their own. */
@Injectable()
export class HealthService {
  private readonly extra: DependencyCheck[] = [];
  private readonly startedAt = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
  ) {}

  register(check: DependencyCheck): void {
    this.extra.push(check);
  }

  checks(): DependencyCheck[] {
    return [
      { name: 'postgres', check: async () => void (await this.dataSource.query('SELECT 1')) },
      { name: 'redis', check: async () => void (await this.redis.ping()) },
      { name: 'nats', check: () => this.nats.flush() },
      ...this.extra,
    ];
  }

  async report(service: string): Promise<ServiceHealthReport> {
    const dependencies = await runChecks(this.checks());
    return {
      service,
      version: readVersion().version,
      status: allUp(dependencies) ? 'healthy' : 'degraded',
      uptime: Math.round((Date.now() - this.startedAt) / 1000),
      dependencies,
    };
  }
}
