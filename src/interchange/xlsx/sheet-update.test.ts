import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { compute } from '../compute.js';
import type { SheetFilter } from '../sheet-rows.js';
import { writePdcaWorkbook } from './pdca-sheet.js';
import { findKeysSheet, readKeys, type RowKey } from './sheet-keys.js';
import { readSheetUpdate, type SheetUpdateReading } from './sheet-update.js';
import { comparable, demoDocument } from './test-support.js';

const DIVISION: SheetFilter = { division: '国際政策課' };

async function load(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function keyOf(workbook: ExcelJS.Workbook, project: string, nth = 0): RowKey {
  const keys = readKeys(findKeysSheet(workbook)!, [])!;
  return keys.rows.filter((key) => key.project === project)[nth]!;
}

/** Exports `doc`'s sheet (filtered), lets `edit` change the loaded workbook, and reads it back against `doc`. */
async function roundTrip(doc: HyokaDocument, edit: (workbook: ExcelJS.Workbook) => void, filter: SheetFilter | undefined = DIVISION): Promise<SheetUpdateReading> {
  const workbook = await load(await writePdcaWorkbook(compute(doc), { ...(filter && { filter }) }));
  edit(workbook);
  return readSheetUpdate(doc, await save(workbook));
}

function accepted(reading: SheetUpdateReading) {
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems, null, 2));
  return reading;
}

function refused(reading: SheetUpdateReading) {
  if (reading.ok) throw new Error(`accepted: ${JSON.stringify(reading.changes)}`);
  return reading;
}

/** Every cell of every visible sheet, address → value. */
function cellsOf(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!cell.isMerged || cell.master.address === cell.address) cells.set(`${ws.name}!${cell.address}`, cell.value);
      }),
    );
  }
  return cells;
}

