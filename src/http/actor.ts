// Who each request is, settled once in an onRequest hook (services/actors.ts decides): a
// Bearer token, the login a trusted proxy names, or the session cookie; anyone else is
// anonymous. A request signed in by its cookie also gets the CSRF token of its session, and a
// request that would change something on the strength of that cookie must present it (the
// `_csrf` field of a form, or the X-CSRF-Token header): a page of another site can make a
// browser send the cookie, never read the token.
//
// A route whose use case needs more than reading names its action (`config: { action }`) and
// is refused here, on its headers, when the service would refuse it whatever the body: an
// anonymous upload costs nothing but its headers. A signed-in user's rights depend on the
// records the body names (organization, bureau, division), so the service alone decides them;
// the services check on their first line in every case.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor, type ActorSettings } from '../services/actors.js';
import { authorize, type Action } from '../services/authorization.js';
import { ANONYMOUS, type Actor } from '../services/context.js';
import { ServiceError } from '../services/errors.js';
import { API_TOKEN_PREFIX, csrfToken, sameSecret } from '../services/secrets.js';
import { contextOf } from './context.js';

export const SESSION_COOKIE = 'hyoka_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The session cookie's id when the request is signed in by it. */
    sessionId: string | undefined;
    /** The CSRF token of that session, for the forms a page prints. */
    csrf: string | undefined;
  }
  interface FastifyContextConfig {
    /** The action of the route's use case, checked before the body is read. */
    action?: Action;
  }
}

export interface ActorOptions extends ActorSettings {
  /** HYOKA_AUTH_HEADER: the header in which a trusted proxy names the signed-in login. */
  authHeader?: string | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installActor(app: FastifyInstance, options: ActorOptions): void {
  // Set by the hook below before any route runs; a reference type may not be a decoration's default.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('csrf', undefined);
  const authHeader = options.authHeader?.toLowerCase();
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const sessionId = cookie(request, SESSION_COOKIE);
    const proxyUser = authHeader ? request.headers[authHeader] : undefined;
    const presented = bearer(request.headers.authorization);
    request.actor = await actorFor(
      app.store,
      {
        bearer: presented,
        sessionId,
        proxyUser: typeof proxyUser === 'string' ? proxyUser : undefined,
        remoteAddress: request.socket.remoteAddress ?? '',
        orgRef: orgParameter(request.url),
      },
      options,
    );
    if (request.actor.kind === 'user' && sessionId && !request.headers.authorization && !proxyUser) {
      request.sessionId = sessionId;
      request.csrf = csrfToken(sessionId);
    }
    const action = request.routeOptions.config.action;
    // A user's rights depend on the record (their organization, bureau, division): the
    // service decides, once it knows it. Headers settle the rest.
    if (action === undefined || request.actor.kind === 'user') return;
    try {
      authorize(contextOf(request), action);
    } catch (error) {
      // Closing the connection spares Node reading (and discarding) the body to keep it alive.
      reply.header('connection', 'close');
      throw tokenRefusal(presented, request.actor, options.adminToken) ?? error;
    }
  });
  // After the body is parsed, so a form's _csrf field can be read; before any route's work.
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.csrf === undefined) return;
    const presented = request.headers['x-csrf-token'] ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
    if (!sameSecret(typeof presented === 'string' ? presented : undefined, request.csrf)) {
      throw new ServiceError('forbidden', 'フォームの有効期限が切れました。ページを読み込み直してください / The form has expired (CSRF token missing or wrong): reload the page');
    }
  });
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${request.protocol === 'https' ? '; Secure' : ''}`);
}

export function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/** Why a bearer token presented was not taken, when it names nobody. */
function tokenRefusal(presented: string | undefined, actor: Actor, adminToken: string | undefined): ServiceError | undefined {
  if (presented === undefined || actor.kind !== 'anonymous') return undefined;
  if (!adminToken && !presented.startsWith(API_TOKEN_PREFIX)) {
    return new ServiceError('forbidden', '取込みは無効です（HYOKA_ADMIN_TOKEN が未設定） / Import is disabled: HYOKA_ADMIN_TOKEN is not set');
  }
  return new ServiceError('unauthorized', '管理者トークンまたは API トークンが正しくありません / Invalid administrator or API token');
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function orgParameter(url: string): string | undefined {
  const at = url.indexOf('?');
  return at < 0 ? undefined : (new URLSearchParams(url.slice(at + 1)).get('org') ?? undefined);
}
