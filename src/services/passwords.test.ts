import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { csrfToken, newApiToken, newSessionId, sameSecret, secretDigest } from './secrets.js';

describe('passwords', () => {
  it('hashes with scrypt, self-describing and salted per hash, never holding the password', async () => {
    const password = 'correct horse battery';
    const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(first).toMatch(/^\$scrypt\$N=131072,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(password);
    expect(await verifyPassword(password, first)).toBe(true);
    expect(await verifyPassword('correct horse battery!', first)).toBe(false);
    expect(await verifyPassword(password, 'plain text')).toBe(false);
  });

  it('takes a password typed in full-width characters as the same password (NFKC)', async () => {
    const stored = await hashPassword('Passw0rd-2026');
    expect(await verifyPassword('Ｐａｓｓｗ０ｒｄ－２０２６', stored)).toBe(true);
  });

  it('wants at least 12 characters, counted after NFKC', () => {
    expect(passwordProblem('short')).toMatch(/12文字以上.*at least 12/);
    expect(passwordProblem('１２３４５６７８９０１')).toBeDefined();
    expect(passwordProblem('これは十二文字の合言葉です')).toBeUndefined();
  });
});

describe('secrets', () => {
  it('hands out random session ids and hyk_ tokens, kept as SHA-256', () => {
    const token = newApiToken();
    expect(token).toMatch(/^hyk_[\w-]{43}$/);
    expect(newApiToken()).not.toBe(token);
    expect(newSessionId()).toMatch(/^[\w-]{43}$/);
    expect(secretDigest(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretDigest(token)).not.toContain(token.slice(4, 20));
  });

  it('derives one CSRF token per session, unguessable from another', () => {
    const session = newSessionId();
    expect(csrfToken(session)).toBe(csrfToken(session));
    expect(csrfToken(newSessionId())).not.toBe(csrfToken(session));
    expect(sameSecret(csrfToken(session), csrfToken(session))).toBe(true);
    expect(sameSecret(undefined, csrfToken(session))).toBe(false);
    expect(sameSecret('x', csrfToken(session))).toBe(false);
  });
});
