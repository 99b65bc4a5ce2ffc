// A preview lists each changed value with where the file holds it: the workbook's cell, the
// CSV's line; and a CSV is read in `update` mode, written as a merge of the projects it names.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { writeDataWorkbook } from '../interchange/xlsx/data-workbook.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import { loadDemoIfEmpty } from './demo.js';
import { ServiceError } from './errors.js';
import { exportDocument } from './export.js';
import { exportFile, importFile } from './files.js';
import { testContext } from './test-context.js';

describe.each(testStores())('previews and modes ($name)', (factory) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await factory.open();
    await loadDemoIfEmpty(testContext(store));
  });
  afterEach(() => store.close());
  const ctx = () => testContext(store, undefined, '北九州市');

  it('names the workbook cell of a changed value, and that cell holds the new value', async () => {
    const document: HyokaDocument = structuredClone(await exportDocument(ctx()));
    const period = document.projects[2]!.indicators![0]!.periods![0]!;
    const before = period.actual;
    period.actual = 61.5;
    const bytes = Buffer.from(await writeDataWorkbook(document));
    const { report } = await importFile(ctx(), bytes, { format: 'xlsx', dryRun: true, listChanges: 10 });
    expect(report.changes!.total).toBe(1);
    const [change] = report.changes!.changes;
    expect(change).toMatchObject({ path: 'projects/tabunka/indicators/ninchido/periods/2021/actual', before, after: 61.5 });
    expect(change!.place).toMatch(/^年度別![A-Z]+\d+$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [sheet, cell] = change!.place!.split('!') as [string, string];
    expect(workbook.getWorksheet(sheet)!.getCell(cell).value).toBe(61.5);
  });

  it('names the CSV line of a changed value; a CSV updates (merge) and its default mode says so', async () => {
    const csv = Buffer.from((await exportFile(ctx(), { format: 'csv-budgets' })).bytes).toString('utf8');
    const lines = csv.split(/\r?\n/);
    const index = lines.findIndex((line) => line.includes(',tabunka,') && line.includes(',2023,'));
    lines[index] = lines[index]!.replace(/,2023,令和5年度,(\d+),/, ',2023,令和5年度,999,');
    const { report, mode } = await importFile(ctx(), Buffer.from(lines.join('\n')), { format: 'csv', dryRun: true, listChanges: 10 });
    expect(mode).toBe('update');
    expect(report.changes!.changes).toEqual([expect.objectContaining({ path: 'projects/tabunka/budgets/2023/amount', after: 999, place: `${index + 1}行目 / line ${index + 1}` })]);
  });

  it('refuses a CSV row naming a project that does not exist, with its line; and a mode the format does not take', async () => {
    const csv = Buffer.from((await exportFile(ctx(), { format: 'csv-budgets' })).bytes).toString('utf8');
    const lines = csv.split(/\r?\n/);
    lines[2] = lines[2]!.replace(',kitakyushu-univ,', ',no-such-project,');
    const refusal = await importFile(ctx(), Buffer.from(lines.join('\n')), { format: 'csv', dryRun: true }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect((refusal as ServiceError).problems[0]!.path).toMatch(/^3行目 /);
    const wrong = await importFile(ctx(), Buffer.from(csv), { format: 'csv', mode: 'replace', dryRun: true }).catch((error: unknown) => error);
    expect((wrong as ServiceError).kind).toBe('invalid');
    expect((wrong as ServiceError).message).toContain('not replace');
  });

  it('merges a file of one project: the others left alone, unlike a replace', async () => {
    const document = await exportDocument(ctx());
    const one: HyokaDocument = { ...document, projects: [{ ...document.projects[2]!, name: '多文化共生の推進（改）' }] };
    const bytes = Buffer.from(JSON.stringify(one));
    const merge = await importFile(ctx(), bytes, { format: 'json', mode: 'merge', dryRun: true, listChanges: 10 });
    expect(merge.report.changes!.changes).toEqual([{ path: 'projects/tabunka/name', before: '多文化共生の推進', after: '多文化共生の推進（改）' }]);
    const replace = await importFile(ctx(), bytes, { format: 'json', dryRun: true });
    expect(replace.report.counts.projects.removed).toBe(20);
  });
});
