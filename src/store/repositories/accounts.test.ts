import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../open.js';
import { testStores } from '../test-stores.js';

async function organization(store: Store, id: number): Promise<number> {
  await store.handles.db
    .insertInto('organizations')
    .values({ id, code: `40${id}`, name: `市${id}`, plan: null, settings: null, extra: null, document_extra: null, empty_lists: null })
    .execute();
  return id;
}

const user = (orgId: number, login: string) => ({
  org_id: orgId,
  login,
  role: 'division',
  bureau: '産業経済局',
  division: '企業立地支援課',
  password_hash: null,
  disabled: 0,
  created_at: 1,
  updated_at: 1,
});

describe.each(testStores())('account repositories on $name', (factory) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('keeps logins unique within an organization, not across them', async () => {
    store = await factory.open();
    const [a, b] = [await organization(store, 1), await organization(store, 2)];
    const id = await store.users.insert(user(a, 'tanaka'));
    await store.users.insert(user(b, 'tanaka'));
    await expect(store.users.insert(user(a, 'tanaka'))).rejects.toThrow();
    expect((await store.users.byLogin(a, 'tanaka'))?.id).toBe(id);
    expect((await store.users.everyWithLogin('tanaka')).map((u) => u.org_id)).toEqual([a, b]);
    expect((await store.users.list(b)).map((u) => u.login)).toEqual(['tanaka']);
    await store.users.update(id, { disabled: 1, updated_at: 2 });
    expect((await store.users.byId(id))?.disabled).toBe(1);
  });

  it('refuses a role outside the four', async () => {
    store = await factory.open();
    const org = await organization(store, 1);
    await expect(store.users.insert({ ...user(org, 'x'), role: 'superuser' })).rejects.toThrow();
  });

  it('finds a session with its user, and loses it on deletion, staleness or the user going', async () => {
    store = await factory.open();
    const org = await organization(store, 1);
    const userId = await store.users.insert(user(org, 'sato'));
    await store.sessions.insert({ id_hash: 'h1', user_id: userId, created_at: 100, last_seen_at: 100, expires_at: 1000 });
    await store.sessions.insert({ id_hash: 'h2', user_id: userId, created_at: 100, last_seen_at: 100, expires_at: 1000 });
    const found = await store.sessions.withUser('h1');
    expect(found?.user.login).toBe('sato');
    expect(found?.session).toEqual({ id_hash: 'h1', user_id: userId, created_at: 100, last_seen_at: 100, expires_at: 1000 });
    await store.sessions.touch('h1', 500);
    expect((await store.sessions.withUser('h1'))?.session.last_seen_at).toBe(500);
    await store.sessions.deleteStale(200, 300);
    expect(await store.sessions.withUser('h2')).toBeUndefined();
    expect(await store.sessions.withUser('h1')).toBeDefined();
    await store.sessions.delete('h1');
    expect(await store.sessions.withUser('h1')).toBeUndefined();
    await store.sessions.insert({ id_hash: 'h3', user_id: userId, created_at: 100, last_seen_at: 100, expires_at: 1000 });
    await store.sessions.deleteForUser(userId);
    expect(await store.sessions.withUser('h3')).toBeUndefined();
  });

  it('answers a token until it is revoked, and only its own user may revoke it', async () => {
    store = await factory.open();
    const org = await organization(store, 1);
    const owner = await store.users.insert(user(org, 'suzuki'));
    const other = await store.users.insert(user(org, 'ito'));
    const id = await store.tokens.insert({ hash: 'th', user_id: owner, label: 'batch', created_at: 1 });
    expect((await store.tokens.activeWithUser('th'))?.user.login).toBe('suzuki');
    expect(await store.tokens.revoke(other, id, 5)).toBe(false);
    expect(await store.tokens.revoke(owner, id, 5)).toBe(true);
    expect(await store.tokens.revoke(owner, id, 6)).toBe(false);
    expect(await store.tokens.activeWithUser('th')).toBeUndefined();
    expect((await store.tokens.list(owner)).map((t) => t.revoked_at)).toEqual([5]);
  });

  it('counts failed sign-ins per login and per address within a window', async () => {
    store = await factory.open();
    const org = await organization(store, 1);
    for (const at of [10, 20, 30]) await store.signInFailures.record({ org_id: org, login: 'a', address: '10.0.0.1', at });
    await store.signInFailures.record({ org_id: org, login: 'b', address: '10.0.0.1', at: 40 });
    expect(await store.signInFailures.forLogin(org, 'a', 15)).toBe(2);
    expect(await store.signInFailures.forAddress('10.0.0.1', 0)).toBe(4);
    await store.signInFailures.clearLogin(org, 'a');
    expect(await store.signInFailures.forLogin(org, 'a', 0)).toBe(0);
    expect(await store.signInFailures.forAddress('10.0.0.1', 0)).toBe(1);
    await store.signInFailures.deleteBefore(100);
    expect(await store.signInFailures.forAddress('10.0.0.1', 0)).toBe(0);
  });
});
