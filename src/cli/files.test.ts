// import and export in every format through the CLI, on a real SQLite file with the demo
// data: files written, read back, and the same data found again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { requirePackage } from '../../test/requires.js';
import { loadDemoIfEmpty } from '../services/demo.js';
import { openStore } from '../store/open.js';
import { cli } from './test-cli.js';
import { testContext } from '../services/test-context.js';
import { CLI } from '../services/context.js';

const SEED = new URL('../../data/kitakyushu.sheet.txt', import.meta.url);
const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-files-'));
  db = join(dir, 'hyoka.sqlite');
  const imported = await cli('import', DEMO.pathname, '--db', db);
  expect(imported.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The counts line of one record kind in an import report: [added, updated, removed, unchanged]. */
function counts(report: string, kind: string): number[] {
  const line = report.split('\n').find((l) => l.trim().startsWith(`${kind} `));
  return (line ?? '').trim().split(/\s+/).slice(1).map(Number);
}

describe('hyoka export/import in other formats', () => {
  it('writes the data workbook and reads it back as the same data (nothing to change)', async () => {
    const file = join(dir, 'data.xlsx');
    expect((await cli('export', '--format', 'xlsx-data', '--out', file, '--db', db)).status).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    const back = await cli('import', file, '--dry-run', '--db', db);
    expect(back.status).toBe(0);
    expect(counts(back.stdout, 'projects')).toEqual([0, 0, 0, 21]);
    expect(counts(back.stdout, 'periods')).toEqual([0, 0, 0, expect.any(Number)]);
  });

  it('writes the PDCA sheet workbook and the blank template', async () => {
    for (const format of ['xlsx', 'xlsx-template']) {
      const file = join(dir, `${format}.xlsx`);
      expect((await cli('export', '--format', format, '--out', file, '--db', db)).status).toBe(0);
      expect(readFileSync(file).length).toBeGreaterThan(5000);
    }
  });

  it('writes the periods CSV in CP932 and reads it back unchanged', async () => {
    const file = join(dir, 'periods.csv');
    expect((await cli('export', '--format', 'csv', '--encoding', 'cp932', '--out', file, '--db', db)).status).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(new TextDecoder('shift_jis').decode(bytes)).toContain('市民の「多文化共生」という言葉の認知度');
    const back = await cli('import', file, '--dry-run', '--db', db);
    expect(back.status).toBe(0);
    expect(counts(back.stdout, 'periods').slice(0, 3)).toEqual([0, 0, 0]);
  });

  it('refuses a CSV with a bad value, naming its line and column, and writes nothing', async () => {
    const good = readFileSync(join(dir, 'periods.csv'));
    const text = new TextDecoder('shift_jis').decode(good).split('\r\n');
    const header = text[0]!.split(',');
    const column = header.indexOf('年度');
    const cells = text[1]!.split(',');
    cells[column] = '来年';
    text[1] = cells.join(',');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `\ufeff${text.join('\r\n')}`);
    const result = await cli('import', file, '--db', db);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/2行目 [A-Z]+列「年度」/);
  });

  it('writes the open data of a fiscal year as a zip', async () => {
    const file = join(dir, 'open.zip');
    expect((await cli('export', '--format', 'open-data', '--fiscal-year', 'R3年度', '--out', file, '--db', db)).status).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reads a published sheet into a draft, with its report', async () => {
    const out = join(dir, 'draft.json');
    const result = await cli('import', SEED.pathname, '--format', 'sheet-text', '--org', '北九州市', '--bureau', '企画調整局', '--out', out, '--db', db);
    expect(result.status).toBe(0);
    const draft = JSON.parse(readFileSync(out, 'utf8'));
    expect(draft.organization.name).toBe('北九州市');
    expect(draft.projects.flatMap((p: { placements: unknown[] }) => p.placements)).toHaveLength(34);
    const preview = await cli('import', SEED.pathname, '--org', '北九州市', '--dry-run', '--db', db);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('Dry run');
  });

  it('lists each changed value of a dry run (path, line, before → after), in the mode asked', async () => {
    const budgets = join(dir, 'budgets.csv');
    expect((await cli('export', '--format', 'csv-budgets', '--out', budgets, '--db', db)).status).toBe(0);
    const lines = readFileSync(budgets, 'utf8').split('\r\n');
    const index = lines.findIndex((line) => line.includes(',tabunka,') && line.includes(',2023,'));
    lines[index] = lines[index]!.replace(/,2023,令和5年度,\d+,/, ',2023,令和5年度,777,');
    writeFileSync(budgets, lines.join('\r\n'));
    const preview = await cli('import', budgets, '--mode', 'update', '--dry-run', '--db', db);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toMatch(new RegExp(`projects/tabunka/budgets/2023/amount \\[${index + 1}行目 / line ${index + 1}\\]: \\d+ → 777`));
    expect((await cli('import', budgets, '--mode', 'merge', '--dry-run', '--db', db)).stderr).toContain('not merge');
    expect((await cli('import', budgets, '--mode', 'sideways', '--db', db)).status).toBe(2);
    // The sheet of the demo, merged: the demo's keys kept, only real differences listed.
    const sheet = await cli('import', SEED.pathname, '--format', 'sheet-text', '--mode', 'merge', '--org', '北九州市', '--bureau', '企画調整局', '--dry-run', '--db', db);
    expect(sheet.stdout).toContain('projects/tabunka/indicators/kurashi/decimals: 1 → —');
    expect(sheet.stdout).not.toMatch(/projects\/p\d+/);
  });

  it('explains bad options with exit status 2', async () => {
    expect((await cli('export', '--format', 'docx', '--db', db)).status).toBe(2);
    expect((await cli('export', '--format', 'xlsx', '--db', db)).stderr).toContain('--out');
    expect((await cli('export', '--format', 'csv', '--encoding', 'latin1', '--db', db)).status).toBe(2);
    expect((await cli('import', SEED.pathname, '--format', 'pdf', '--db', db)).status).toBe(2);
  });
});

const chromium = requirePackage('chromium');
describe.skipIf(!chromium.available)(`hyoka export --format pdf ${chromium.label}`, () => {
  it('prints the sheet to an A3 PDF', async () => {
    const file = join(dir, 'sheet.pdf');
    // The sheet as readers see it: the demo as loaded, published.
    const published = join(dir, 'published.sqlite');
    const store = await openStore({ sqlitePath: published });
    await loadDemoIfEmpty(testContext(store));
    await store.close();
    const result = await cli('export', '--format', 'pdf', '--out', file, '--db', published);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('says why a page could not be printed: its log line, then the error', async () => {
    const broken = join(dir, 'broken.sqlite');
    const store = await openStore({ sqlitePath: broken });
    await loadDemoIfEmpty(testContext(store));
    await sql`drop table publications`.execute(store.handles.db);
    await store.close();
    const result = await cli('export', '--format', 'pdf', '--out', join(dir, 'broken.pdf'), '--db', broken);
    expect(result.status).toBe(1);
    const [logLine, ...rest] = result.stderr.trim().split('\n');
    expect(JSON.parse(logLine!)).toMatchObject({ status: 500, path: '/sheet', error: { message: 'no such table: publications' } });
    expect(rest.join('\n')).toContain('Cannot render /sheet: HTTP 500');
  }, 60_000);
});
