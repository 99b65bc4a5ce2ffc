// The exported workbooks open in LibreOffice: converted headless to CSV (one file per sheet),
// their values are found where the sheet puts them; and a data workbook saved again by
// LibreOffice imports as the same document, and a PDCA sheet saved again reads back as no change.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePackage } from '../../../test/requires.js';
import { writeDataWorkbook } from './data-workbook.js';
import { readWorkbook } from './read-workbook.js';
import { writePdcaWorkbook } from './pdca-sheet.js';
import { readSheetUpdate } from './sheet-update.js';
import { comparable, computed, demoDocument, richDocument } from './test-support.js';

const gate = requirePackage('libreoffice');
// Every sheet to its own CSV (the last field, -1), UTF-8 (76), cells as shown (#,##0 → 2,665,000).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

describe.skipIf(!gate.available)(`the exported workbooks in LibreOffice ${gate.label}`, () => {
  let dir: string;
  const csv = (file: string) => readFileSync(join(dir, 'out', file), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hyoka-xlsx-lo-'));
    const doc = computed(demoDocument());
    writeFileSync(join(dir, 'pdca.xlsx'), await writePdcaWorkbook(doc));
    writeFileSync(join(dir, 'data.xlsx'), await writeDataWorkbook(doc));
    writeFileSync(join(dir, 'rich.xlsx'), await writeDataWorkbook(computed(richDocument())));
    const soffice = (filter: string, out: string, files: string[]) =>
      promisify(execFile)(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', join(dir, out), ...files.map((file) => join(dir, file))],
        { timeout: 90_000 },
      );
    await soffice(CSV_FILTER, 'out', ['pdca.xlsx', 'data.xlsx']);
    await soffice('xlsx:Calc MS Excel 2007 XML', 'resaved', ['data.xlsx', 'rich.xlsx', 'pdca.xlsx']);
  }, 150_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the PDCA sheet with its headers, merged rows and formatted budgets', () => {
    expect(readdirSync(join(dir, 'out'))).toContain('pdca-企画調整局.csv');
    const lines = csv('pdca-企画調整局.csv').split('\n');
    expect(lines[0]).toContain('【Plan】計画 / 【Do】実施');
    expect(lines[1]).toContain('R4年度予算額(千円)');
    const no1 = lines.find((line) => line.includes(',1,④,公立大学法人北九州市立大学運営事業'))!;
    expect(no1).toContain('"2,665,000","3,144,000",増額,"13,200",順調');
  });

  it('opens every sheet of the data workbook', () => {
    expect(csv('data-事業.csv')).toContain('kitakyushu-univ,公立大学法人北九州市立大学運営事業,企画調整局,総務課');
    expect(csv('data-予算.csv')).toMatch(/kitakyushu-univ,2022,"2,665,000"/);
    expect(csv('data-年度別.csv')).toContain('tabunka,ninchido,2021,数値,54,59.9');
  });

  it('reads a PDCA sheet saved again by LibreOffice as no change (its hidden keys and cells kept)', async () => {
    const doc = demoDocument();
    const reading = await readSheetUpdate(doc, readFileSync(join(dir, 'resaved', 'pdca.xlsx')));
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 5)));
    expect(reading.changes).toEqual([]);
    expect(comparable(reading.document)).toEqual(comparable(doc));
  });

  it('imports a data workbook saved again by LibreOffice as the same document', async () => {
    for (const [file, doc] of [['data.xlsx', demoDocument()], ['rich.xlsx', richDocument()]] as const) {
      const reading = await readWorkbook(readFileSync(join(dir, 'resaved', file)));
      if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 5)));
      expect(comparable(reading.value)).toEqual(comparable(doc));
    }
  });
});
