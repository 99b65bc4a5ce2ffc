import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { writeDataWorkbook } from './data-workbook.js';
import { readWorkbook } from './read-workbook.js';
import { TABLES } from './tables.js';
import { comparable, computed, demoDocument, richDocument } from './test-support.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function roundTrip(doc: HyokaDocument): Promise<HyokaDocument> {
  const reading = await readWorkbook(await writeDataWorkbook(computed(doc)));
  if (!reading.ok) throw new Error(reading.problems.map((p) => `${p.place}: ${p.message}`).join('\n'));
  return reading.value;
}

describe('the data workbook', () => {
  it('has one sheet and one Excel table with Japanese headers per kind of record', async () => {
    const workbook = await load(await writeDataWorkbook(computed(demoDocument())));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(TABLES.map((spec) => spec.sheet));
    for (const spec of TABLES) {
      const ws = workbook.getWorksheet(spec.sheet)!;
      const table = ws.getTable(spec.table) as unknown as { table?: { columns: { name: string }[] }; columns?: { name: string }[] };
      const columns = table.table?.columns ?? table.columns ?? [];
      expect(columns.map((column) => column.name)).toEqual(spec.columns.map((column) => column.header));
      expect(spec.columns.map((_, i) => ws.getCell(1, i + 1).value)).toEqual(spec.columns.map((column) => column.header));
    }
  });

  it('writes the common values as plain cells: numbers as numbers, kinds as words', async () => {
    const workbook = await load(await writeDataWorkbook(computed(demoDocument())));
    const budgets = workbook.getWorksheet('予算')!;
    expect([budgets.getCell('A2').value, budgets.getCell('B2').value, budgets.getCell('C2').value]).toEqual(['kitakyushu-univ', 2022, 2665000]);
    expect(budgets.getCell('C2').numFmt).toBe('#,##0');
    const periods = workbook.getWorksheet('年度別')!;
    const rows = periods.getSheetValues().slice(2) as unknown[][];
    const tabunka = rows.find((row) => row[1] === 'tabunka' && row[2] === 'ninchido' && row[3] === 2021)!;
    expect(tabunka.slice(4, 8)).toEqual(['数値', 54, 59.9, undefined]);
    expect(tabunka[11]).toBe(110.9); // 達成率(自動計算)
    const qualitative = rows.find((row) => row[1] === 'kitakyushu-univ' && row[3] === 2021)!;
    expect(qualitative.slice(4, 8)).toEqual(['定性', 'A (計画どおり)', 'A (計画どおり)', '達成']);
  });

  it('reads the demo document back exactly (export → import)', async () => {
    const doc = demoDocument();
    expect(comparable(await roundTrip(doc))).toEqual(comparable(doc));
  });

  it('reads every field of the rich document back: every target kind, unknown fields, rows’ own lists', async () => {
    const doc = richDocument();
    const back = await roundTrip(doc);
    expect(comparable(back)).toEqual(comparable(doc));
    // A row's [] is not the project's list: it must survive as [].
    const row29 = back.projects[0]!.placements.find((p) => p.no === 29)!;
    expect(row29).toMatchObject({ indicators: [], personnelCosts: [], evaluations: [] });
    expect(back.projects[0]!.placements.find((p) => p.no === 5)!.personnelCosts).toBeUndefined();
  });

  it('export → import → export gives the same document', async () => {
    for (const doc of [demoDocument(), richDocument()]) {
      const once = await roundTrip(doc);
      const twice = await roundTrip(once);
      expect(twice).toEqual(once);
    }
  });
});
