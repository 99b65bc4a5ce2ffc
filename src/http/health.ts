// /healthz (alive) and /readyz (ready to serve), outside the API's description and the limiter.
import type { FastifyInstance } from 'fastify';
import { checkHealth, checkReadiness } from '../services/health.js';
import { contextOf } from './context.js';

export function registerHealth(app: FastifyInstance): void {
  app.get('/healthz', { schema: { hide: true } }, async () => checkHealth());
  app.get('/readyz', { schema: { hide: true } }, async (request) => checkReadiness(contextOf(request)));
}