describe('reading a filled-in PDCA sheet workbook back (update)', () => {
  it('changes nothing when nothing was typed: a division’s sheet and the whole organization’s', async () => {
    const doc = demoDocument();
    for (const filter of [DIVISION, undefined]) {
      const reading = accepted(await roundTrip(doc, () => {}, filter));
      expect(reading.changes).toEqual([]);
      expect(comparable(reading.document)).toEqual(comparable(doc));
    }
  });

  it('lists two typed inputs and refuses a changed 達成率 with its address; without it, a new export differs in those two cells only', async () => {
    const doc = demoDocument();
    const first = await load(await writePdcaWorkbook(compute(doc), { filter: DIVISION }));
    const key = keyOf(first, 'agi-subsidy');
    const ws = first.getWorksheet(key.sheet)!;
    const top = key.first;
    expect(ws.getCell(`J${top + 1}`).value).toBe('5本');
    expect(ws.getCell(`S${top}`).value).toBe('順調');
    const edited = await load(await save(first));
    const sheet = edited.getWorksheet(key.sheet)!;
    sheet.getCell(`J${top + 1}`).value = 6;
    sheet.getCell(`S${top}`).value = '遅れ';
    sheet.getCell(`J${top + 2}`).value = '120.0%';
    const preview = refused(await readSheetUpdate(doc, await save(edited)));
    expect(preview.changes).toEqual([
      { place: `PDCAシート!S${top}`, path: 'projects/agi-subsidy/evaluations/2021/grade', before: '順調', after: '遅れ' },
      { place: `PDCAシート!J${top + 1}`, path: 'projects/agi-subsidy/indicators/papers/periods/2021/actual', before: 5, after: 6 },
    ]);
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]!.place).toBe(`PDCAシート!J${top + 2}`);
    expect(preview.problems[0]!.message).toContain('自動で計算する値');

    sheet.getCell(`J${top + 2}`).value = ws.getCell(`J${top + 2}`).value;
    const reading = accepted(await readSheetUpdate(doc, await save(edited)));
    expect(reading.changes.map((change) => change.path)).toEqual(['projects/agi-subsidy/evaluations/2021/grade', 'projects/agi-subsidy/indicators/papers/periods/2021/actual']);

    const again = cellsOf(await load(await writePdcaWorkbook(compute(reading.document), { filter: DIVISION })));
    const before = cellsOf(await load(await writePdcaWorkbook(compute(doc), { filter: DIVISION })));
    const differing = [...new Set([...before.keys(), ...again.keys()])].filter((address) => JSON.stringify(before.get(address)) !== JSON.stringify(again.get(address)));
    // The two typed cells, and what hyoka computes from them (the rate of that actual).
    expect(differing.sort()).toEqual([`PDCAシート!J${top + 1}`, `PDCAシート!J${top + 2}`, `PDCAシート!S${top}`].sort());
    expect(again.get(`PDCAシート!J${top + 1}`)).toBe('6本');
    expect(again.get(`PDCAシート!S${top}`)).toBe('遅れ');
  });

  it('reads budgets, personnel cost, course, improvement, targets and the policy’s grade and text into their records', async () => {
    const doc = demoDocument();
    let top = 0;
    const reading = accepted(
      await roundTrip(doc, (workbook) => {
        const key = keyOf(workbook, 'east-asia-organization');
        const ws = workbook.getWorksheet(key.sheet)!;
        top = key.first;
        ws.getCell(`K${top}`).value = '3件'; // the 2022 target of joint-projects
        ws.getCell(`O${top}`).value = 5000;
        ws.getCell(`P${top}`).value = null; // the 2023 budget removed
        ws.getCell(`N${top}`).value = '拡大';
        ws.getCell(`T${top}`).value = '一行目\r\n二行目';
        expect(key.policyCell).toBe(true);
        ws.getCell(`U${top}`).value = '遅れ';
        ws.getCell(`V${top}`).value = '施策の改善';
      }),
    );
    const project = reading.document.projects.find((candidate) => candidate.key === 'east-asia-organization')!;
    expect(project.indicators![0]!.periods!.find((period) => period.fiscalYear === 2022)!.target).toBe(3);
    expect(project.budgets).toEqual([{ fiscalYear: 2022, amount: 5000 }]);
    expect(project.evaluations![0]).toMatchObject({ course: '拡大', improvement: '一行目\n二行目' });
    const policyEvaluation = reading.document.policyEvaluations!.find((evaluation) => evaluation.policy === 'VII-1-(1)-①' && evaluation.fiscalYear === 2021)!;
    expect(policyEvaluation).toMatchObject({ bureau: '企画調整局', grade: '遅れ', improvement: '施策の改善' });
    // In the order of the cells: line by line, left to right.
    expect(reading.changes.map((change) => `${change.place} ${change.path}`)).toEqual([
      `PDCAシート!K${top} projects/east-asia-organization/indicators/joint-projects/periods/2022/target`,
      `PDCAシート!N${top} projects/east-asia-organization/evaluations/2021/course`,
      `PDCAシート!O${top} projects/east-asia-organization/budgets/2022/amount`,
      `PDCAシート!P${top} projects/east-asia-organization/budgets/2023/amount`,
      `PDCAシート!T${top} projects/east-asia-organization/evaluations/2021/improvement`,
      `PDCAシート!U${top} policyEvaluations/VII-1-(1)-①/企画調整局/2021/grade`,
      `PDCAシート!V${top} policyEvaluations/VII-1-(1)-①/企画調整局/2021/improvement`,
    ]);
    expect(reading.changes.find((change) => change.path.endsWith('budgets/2023/amount'))).toMatchObject({ before: 4371, after: null });
  });

  it('refuses names, values that do not read, formulas, values outside the rows, and grades not in the settings — each with its cell', async () => {
    const doc = demoDocument();
    let top = 0;
    const reading = refused(
      await roundTrip(doc, (workbook) => {
        const key = keyOf(workbook, 'agi-subsidy');
        const ws = workbook.getWorksheet(key.sheet)!;
        top = key.first;
        ws.getCell(`D${top}`).value = '別の名前';
        ws.getCell(`K${top + 1}`).value = 'たくさん';
        ws.getCell(`O${top}`).value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
        ws.getCell(`X${top}`).value = 'メモ';
        ws.getCell(`S${top}`).value = 'とても良い';
      }),
    );
    const places = reading.problems.map((problem) => problem.place).sort();
    expect(places).toEqual([`PDCAシート!D${top}`, `PDCAシート!K${top + 1}`, `PDCAシート!O${top}`, `PDCAシート!X${top}`].sort());
    // Validation runs once the cells read: the grade is told by its cell.
    const graded = refused(await roundTrip(doc, (workbook) => {
      const key = keyOf(workbook, 'agi-subsidy');
      workbook.getWorksheet(key.sheet)!.getCell(`S${key.first}`).value = 'とても良い';
    }));
    expect(graded.problems.map((problem) => problem.place)).toEqual([`PDCAシート!S${top}`]);
  });

  it('refuses a row changed in hyoka since the export, and a row whose project is gone, leaving untouched rows alone', async () => {
    const doc = demoDocument();
    const workbook = await load(await writePdcaWorkbook(compute(doc), { filter: DIVISION }));
    const key = keyOf(workbook, 'agi-subsidy');
    const other = keyOf(workbook, 'asean-cities');
    workbook.getWorksheet(key.sheet)!.getCell(`S${key.first}`).value = '遅れ';
    workbook.getWorksheet(other.sheet)!.getCell(`S${other.first}`).value = '順調';
    const since = structuredClone(doc);
    since.projects.find((project) => project.key === 'agi-subsidy')!.budgets![0]!.amount = 1;
    since.projects.find((project) => project.key === 'china-business-office')!.budgets![0]!.amount = 2; // not touched in the file: no matter
    const stale = refused(await readSheetUpdate(since, await save(workbook)));
    // Every cell where the file and hyoka now differ: the typed grade, the budget changed in hyoka and its 増減.
    expect(stale.problems.map((problem) => problem.place)).toEqual([`PDCAシート!O${key.first}`, `PDCAシート!Q${key.first}`, `PDCAシート!S${key.first}`]);
    for (const problem of stale.problems) expect(problem.message).toContain('書き出した後に hyoka で変更');
    expect(stale.changes.map((change) => change.path)).toEqual(['projects/asean-cities/evaluations/2021/grade']);

    const gone = structuredClone(doc);
    gone.projects = gone.projects.filter((project) => project.key !== 'agi-subsidy');
    const missing = refused(await readSheetUpdate(gone, await save(workbook)));
    expect(missing.problems.map((problem) => problem.place)).toEqual([`PDCAシート!A${key.first}`]);
  });

  it('refuses a sheet whose rows were inserted or deleted, once, by the first row out of place', async () => {
    const doc = demoDocument();
    let top = 0;
    const reading = refused(
      await roundTrip(doc, (workbook) => {
        const key = keyOf(workbook, 'tabunka');
        top = key.first;
        workbook.getWorksheet(key.sheet)!.spliceRows(key.first, 0, ['挿入した行']);
      }),
    );
    expect(reading.problems.map((problem) => problem.place)).toEqual([`PDCAシート!B${top}`]);
    expect(reading.problems[0]!.message).toContain('行が挿入・削除・並べ替えされています');
  });

  it('refuses a workbook without hyoka’s keys, and one past the zip guard’s limits', async () => {
    const doc = demoDocument();
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('PDCAシート').getCell('A1').value = 'x';
    expect(refused(await readSheetUpdate(doc, await save(plain))).problems[0]!.message).toContain('hyoka が書き出した PDCA シートではありません');
    const bytes = await writePdcaWorkbook(compute(doc), { filter: DIVISION });
    const guarded = refused(await readSheetUpdate(doc, bytes, { maxBytes: 1024, maxEntries: 200, maxTotalUncompressed: 1e9, maxEntryUncompressed: 1e9, maxRatio: 1e9, ratioFloor: 1e9, maxCells: 1e9, maxRangeCells: 1e9, maxSharedStrings: 1e9 }));
    expect(guarded.problems[0]!.place).toBe('ブック');
  });

  it('lets the same budget typed on two rows of one project agree, and refuses them when they disagree', async () => {
    const doc = demoDocument();
    const set = (values: [number, number]) => (workbook: ExcelJS.Workbook) => {
      [0, 1].forEach((nth) => {
        const key = keyOf(workbook, 'international-exchange', nth);
        workbook.getWorksheet(key.sheet)!.getCell(`O${key.first}`).value = values[nth]!;
      });
    };
    const agreeing = accepted(await roundTrip(doc, set([7000, 7000])));
    expect(agreeing.changes.map((change) => change.path)).toEqual(['projects/international-exchange/budgets/2022/amount']);
    const disagreeing = refused(await roundTrip(doc, set([7000, 7001])));
    expect(disagreeing.problems).toHaveLength(1);
  });
});
