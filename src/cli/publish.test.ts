// hyoka publish --static through the command line: the summary tells what was written, and
// the command refuses a directory that already holds files.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './test-cli.js';
import { openStore } from '../store/open.js';
import { publishYears } from '../../test/publish.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url).pathname;

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-publish-'));
  db = join(dir, 'hyoka.sqlite');
  expect((await cli('import', DEMO, '--db', db)).status).toBe(0);
  // What the static site shows is what is published.
  const store = await openStore({ sqlitePath: db });
  await publishYears(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('hyoka publish --static', () => {
  it('writes the site and says how many files, how many bytes and where to start', async () => {
    const out = join(dir, 'site');
    const run = await cli('publish', '--static', out, '--db', db);
    // Progress only, on stderr.
    expect(run.stderr).toMatch(/^(… \d+ ファイル \/ files, [\d.]+ MB\n)+$/);
    expect(run.status).toBe(0);
    const files = filesUnder(out);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(run.stdout).toContain('1 団体 / organization(s): 北九州市');
    expect(run.stdout).toContain(`  ${files.length} ファイル / files, `);
    expect(run.stdout).toContain(`(${bytes} bytes)`);
    expect(run.stdout).toContain(`入口 / start: ${join(out, 'index.html')}`);
  });

  it('refuses a directory that holds files, and a call without --static', async () => {
    const taken = await cli('publish', '--static', dir, '--db', db);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('is not empty');
    const bare = await cli('publish', '--db', db);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('--static DIR');
  });
});
