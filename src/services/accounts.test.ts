import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/open.js';
import { buildDocument } from '../../test/factories.js';
import { importDocument } from './import.js';
import { ANONYMOUS, BOOTSTRAP, CLI, createContext, type Actor } from './context.js';
import { addUser, createToken, listUsers, revokeToken, setDisabled, setPassword, updateUser } from './users.js';
import { FAILURES_PER_LOGIN, IDLE_MS, me, sessionUser, signIn, signOut } from './sessions.js';
import { actorFor } from './actors.js';
import { secretDigest } from './secrets.js';

const PASSWORD = 'kitakyushu-2026';

describe.each(testStores())('accounts on $name', (factory) => {
  let store: Store;
  const as = (actor: Actor, orgRef?: string) => createContext(store, actor, orgRef);
  beforeEach(async () => {
    store = await factory.open();
    await importDocument(createContext(store, CLI), buildDocument());
    await importDocument(createContext(store, CLI), buildDocument({ organization: { name: '下関市', code: '352012' } }));
  });
  afterEach(async () => {
    await store.close();
  });

  it('adds users of one organization with a role and its scope; other organizations see none of them', async () => {
    await addUser(as(CLI, '401005'), { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(as(CLI, '401005'), { login: 'ritchi', role: 'division', bureau: '産業経済局', division: '企業立地支援課' });
    await addUser(as(CLI, '352012'), { login: 'kikaku', role: 'viewer' });
    const admin = await actorFor(store, { remoteAddress: '10.0.0.1', sessionId: (await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: PASSWORD, address: 'a' })).sessionId });
    expect((await listUsers(as(admin))).map((u) => [u.login, u.role, u.bureau, u.division])).toEqual([
      ['kikaku', 'admin', undefined, undefined],
      ['ritchi', 'division', '産業経済局', '企業立地支援課'],
    ]);
    // An admin of 北九州市 naming 下関市 manages nothing there.
    await expect(listUsers(as(admin, '352012'))).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(listUsers(as(ANONYMOUS, '401005'))).rejects.toMatchObject({ kind: 'unauthorized' });
    expect((await listUsers(as(BOOTSTRAP, '352012'))).map((u) => u.login)).toEqual(['kikaku']);
  });

  it.each([
    [{ login: 'x', role: 'chief' }, 'role'],
    [{ login: 'x', role: 'bureau' }, 'bureau'],
    [{ login: 'x', role: 'division', bureau: '産業経済局' }, 'division'],
    [{ login: 'x y', role: 'viewer' }, 'login'],
    [{ login: 'x', role: 'viewer', password: 'too short' }, 'password'],
  ])('refuses %j, naming %s', async (input, path) => {
    await expect(addUser(as(CLI, '401005'), input)).rejects.toMatchObject({ kind: 'invalid', problems: [{ path }] });
  });

  it('refuses a second user of the same login in one organization', async () => {
    await addUser(as(CLI, '401005'), { login: 'a', role: 'viewer' });
    await expect(addUser(as(CLI, '401005'), { login: 'a', role: 'admin' })).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('signs in with a new session each time, ends it at sign-out, and a stolen id is then worth nothing', async () => {
    await addUser(as(CLI, '401005'), { login: 'kikaku', role: 'admin', password: PASSWORD });
    const first = await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: PASSWORD, address: 'a' });
    const second = await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: PASSWORD, address: 'a', previousSessionId: first.sessionId });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await sessionUser(store, first.sessionId)).toBeUndefined();
    const actor = await sessionUser(store, second.sessionId);
    expect(await me(as(actor!))).toEqual({ login: 'kikaku', role: 'admin', organization: { code: '401005', name: '北九州市' } });
    await signOut(as(actor!), second.sessionId);
    expect(await sessionUser(store, second.sessionId)).toBeUndefined();
    await expect(me(as(ANONYMOUS))).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('ends a session idle for 8 hours, and one of a user disabled or given a new password', async () => {
    await addUser(as(CLI, '401005'), { login: 'kikaku', role: 'admin', password: PASSWORD });
    const signed = await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: PASSWORD, address: 'a' });
    expect(await sessionUser(store, signed.sessionId, Date.now() + IDLE_MS - 60_000)).toBeDefined();
    expect(await sessionUser(store, signed.sessionId, Date.now() + 2 * IDLE_MS)).toBeUndefined();
    const again = await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: PASSWORD, address: 'a' });
    await setPassword(as(CLI, '401005'), 'kikaku', 'another-long-password');
    expect(await sessionUser(store, again.sessionId)).toBeUndefined();
    const third = await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: 'another-long-password', address: 'a' });
    await setDisabled(as(CLI, '401005'), 'kikaku', true);
    expect(await sessionUser(store, third.sessionId)).toBeUndefined();
    await expect(signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: 'another-long-password', address: 'a' })).rejects.toMatchObject({ kind: 'unauthorized' });
    await setDisabled(as(CLI, '401005'), 'kikaku', false);
    expect((await signIn(as(ANONYMOUS, '401005'), { login: 'kikaku', password: 'another-long-password', address: 'a' })).actor.login).toBe('kikaku');
  });

  it('answers a wrong password and an unknown login alike, and refuses the eleventh try for that login', async () => {
    await addUser(as(CLI, '401005'), { login: 'kikaku', role: 'admin', password: PASSWORD });
    const attempt = (login: string, password: string, address = '192.0.2.1') => signIn(as(ANONYMOUS, '401005'), { login, password, address });
    const wrongPassword = await attempt('kikaku', 'wrong-password-1').catch((e: unknown) => e);
    const unknownLogin = await attempt('nobody', 'wrong-password-1').catch((e: unknown) => e);
    expect(wrongPassword).toMatchObject({ kind: 'unauthorized' });
    expect(unknownLogin).toMatchObject({ kind: 'unauthorized', message: (wrongPassword as Error).message });
    for (let i = 1; i < FAILURES_PER_LOGIN; i++) await expect(attempt('kikaku', `wrong-${i}-password`)).rejects.toMatchObject({ kind: 'unauthorized' });
    // The right password, from another address, is refused too: the login is locked for the window.
    await expect(attempt('kikaku', PASSWORD, '198.51.100.7')).rejects.toMatchObject({ kind: 'rate-limited', retryAfter: 900 });
    expect(await store.signInFailures.forLogin(1, 'kikaku', 0)).toBe(FAILURES_PER_LOGIN);
    // Twelve scrypt verifications of 128 MiB each: seconds on a busy two-core machine.
  }, 180_000);

  it('acts with a token as its user until it is revoked; the bootstrap token is an admin of every organization', async () => {
    await addUser(as(CLI, '401005'), { login: 'batch', role: 'division', bureau: '産業経済局', division: '企業立地支援課' });
    const { id, token } = await createToken(as(CLI, '401005'), 'batch', 'nightly');
    expect(await actorFor(store, { bearer: token, remoteAddress: 'x' })).toMatchObject({ kind: 'user', login: 'batch', role: 'division' });
    // The database keeps the token's digest, never the token.
    expect((await store.tokens.list(1)).map((t) => t.hash)).toEqual([secretDigest(token)]);
    expect(await actorFor(store, { bearer: 'secret', remoteAddress: 'x' }, { adminToken: 'secret' })).toBe(BOOTSTRAP);
    expect(await actorFor(store, { bearer: 'wrong', remoteAddress: 'x' }, { adminToken: 'secret' })).toBe(ANONYMOUS);
    await setDisabled(as(CLI, '401005'), 'batch', true);
    expect(await actorFor(store, { bearer: token, remoteAddress: 'x' })).toBe(ANONYMOUS);
    await setDisabled(as(CLI, '401005'), 'batch', false);
    await revokeToken(as(CLI, '401005'), 'batch', id);
    expect(await actorFor(store, { bearer: token, remoteAddress: 'x' })).toBe(ANONYMOUS);
    await expect(revokeToken(as(CLI, '401005'), 'batch', id)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('believes the proxy header only from a trusted address, and picks the organization named among several', async () => {
    await addUser(as(CLI, '401005'), { login: 'yamada', role: 'viewer' });
    const trusted = { trustedProxies: ['127.0.0.1'] };
    expect(await actorFor(store, { proxyUser: 'yamada', remoteAddress: '127.0.0.1' }, trusted)).toMatchObject({ login: 'yamada', orgId: 1 });
    expect(await actorFor(store, { proxyUser: 'yamada', remoteAddress: '10.1.1.1' }, trusted)).toBe(ANONYMOUS);
    expect(await actorFor(store, { proxyUser: 'yamada', remoteAddress: '127.0.0.1' })).toBe(ANONYMOUS);
    await addUser(as(CLI, '352012'), { login: 'yamada', role: 'admin' });
    expect(await actorFor(store, { proxyUser: 'yamada', remoteAddress: '127.0.0.1' }, trusted)).toBe(ANONYMOUS);
    expect(await actorFor(store, { proxyUser: 'yamada', remoteAddress: '127.0.0.1', orgRef: '352012' }, trusted)).toMatchObject({ role: 'admin' });
  });

  it('changes a role and scope, signing the user out', async () => {
    await addUser(as(CLI, '401005'), { login: 'u', role: 'viewer', password: PASSWORD });
    const signed = await signIn(as(ANONYMOUS, '401005'), { login: 'u', password: PASSWORD, address: 'a' });
    expect(await updateUser(as(CLI, '401005'), 'u', { role: 'bureau', bureau: '産業経済局' })).toMatchObject({ role: 'bureau', bureau: '産業経済局' });
    expect(await sessionUser(store, signed.sessionId)).toBeUndefined();
    await expect(updateUser(as(CLI, '401005'), 'u', { role: 'division' })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(updateUser(as(CLI, '401005'), 'nobody', { role: 'viewer' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
