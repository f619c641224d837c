import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { connect, type NatsConnection } from 'nats';
import type Redis from 'ioredis';
import { ModuleRef } from '@nestjs/core';

import type { ServiceName } from '@lib/contracts';
import { dataSourceOptions, type ServiceDataSource } from '@lib/persistence';
import type { ServiceEnv } from '@lib/platform';

import { EventOutbox, EventOutboxRelay } from '../events/event-outbox';
import { EventPublisher } from '../events/event-publisher';
import { ensureStreams } from '../events/streams';
import { natsConnectionOptions } from '../nats-options';
import { NatsRpcClient } from '../rpc-client';
import { HealthService } from './health.service';
import { createRedis } from './redis.provider';
import { systemHealthController } from './system-health.controller';
import { NATS_CONNECTION, REDIS, SERVICE_ENV, SERVICE_SCHEMA } from './tokens';

export interface ServiceKernelOptions {
  service: ServiceName;
  env: ServiceEnv;
  dataSource: ServiceDataSource;
}

/**
 * What every service has: its config, its Postgres schema (TypeORM), Redis, a NATS connection
 * for events, and the health report the gateway asks for.
 */
@Module({})
export class ServiceKernelModule implements OnApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  static forRoot({ service, env, dataSource }: ServiceKernelOptions): DynamicModule {
    return {
      module: ServiceKernelModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(env.DATABASE_URL, dataSource, env.DB_POOL_SIZE),
          // Wait for Postgres at boot however long it takes; readiness says "not ready" meanwhile.
          retryAttempts: Number.MAX_SAFE_INTEGER,
          retryDelay: 1000,
        }),
      ],
      controllers: [systemHealthController(service)],
      providers: [
        { provide: SERVICE_ENV, useValue: env },
        { provide: SERVICE_SCHEMA, useValue: dataSource.schema },
        { provide: REDIS, useFactory: () => createRedis(env.REDIS_URL, service) },
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const connection = await connect(natsConnectionOptions(env.NATS_URL, service));
            await ensureStreams(connection);
            return connection;
          },
        },
        {
          provide: NatsRpcClient,
          inject: [NATS_CONNECTION],
          useFactory: (connection: NatsConnection) => new NatsRpcClient().use(connection),
        },
        EventOutbox,
        EventOutboxRelay,
        EventPublisher,
        HealthService,
      ],
      exports: [SERVICE_ENV, REDIS, NATS_CONNECTION, NatsRpcClient, EventPublisher, HealthService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.moduleRef.get<NatsConnection>(NATS_CONNECTION).drain().catch(() => undefined);
    this.moduleRef.get<Redis>(REDIS).disconnect();
  }
}
