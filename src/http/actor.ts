// Who is asking: resolved once per request, before the body is read, as `request.actor`.
// Today: the bootstrap token (HYOKA_ADMIN_TOKEN, as a bearer token) or nobody. A route whose
// use case needs more than reading names its action (`config: { action }`) and is refused
// here, on its headers, when the service would refuse it — an anonymous upload costs
// nothing but its headers. The services check again on their first line.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { authorize, type Action } from '../services/authorization.js';
import { ANONYMOUS, BOOTSTRAP, type Actor } from '../services/context.js';
import { ServiceError } from '../services/errors.js';
import { contextOf } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The action of the route's use case, checked before the body is read. */
    action?: Action;
  }
}

/** The actor a request's credential names, and why a credential it presented was not taken. */
function credentialOf(authorization: string | undefined, adminToken: string | undefined): { actor: Actor; refusal?: ServiceError } {
  const presented = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (presented === undefined) return { actor: ANONYMOUS };
  if (!adminToken) {
    return {
      actor: ANONYMOUS,
      refusal: new ServiceError('forbidden', '取込みは無効です（HYOKA_ADMIN_TOKEN が未設定） / Import is disabled: HYOKA_ADMIN_TOKEN is not set'),
    };
  }
  // Compare digests so the comparison takes the same time whatever the lengths.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (timingSafeEqual(digest(presented), digest(adminToken))) return { actor: BOOTSTRAP };
  return { actor: ANONYMOUS, refusal: new ServiceError('unauthorized', '管理者トークンが正しくありません / Invalid administrator token') };
}

export function installActor(app: FastifyInstance, options: { adminToken?: string | undefined }): void {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request, reply) => {
    const { actor, refusal } = credentialOf(request.headers.authorization, options.adminToken);
    request.actor = actor;
    const action = request.routeOptions.config.action;
    if (action === undefined) return;
    try {
      authorize(contextOf(request), action);
    } catch (error) {
      // Closing the connection spares Node reading (and discarding) the body to keep it alive.
      reply.header('connection', 'close');
      throw refusal ?? error;
    }
  });
}
