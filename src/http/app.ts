// The Fastify application: plugins, error shape, and the API routes. Routes stay thin:
// validate the input (zod), call one service, shape the output.
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/index.js';
import { installErrorHandlers } from './errors.js';
import { registerApi } from './api/index.js';
import { registerPages } from './pages/index.js';
import { BODY_LIMIT } from './limits.js';
import { checkHealth } from '../services/health.js';
import { DEFAULT_LIMITS, installLimiter, type Limits } from './limiter.js';

export interface AppOptions {
  store: Store;
  /** HYOKA_ADMIN_TOKEN: guards POST /api/v1/import until accounts exist. */
  adminToken?: string;
  logger?: boolean;
  /** How many expensive requests run and wait at once (limiter.ts); tests set small ones. */
  limits?: Partial<Limits>;
}


export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installLimiter(app, { ...DEFAULT_LIMITS, ...options.limits });

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
    transform: jsonSchemaTransform,
  });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await checkHealth(options.store);
    return { status: 'ok' };
  });

  await app.register(registerApi, { prefix: '/api/v1', store: options.store, adminToken: options.adminToken });
  await app.register(registerPages, { store: options.store });
  return app;
}
