// /metrics for Prometheus (HYOKA_METRICS_TOKEN as bearer; 404 without the setting, 401 without the
// token), and the timing of every answer by route pattern — never by the URL, whose keys and
// queries would make a series per project.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { authorizeMetrics, metricsText, requestDuration, type Gauge } from '../services/metrics.js';

export function registerMetrics(app: FastifyInstance, store: Store, token: string | undefined): void {
  app.addHook('onResponse', async (request, reply) => {
    requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    authorizeMetrics(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1], token);
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return metricsText([...poolGauges(store), ...limiterGauges(app)]);
  });
}

function poolGauges(store: Store): Gauge[] {
  const pool = store.poolUse?.();
  if (!pool) return [];
  return [
    {
      name: 'hyoka_db_pool_connections',
      help: 'PostgreSQL connections of this instance, by state',
      values: [
        { labels: { state: 'busy' }, value: pool.total - pool.idle },
        { labels: { state: 'idle' }, value: pool.idle },
      ],
    },
    { name: 'hyoka_db_pool_waiting', help: 'Queries waiting for a connection', values: [{ value: pool.waiting }] },
    { name: 'hyoka_db_pool_max', help: 'The pool size (--pool, HYOKA_DB_POOL)', values: [{ value: pool.max }] },
  ];
}

function limiterGauges(app: FastifyInstance): Gauge[] {
  const { running, waiting } = app.limiter.load;
  return [{ name: 'hyoka_expensive_requests', help: 'Expensive requests at work and waiting for a place (limiter)', values: [{ labels: { state: 'running' }, value: running }, { labels: { state: 'waiting' }, value: waiting }] }];
}
