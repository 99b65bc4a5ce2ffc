// hyoka user … against a real SQLite file: the password from standard input, never echoed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { actorFor } from '../services/actors.js';
import { cli, cliWithInput } from './test-cli.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url).pathname;
const PASSWORD = 'kitakyushu-planning-2026';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-users-'));
  db = join(dir, 'h.sqlite');
  expect((await cli('import', DEMO, '--db', db)).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hyoka user', () => {
  it('adds users with their password from standard input, lists, disables and enables them', async () => {
    const added = await cliWithInput({}, `${PASSWORD}\n`, 'user', 'add', 'kikaku', '--role', 'admin', '--db', db);
    expect(added).toMatchObject({ status: 0, stdout: '追加しました / Added: kikaku\tadmin\n' });
    expect(added.stdout + added.stderr).not.toContain(PASSWORD);
    expect((await cliWithInput({}, '', 'user', 'add', 'ritchi', '--role', 'division', '--bureau', '産業経済局', '--division', '企業立地支援課', '--db', db)).status).toBe(0);
    expect((await cli('user', 'disable', 'ritchi', '--db', db)).stdout).toBe('ritchi\tdivision\t産業経済局 企業立地支援課\t無効 / disabled\n');
    expect((await cli('user', 'list', '--db', db)).stdout).toBe('kikaku\tadmin\nritchi\tdivision\t産業経済局 企業立地支援課\t無効 / disabled\n');
    expect((await cli('user', 'enable', 'ritchi', '--db', db)).stdout).toBe('ritchi\tdivision\t産業経済局 企業立地支援課\n');
  });

  it('refuses a short password, a missing scope and an unknown user, as invalid input or failure', async () => {
    const short = await cliWithInput({}, 'short\n', 'user', 'add', 'x', '--role', 'viewer', '--db', db);
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/12文字以上.*at least 12/);
    expect((await cli('user', 'add', 'y', '--role', 'bureau', '--db', db)).stderr).toContain('--bureau');
    expect((await cliWithInput({}, `${PASSWORD}\n`, 'user', 'password', 'nobody', '--db', db)).status).toBe(1);
    expect((await cli('user', 'frobnicate', 'x', '--db', db)).status).toBe(1);
  });

  it('prints a token that acts as its user, and revokes it', async () => {
    await cliWithInput({}, '', 'user', 'add', 'batch', '--role', 'viewer', '--db', db);
    const issued = await cli('user', 'token', 'batch', '--label', 'nightly', '--db', db);
    expect(issued.status).toBe(0);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^hyk_/);
    const id = /Token (\d+)/.exec(issued.stderr)?.[1];
    const store = await openStore({ sqlitePath: db });
    try {
      expect(await actorFor(store, { bearer: token, remoteAddress: 'x' })).toMatchObject({ login: 'batch', role: 'viewer' });
      expect((await cli('user', 'token', 'batch', '--revoke', id!, '--db', db)).status).toBe(0);
      expect(await actorFor(store, { bearer: token, remoteAddress: 'x' })).toEqual({ kind: 'anonymous' });
    } finally {
      await store.close();
    }
  });
});
