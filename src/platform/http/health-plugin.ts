import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { DatabaseHealth } from '../database/database-health.ts';

export interface HealthPluginOptions {
  /** The database's reachability: /readyz pings it and names it when it does not answer. */
  readonly database: DatabaseHealth;
  readonly registry: Registry;
  /** More to report in /readyz without deciding readiness (Redis: a node without it still serves). */
  readonly details?: () => Record<string, string>;
}

/** Creates the Prometheus registry with process metrics and the HTTP request metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dateline_' });
  const requests = new Counter({
    name: 'dateline_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'dateline_http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  return { registry, requests, duration };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** /healthz (the process is up), /readyz (it can serve: database reachable) and /metrics. */
export async function healthPlugin(app: FastifyInstance, options: HealthPluginOptions): Promise<void> {
  app.get('/healthz', async (_request, reply) => {
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  app.get('/readyz', async (_request, reply) => {
    const { database } = options;
    const ready = await database.check();
    const details = options.details?.() ?? {};
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    if (ready) return reply.send({ status: 'ready', ...details });
    return reply.header('retry-after', '5').send({
      status: 'unavailable',
      database: 'unreachable',
      ...details,
      message: `${database.name} does not answer; this node serves cached pages only until it is back.`,
    });
  });
  app.get('/metrics', async (_request, reply) => {
    return reply
      .header('cache-control', 'no-store')
      .type(options.registry.contentType)
      .send(await options.registry.metrics());
  });
}
