// The secrets of accounts: session ids and API tokens are random, handed out once and stored
// only as their SHA-256, so that a copy of the database signs nobody in. The CSRF token of a
// form is an HMAC keyed with the session id: only who holds the (HttpOnly) cookie can know it,
// every app instance computes the same one, and nothing more is stored.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_TOKEN_PREFIX = 'hyk_';

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a session id or a token. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function csrfToken(sessionId: string): string {
  return createHmac('sha256', sessionId).update('hyoka csrf').digest('base64url');
}

/** Compares two secrets in a time that does not depend on where they differ, nor on their lengths. */
export function sameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
