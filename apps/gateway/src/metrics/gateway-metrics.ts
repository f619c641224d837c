import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

import type { RpcOutcome } from '@lib/transport';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Prometheus metrics of the gateway: HTTP by route and status, NATS by subject, and the process. */
export class GatewayMetrics {
  readonly registry = new Registry();

  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly natsDuration = new Histogram({
    name: 'nats_request_duration_seconds',
    help: 'NATS request/reply latency, by subject and outcome',
    labelNames: ['subject', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  observeNats = (subject: string, seconds: number, outcome: RpcOutcome): void => {
    this.natsDuration.observe({ subject, outcome }, seconds);
  };
}
