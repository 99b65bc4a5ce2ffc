// The Fastify application: plugins, error shape, and the API routes. Routes stay thin:
// validate the input (zod), call one service, shape the output.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../services/context.js';
import { frameworkErrorOptions, installErrorHandlers } from './errors.js';
import { registerApi } from './api/index.js';
import { registerPages } from './pages/index.js';
import { BODY_LIMIT } from './limits.js';
import { registerHealth } from './health.js';
import { registerMetrics } from './metrics.js';
import { echoRequestId, loggingOptions } from './request-log.js';
import { searchIndexSettled } from '../services/search.js';
import { DEFAULT_LIMITS, installLimiter, type Limits } from './limiter.js';
import { installActor } from './actor.js';
import { contextOf, installStore } from './context.js';

export interface AppOptions {
  store: Store;
  /** HYOKA_ADMIN_TOKEN: a bootstrap administrator of every organization (prefer users). */
  adminToken?: string;
  /** HYOKA_AUTH_HEADER: the header in which the city's proxy names the signed-in login. */
  authHeader?: string;
  /** HYOKA_TRUSTED_PROXY: the addresses whose authHeader is believed (no other is). */
  trustedProxies?: readonly string[];
  /** HYOKA_LOG=1: a line per request; otherwise only the 5xx answers, which are always logged. */
  logRequests?: boolean;
  /** Where the log's JSON lines go; default stderr (stdout may carry a CLI's output). */
  logStream?: { write(line: string): void };
  /** HYOKA_METRICS_TOKEN: the bearer token /metrics asks for; without it there is no /metrics. */
  metricsToken?: string;
  /** How many expensive requests run and wait at once (limiter.ts); tests set small ones. */
  limits?: Partial<Limits>;
}


export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines with the request id; no header, no query token (request-log.ts; tests hold it to that).
    ...loggingOptions(options.logRequests ? 'info' : 'error', options.logStream ?? process.stderr),
    bodyLimit: BODY_LIMIT,
    ...frameworkErrorOptions,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  // Every answer, data and error alike, is read as the type it declares: a CSV or JSON body
  // is never sniffed into HTML.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  echoRequestId(app);
  installLimiter(app, { ...DEFAULT_LIMITS, ...options.limits });
  installStore(app, options.store);
  installActor(app, { adminToken: options.adminToken, authHeader: options.authHeader, trustedProxies: options.trustedProxies });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hyoka API',
        description: '行政評価 (PDCA) data of one or more organizations, as hyoka/1 documents and their parts.',
        version: '1',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'HYOKA_ADMIN_TOKEN' } },
      },
    },
    // The API is what lives under /api/: a page (HTML) never enters the API's description,
    // even one registered without `hide`.
    transform: (input) => (input.url.startsWith('/api/') ? jsonSchemaTransform(input) : { schema: { ...input.schema, hide: true }, url: input.url }),
  });

  registerHealth(app);
  registerMetrics(app, options.metricsToken);

  // A search may have left an index rebuild running; the store closes after the app.
  app.addHook('onClose', () => searchIndexSettled(options.store));

  await app.register(registerApi, { prefix: '/api/v1' });
  await app.register(registerPages);
  return app;
}
