// /healthz (alive) and /readyz (ready to serve), outside the API's description and the limiter.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { checkHealth, checkReadiness } from '../services/health.js';

export function registerHealth(app: FastifyInstance, store: Store): void {
  app.get('/healthz', { schema: { hide: true } }, async () => checkHealth());
  app.get('/readyz', { schema: { hide: true } }, async () => checkReadiness(store));
}
