import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type Redis from 'ioredis';

import { allEndpoints } from '@lib/contracts';
import { createRedis, NatsRpcClient, REDIS } from '@lib/transport';

import { AccessGuard } from './auth/access.guard';
import { ApiKeyAuthenticator } from './auth/api-key.authenticator';
import { AuthStateRepository } from './auth/auth-state.repository';
import { JwtStrategy } from './auth/jwt.strategy';
import { GATEWAY_ENV, type GatewayEnv } from './config';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { contractController, secureFallbackController } from './routing/contract-controllers';
import { EndpointDispatcher } from './routing/endpoint-dispatcher';
import { LOCAL_HANDLERS } from './routing/local-handlers';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RouteTable } from './routing/route-table';
import { systemHandlers } from './system/system.handler';
import { SystemService } from './system/system.service';

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    private readonly rpc: NatsRpcClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  static forRoot(env: GatewayEnv, metrics: GatewayMetrics, routes: RouteTable): DynamicModule {
    return {
      controllers: [contractController(allEndpoints), secureFallbackController(routes)],
      imports: [PassportModule],
      module: AppModule,
      providers: [
        // Guards run in this order: who is calling, then how often.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: GATEWAY_ENV, useValue: env },
        { provide: GatewayMetrics, useValue: metrics },
        {
          provide: LOCAL_HANDLERS,
          inject: [SystemService],
          useFactory: (system: SystemService) => systemHandlers(system),
        },
        {
          provide: NatsRpcClient,
          useFactory: async () => {
            const client = new NatsRpcClient(metrics.observeNats);
            await client.connect(env.NATS_URL, 'gateway');
            return client;
          },
        },
        // Auto-pipelining: the per-request auth and rate-limit reads of concurrent requests share round trips.
        { provide: REDIS, useFactory: () => createRedis(env.REDIS_URL, 'gateway', { enableAutoPipelining: true }) },
        { provide: RouteTable, useValue: routes },
        ApiKeyAuthenticator,
        AuthStateRepository,
        EndpointDispatcher,
        JwtStrategy,
        RateLimiter,
        SystemService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
