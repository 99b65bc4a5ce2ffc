// Signing in and out (workflow.md, "Signing in"). A session lives in the database (several app
// instances share it), is found by the SHA-256 of its id, ends after 8 hours without use or
// 7 days after it began, and is a new id at every sign-in (the id a browser held before is
// dropped, so an id planted before sign-in is worth nothing after). Failed sign-ins are
// counted per login and per address; past the limits a sign-in is refused before its password
// is even checked, and no answer tells an unknown login from a wrong password.
import type { Context, UserActor } from './context.js';
import { ServiceError } from './errors.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { csrfToken, newSessionId, secretDigest } from './secrets.js';
import { userActor } from './user-actor.js';
import type { Store } from '../store/index.js';

export const IDLE_MS = 8 * 60 * 60 * 1000;
export const LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often: a write per request would queue behind imports. */
const TOUCH_MS = 5 * 60 * 1000;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const FAILURES_PER_LOGIN = 10;
export const FAILURES_PER_ADDRESS = 50;

const REFUSED = 'ログイン名またはパスワードが正しくありません / Wrong login or password';
const LIMITED = 'サインインの失敗が続いたため、しばらく受け付けません。15分ほど後に再度お試しください / Too many failed sign-ins: try again in about 15 minutes';

export interface SignIn {
  login: string;
  password: string;
  /** The client's address, for the per-address limit. */
  address: string;
  /** The session id the browser held before, if any: it ends here. */
  previousSessionId?: string | undefined;
}

export interface SignedIn {
  sessionId: string;
  csrf: string;
  actor: UserActor;
}

/** Anyone may try to sign in: the limits below, not a right, guard it. */
export async function signIn(ctx: Context, input: SignIn): Promise<SignedIn> {
  const org = await ctx.organization();
  const now = Date.now();
  const since = now - FAILURE_WINDOW_MS;
  const failures = ctx.store.signInFailures;
  if (
    (await failures.forLogin(org.id, input.login, since)) >= FAILURES_PER_LOGIN ||
    (await failures.forAddress(input.address, since)) >= FAILURES_PER_ADDRESS
  ) {
    throw new ServiceError('rate-limited', LIMITED, [], { retryAfter: FAILURE_WINDOW_MS / 1000 });
  }
  const user = await ctx.store.users.byLogin(org.id, input.login);
  const hash = user && user.disabled === 0 ? user.password_hash : null;
  const valid = hash ? await verifyPassword(input.password, hash) : await verifyNothing(input.password);
  if (!user || !valid) {
    await failures.record({ org_id: org.id, login: input.login, address: input.address, at: now });
    throw new ServiceError('unauthorized', REFUSED);
  }
  await failures.clearLogin(org.id, input.login);
  if (input.previousSessionId) await ctx.store.sessions.delete(secretDigest(input.previousSessionId));
  // Stale sessions and old failures go at each sign-in: no timer, and every instance helps.
  await ctx.store.sessions.deleteStale(now - IDLE_MS, now);
  await failures.deleteBefore(since);
  const sessionId = newSessionId();
  await ctx.store.sessions.insert({ id_hash: secretDigest(sessionId), user_id: user.id, created_at: now, last_seen_at: now, expires_at: now + LIFETIME_MS });
  return { sessionId, csrf: csrfToken(sessionId), actor: userActor(user) };
}

/** Ends the session; anyone holding its id may end it. */
export async function signOut(ctx: Context, sessionId: string | undefined): Promise<void> {
  if (sessionId) await ctx.store.sessions.delete(secretDigest(sessionId));
}

/** The user a session id stands for, if it is a live session of an enabled user. */
export async function sessionUser(store: Store, sessionId: string, now = Date.now()): Promise<UserActor | undefined> {
  const idHash = secretDigest(sessionId);
  const found = await store.sessions.withUser(idHash);
  if (!found) return undefined;
  const { session, user } = found;
  if (session.last_seen_at < now - IDLE_MS || session.expires_at <= now) {
    await store.sessions.delete(idHash);
    return undefined;
  }
  if (user.disabled !== 0) return undefined;
  if (now - session.last_seen_at > TOUCH_MS) await store.sessions.touch(idHash, now);
  return userActor(user);
}

export interface Me {
  login: string;
  role: UserActor['role'];
  organization: { code?: string; name: string };
  bureau?: string;
  division?: string;
}

/** Who is signed in (GET /api/v1/me). */
export async function me(ctx: Context): Promise<Me> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new ServiceError('unauthorized', 'サインインしていません / Not signed in');
  const org = await ctx.store.organizations.byId(actor.orgId);
  return {
    login: actor.login,
    role: actor.role,
    organization: { ...(org?.code != null && { code: org.code }), name: org?.name ?? '' },
    ...(actor.bureau !== undefined && { bureau: actor.bureau }),
    ...(actor.division !== undefined && { division: actor.division }),
  };
}
