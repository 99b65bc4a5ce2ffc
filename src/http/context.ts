// The Context of a request: the app's store, the actor resolved by actor.ts, and the
// organization ?org= names (code or name), resolved at most once per request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createContext, type Context, type Store } from '../services/context.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

const contexts = new WeakMap<FastifyRequest, Context>();

/** ?org= (code or name), when given. */
export function orgOf(query: unknown): string | undefined {
  const org = (query as { org?: unknown } | undefined)?.org;
  return typeof org === 'string' && org.trim() !== '' ? org.trim() : undefined;
}

/** The request's context: one per request, so its organization is looked up once. */
export function contextOf(request: FastifyRequest): Context {
  let ctx = contexts.get(request);
  if (!ctx) contexts.set(request, (ctx = createContext(request.server.store, request.actor, orgOf(request.query))));
  return ctx;
}

export function installStore(app: FastifyInstance, store: Store): void {
  app.decorate('store', store);
}
