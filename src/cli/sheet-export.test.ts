// `hyoka export --format xlsx --division NAME`: a division's own PDCA sheet, the workbook it
// fills in and imports back with `hyoka import FILE --mode update` — one worksheet of its rows,
// with the hidden keys.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKeysSheet, readKeys } from '../interchange/xlsx/sheet-keys.js';
import { cli } from './test-cli.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-sheet-'));
  db = join(dir, 'hyoka.sqlite');
  expect((await cli('import', DEMO.pathname, '--db', db)).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hyoka export --format xlsx --division', () => {
  it('writes one sheet of the division’s rows and their keys', async () => {
    const file = join(dir, 'kokusai.xlsx');
    const result = await cli('export', '--format', 'xlsx', '--division', '国際政策課', '--out', file, '--db', db);
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name)).toEqual(['PDCAシート']);
    const keys = readKeys(findKeysSheet(workbook)!, [])!;
    const ws = workbook.getWorksheet('PDCAシート')!;
    expect(new Set(keys.rows.map((key) => ws.getCell(`E${key.first}`).value))).toEqual(new Set(['国際政策課']));
    expect(new Set(keys.rows.map((key) => key.project))).toEqual(
      new Set(['agi-subsidy', 'tabunka', 'one-stop-center', 'east-asia-organization', 'international-exchange', 'asean-cities', 'overseas-network', 'china-business-office']),
    );
  });

  it('imports the filled-in sheet back as an update: the dry run lists the typed value by its cell, a changed 達成率 is refused by its address', async () => {
    const file = join(dir, 'filled.xlsx');
    expect((await cli('export', '--format', 'xlsx', '--division', '国際政策課', '--out', file, '--db', db)).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const top = readKeys(findKeysSheet(workbook)!, [])!.rows.find((key) => key.project === 'china-business-office')!.first;
    const ws = workbook.getWorksheet('PDCAシート')!;
    ws.getCell(`J${top + 1}`).value = 95;
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const preview = await cli('import', file, '--mode', 'update', '--dry-run', '--db', db);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain(`projects/china-business-office/indicators/office-contribution/periods/2021/actual [PDCAシート!J${top + 1}]: 91.6 → 95`);
    ws.getCell(`J${top + 2}`).value = '1%';
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const refused = await cli('import', file, '--mode', 'update', '--db', db);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`PDCAシート!J${top + 2}`);
  });
});
