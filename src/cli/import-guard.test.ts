// hyoka import refuses, with exit status 2, a file that would empty the organization: an
// empty or unreadable sheet text always, a document without most of its projects unless
// --allow-removals is given; --dry-run shows what would go.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './test-cli.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-guard-'));
  db = join(dir, 'hyoka.sqlite');
  expect((await cli('import', DEMO.pathname, '--db', db)).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const projectsLine = async () => (await cli('import', DEMO.pathname, '--dry-run', '--db', db)).stdout.split('\n').find((l) => l.trim().startsWith('projects '));

describe('hyoka import and large removals', () => {
  it('refuses an empty sheet text with exit status 2, saying what it could not read', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    for (const extra of [[], ['--allow-removals']]) {
      const result = await cli('import', empty, '--format', 'sheet-text', '--org', '北九州市', '--bureau', '企画調整局', ...extra, '--db', db);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('事業の行を一つも読めませんでした');
      expect(result.stderr).toContain('no row (a project line with a No.) could be read');
    }
    expect(await projectsLine()).toMatch(/^\s*projects\s+0\s+0\s+0\s+21$/);
  });

  it('refuses a document without the organization’s projects unless --allow-removals is given', async () => {
    const emptied = join(dir, 'emptied.json');
    writeFileSync(emptied, JSON.stringify({ format: 'hyoka/1', organization: { name: '北九州市', code: '401005' }, policies: [], projects: [] }));
    const refused = await cli('import', emptied, '--db', db);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('21 of 21 projects would be removed');
    expect(await projectsLine()).toMatch(/\s21$/);

    const preview = await cli('import', emptied, '--dry-run', '--db', db);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('This import removes 21 of 21 projects and 22 of 22 policies of 北九州市');

    const allowed = await cli('import', emptied, '--allow-removals', '--db', db);
    expect(allowed.status).toBe(0);
    expect(await projectsLine()).toMatch(/^\s*projects\s+21\s+0\s+0\s+0$/);
  });
});
