import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

import { allEndpoints } from '@lib/contracts';
import { createLogger, PinoNestLogger, readVersion, runMain } from '@lib/platform';

import { AppModule } from './app.module';
import { loadConfig } from './config';
import { ErrorEnvelopeFilter } from './errors/error-envelope.filter';
import { configureHttp } from './http/http-setup';
import { requestIdOf } from './http/request-id';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { openApiDocument } from './openapi/openapi-document';
import { RouteTable } from './routing/route-table';

runMain(async () => {
  const env = loadConfig();
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const metrics = new GatewayMetrics();
  const routes = new RouteTable(allEndpoints);

  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    genReqId: requestIdOf,
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env, metrics, routes), adapter, {
    logger: new PinoNestLogger(logger),
  });
  app.useGlobalFilters(new ErrorEnvelopeFilter(routes, env.BODY_LIMIT_BYTES));
  await configureHttp(app, env, metrics, logger);
  SwaggerModule.setup('api/docs', app, openApiDocument(allEndpoints, readVersion().version) as unknown as OpenAPIObject, {
    jsonDocumentUrl: 'api/docs-json',
  });
  app.enableShutdownHooks();
  await app.listen(env.GATEWAY_PORT, env.GATEWAY_HOST);
  logger.info({ url: await app.getUrl() }, 'gateway is listening');
});
