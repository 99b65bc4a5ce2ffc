// /metrics for Prometheus (HYOKA_METRICS_TOKEN as bearer; 404 without the setting, 401 without the
// token), and the timing of every answer by route pattern — never by the URL, whose keys and
// queries would make a series per project.
import type { FastifyInstance } from 'fastify';
import { authorizeMetrics, metricsText, poolGauges, requestDuration, type Gauge } from '../services/metrics.js';
import { contextOf } from './context.js';

export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  app.addHook('onResponse', async (request, reply) => {
    requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    authorizeMetrics(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1], token);
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return metricsText([...poolGauges(contextOf(request)), ...limiterGauges(app)]);
  });
}

function limiterGauges(app: FastifyInstance): Gauge[] {
  const { running, waiting } = app.limiter.load;
  return [{ name: 'hyoka_expensive_requests', help: 'Expensive requests at work and waiting for a place (limiter)', values: [{ labels: { state: 'running' }, value: running }, { labels: { state: 'waiting' }, value: waiting }] }];
}
