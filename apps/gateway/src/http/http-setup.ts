import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';

import { DomainError, ErrorCode } from '@lib/contracts';
import { fixedFieldsLogger } from '@lib/platform';

import type { GatewayEnv } from '../config';
import { envelope } from '../errors/error-envelope.filter';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import { securityHeaders } from './security-headers';

/** Everything HTTP-level around the routes: headers, CORS, request ids, access log, metrics. */
export async function configureHttp(app: NestFastifyApplication, env: GatewayEnv, metrics: GatewayMetrics, logger: Logger) {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  if (env.CORS_ORIGINS?.length) {
    const origin = env.CORS_ORIGINS.includes('*') ? true : env.CORS_ORIGINS;
    await app.register(cors as never, { origin, exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 });
  }
  // Only JSON bodies: anything else answers 415 instead of reaching a handler as a string.
  fastify.removeContentTypeParser('text/plain');

  const accessLog = fixedFieldsLogger(logger);
  const headers = securityHeaders();
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    void reply.headers(headers).header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.observeHttp(request.method, route, reply.statusCode, seconds);
    accessLog.info(
      { requestId: request.id, method: request.method, route, status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 },
      'http',
    );
  });
  registerMetricsRoute(fastify, metrics, env.METRICS_TOKEN);
}

/** GET /metrics in Prometheus text format, only for `Authorization: Bearer $METRICS_TOKEN`; absent without a token. */
function registerMetricsRoute(fastify: FastifyInstance, metrics: GatewayMetrics, token: string | undefined): void {
  if (!token) return;
  const expected = Buffer.from(`Bearer ${token}`);
  fastify.get('/metrics', async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      const error = new DomainError(ErrorCode.Unauthorized, 401, 'Send Authorization: Bearer <METRICS_TOKEN> to read metrics.');
      return reply.status(401).send(envelope(error, request.id));
    }
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
