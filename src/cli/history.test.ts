// hyoka history against a real SQLite file: a project's changes saved through the write path,
// and the organization's, newest first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { CLI, createContext } from '../services/context.js';
import { projectForEdit, saveProjects } from '../services/editing.js';
import { cli } from './test-cli.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url).pathname;

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-history-'));
  db = join(dir, 'h.sqlite');
  expect((await cli('import', DEMO, '--db', db)).status).toBe(0);
  const store = await openStore({ sqlitePath: db });
  try {
    const ctx = createContext(store, CLI);
    const { project, version } = await projectForEdit(ctx, 'teiju-iju');
    await saveProjects(ctx, [{ key: 'teiju-iju', project: { ...project, summary: '書き換えた概要' }, ifMatch: version }], { channel: 'form', comment: '確認済み' });
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hyoka history', () => {
  it('prints a project’s changes: time, who, channel, path, before → after, comment', async () => {
    const run = await cli('history', 'teiju-iju', '--db', db);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\tcli\tform\tprojects\/teiju-iju\/summary\t"北九州市まち.*" → "書き換えた概要"\t確認済み\n$/);
    expect(JSON.parse((await cli('history', 'teiju-iju', '--json', '--db', db)).stdout)).toMatchObject([{ actor: 'cli', channel: 'form', path: 'projects/teiju-iju/summary', after: '書き換えた概要' }]);
  });

  it('prints the organization’s recent changes without a key, newest first, and refuses a bad --limit', async () => {
    const lines = (await cli('history', '--db', db)).stdout.trim().split('\n');
    expect(lines.map((line) => line.split('\t').slice(1, 4))).toEqual([
      ['cli', 'form', 'projects/teiju-iju/summary'],
      ['cli', 'import', ''],
    ]);
    expect((await cli('history', '--limit', '1', '--db', db)).stdout.trim().split('\n')).toHaveLength(1);
    expect((await cli('history', '--limit', 'x', '--db', db)).status).toBe(2);
    expect((await cli('history', 'no-such-project', '--db', db)).stdout).toBe('');
  });
});

describe('hyoka import --mode merge', () => {
  it('merges a file of one project, leaving the others, and refuses an unknown mode', async () => {
    const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as { projects: { key: string; summary?: string }[] };
    // A merge file is a valid document on its own: the policies its rows name come with it.
    const one = { ...demo, policyEvaluations: [], projects: [{ ...demo.projects.find((p) => p.key === 'tabunka')!, summary: 'マージした概要' }] };
    const file = join(dir, 'one.json');
    writeFileSync(file, JSON.stringify(one));
    expect((await cli('import', file, '--mode', 'merge', '--db', db)).status).toBe(0);
    const exported = JSON.parse((await cli('export', '--db', db)).stdout) as { projects: { key: string; summary?: string }[] };
    expect(exported.projects).toHaveLength(demo.projects.length);
    expect(exported.projects.find((p) => p.key === 'tabunka')!.summary).toBe('マージした概要');
    expect(exported.projects.find((p) => p.key === 'teiju-iju')!.summary).toBe('書き換えた概要');
    expect((await cli('history', 'tabunka', '--db', db)).stdout).toMatch(/\tcli\timport\tprojects\/tabunka\/summary\t/);
    expect((await cli('import', file, '--mode', 'sideways', '--db', db)).status).toBe(2);
  });
});
