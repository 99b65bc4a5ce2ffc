// Who a request is (workflow.md, "Signing in"), from what it presents, in this order: a Bearer
// token (the bootstrap HYOKA_ADMIN_TOKEN, or a user's hyk_ token), the login a trusted proxy
// names (HYOKA_AUTH_HEADER, believed only from HYOKA_TRUSTED_PROXY addresses), the session
// cookie. Anything unknown, revoked, expired or of a disabled user is anonymous: the request
// then gets what anyone gets, and a 401 where that is not enough.
import { ANONYMOUS, BOOTSTRAP, type Actor, type UserActor } from './context.js';
import { userActor } from './user-actor.js';
import { API_TOKEN_PREFIX, sameSecret, secretDigest } from './secrets.js';
import { sessionUser } from './sessions.js';
import { resolveOrganization } from './organizations.js';
import type { Store } from '../store/index.js';

export interface Presented {
  /** The Authorization header's Bearer value. */
  bearer?: string | undefined;
  /** The session cookie's value. */
  sessionId?: string | undefined;
  /** The value of HYOKA_AUTH_HEADER, if the request carries it. */
  proxyUser?: string | undefined;
  remoteAddress: string;
  /** The organization the request names (?org=), to tell apart one login in several organizations. */
  orgRef?: string | undefined;
}

export interface ActorSettings {
  /** HYOKA_ADMIN_TOKEN. */
  adminToken?: string | undefined;
  /** HYOKA_TRUSTED_PROXY: the addresses whose HYOKA_AUTH_HEADER is believed. */
  trustedProxies?: readonly string[] | undefined;
}

export async function actorFor(store: Store, presented: Presented, settings: ActorSettings = {}): Promise<Actor> {
  if (presented.bearer !== undefined) {
    if (settings.adminToken && sameSecret(presented.bearer, settings.adminToken)) return BOOTSTRAP;
    if (presented.bearer.startsWith(API_TOKEN_PREFIX)) return (await tokenUser(store, presented.bearer)) ?? ANONYMOUS;
    return ANONYMOUS;
  }
  if (presented.proxyUser && settings.trustedProxies?.includes(presented.remoteAddress)) {
    return (await proxyUser(store, presented.proxyUser, presented.orgRef)) ?? ANONYMOUS;
  }
  if (presented.sessionId) return (await sessionUser(store, presented.sessionId)) ?? ANONYMOUS;
  return ANONYMOUS;
}

async function tokenUser(store: Store, token: string): Promise<UserActor | undefined> {
  const found = await store.tokens.activeWithUser(secretDigest(token));
  if (!found || found.user.disabled !== 0) return undefined;
  await store.tokens.touch(found.tokenId, Date.now());
  return userActor(found.user);
}

/** A login in one organization, or in the one the request names. */
async function proxyUser(store: Store, login: string, orgRef: string | undefined): Promise<UserActor | undefined> {
  const users = (await store.users.everyWithLogin(login)).filter((user) => user.disabled === 0);
  if (users.length === 1) return userActor(users[0]!);
  if (orgRef === undefined) return undefined;
  const org = await resolveOrganization(store, orgRef).catch(() => undefined);
  const user = org && users.find((u) => u.org_id === org.id);
  return user && userActor(user);
}
