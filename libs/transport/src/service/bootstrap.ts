import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServerNats, type MicroserviceOptions } from '@nestjs/microservices';

import type { ServiceName } from '@lib/contracts';
import { createLogger, PinoNestLogger, startProbeServer, type DependencyCheck, type ServiceEnv } from '@lib/platform';

import { natsConnectionOptions } from '../nats-options';
import { RpcErrorFilter } from '../rpc-error.filter';
import { HealthService } from './health.service';
import { RpcLoggingInterceptor } from './rpc-logging.interceptor';

/** Nest's NATS server, minus one cost: our patterns are plain subjects, never JSON. */
class SubjectNatsServer extends ServerNats {
  // Nest tries JSON.parse on every incoming subject first, paying for a thrown SyntaxError per message.
  override getRouteFromPattern(pattern: string): string {
    return pattern;
  }
}

const STARTING: DependencyCheck = {
  name: 'postgres',
  check: () => Promise.reject(new Error('service is starting')),
};

/**
 * Starts a service: the probe listener first (so Kubernetes sees it alive while it waits for its
 * dependencies), then the NATS microservice in its queue group.
 */
export async function bootstrapService(service: ServiceName, module: DynamicModule, env: ServiceEnv): Promise<void> {
  const logger = createLogger(service, env.LOG_LEVEL);
  const started: { health?: HealthService } = {};
  await startProbeServer(env.PROBE_PORT, () => started.health?.checks() ?? [STARTING]);

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    strategy: new SubjectNatsServer({ ...natsConnectionOptions(env.NATS_URL, service), queue: service }),
    logger: new PinoNestLogger(logger),
  });
  app.useGlobalFilters(new RpcErrorFilter());
  // The gateway's access log already has a line per request (request id, route, status, duration); a
  // line per RPC as well doubled the logging, and Nest's interceptor chain costs on every message.
  if (logger.isLevelEnabled('debug')) app.useGlobalInterceptors(new RpcLoggingInterceptor(logger));
  app.enableShutdownHooks();
  started.health = app.get(HealthService);
  await app.listen();
  logger.info({ probePort: env.PROBE_PORT }, `${service} is listening on NATS`);
}
