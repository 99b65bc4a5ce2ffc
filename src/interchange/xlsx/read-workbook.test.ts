import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataWorkbook } from './data-workbook.js';
import { readWorkbook, type WorkbookReading } from './read-workbook.js';
import { computed, demoDocument } from './test-support.js';

let valid: Buffer;
beforeAll(async () => {
  valid = await writeDataWorkbook(computed(demoDocument()));
});

/** The demo's data workbook after `edit`, as a clerk's Excel would save it. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void): Promise<WorkbookReading> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(valid as unknown as ArrayBuffer);
  edit(workbook);
  return readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
}

function problemsOf(reading: WorkbookReading) {
  if (reading.ok) throw new Error('expected problems');
  return reading.problems;
}

describe('problems with their place', () => {
  it('refuses a formula, naming its cell', async () => {
    const problems = problemsOf(await edited((wb) => (wb.getWorksheet('予算')!.getCell('C3').value = { formula: 'HYPERLINK("http://x","y")', result: 1 })));
    expect(problems).toEqual([{ place: '予算!C3', message: expect.stringContaining('数式は使えません') }]);
  });

  it('tells a validation problem by its cell, with the document path beside it', async () => {
    const problems = problemsOf(await edited((wb) => (wb.getWorksheet('予算')!.getCell('C2').value = '十')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ place: '予算!C2', path: 'projects[0].budgets[0].amount' });
    expect(problems[0]!.message).toMatch(/十.* \/ /);
  });

  it('names the cell of an unknown project key, target kind, grade and header', async () => {
    const problems = problemsOf(
      await edited((wb) => {
        wb.getWorksheet('予算')!.getCell('A2').value = 'no-such-project';
        wb.getWorksheet('年度別')!.getCell('D2').value = '大体';
      }),
    );
    expect(problems.map((p) => p.place)).toEqual(['年度別!D2', '予算!A2']);
    expect(problems[0]!.message).toContain('目標の種類「大体」は使えません');
    expect(problems[1]!.message).toContain('事業キー「no-such-project」は事業シートにありません');
    const grade = problemsOf(await edited((wb) => (wb.getWorksheet('事業評価')!.getCell('D2').value = '優秀')));
    expect(grade.map((p) => p.place)).toEqual(['事業評価!D2']);
    const header = problemsOf(await edited((wb) => (wb.getWorksheet('事業')!.getCell('Z1').value = 'メモ')));
    expect(header).toEqual([{ place: '事業!Z1', message: expect.stringContaining('見出し「メモ」はこの表の列ではありません') }]);
  });

  it('names the cell of a value past the bounds of every document: a huge amount, a long name', async () => {
    const problems = problemsOf(
      await edited((wb) => {
        wb.getWorksheet('予算')!.getCell('C2').value = 1e21;
        wb.getWorksheet('予算')!.getCell('C3').value = 2 ** 53;
        wb.getWorksheet('事業')!.getCell('B2').value = '名'.repeat(501);
      }),
    );
    expect(problems.map((p) => [p.place, p.message.split(' / ')[1]])).toEqual([
      ['予算!C2', expect.stringContaining('the number 1e+21 is too large')],
      ['予算!C3', expect.stringContaining('the number 9007199254740992 is too large')],
      ['事業!B2', 'at most 500 characters (this has 501)'],
    ]);
  });

  it('names a missing sheet and a sheet it does not know', async () => {
    const problems = problemsOf(
      await edited((wb) => {
        wb.removeWorksheet(wb.getWorksheet('予算')!.id);
        wb.addWorksheet('メモ');
      }),
    );
    expect(problems.map((p) => p.place).sort()).toEqual(['メモ', '予算'].sort());
  });

  it('refuses bad JSON and dates where text belongs', async () => {
    const problems = problemsOf(
      await edited((wb) => {
        wb.getWorksheet('施策')!.getCell('C2').value = '{broken';
        wb.getWorksheet('事業')!.getCell('B2').value = new Date(2021, 3, 1);
      }),
    );
    expect(problems.map((p) => p.place).sort()).toEqual(['事業!B2', '施策!C2']);
  });

  it('refuses what is not a workbook', async () => {
    const reading = await readWorkbook(Buffer.from('format,hyoka/1\n'));
    expect(problemsOf(reading)).toEqual([{ place: 'ブック', message: expect.stringContaining('.xlsx') }]);
  });
});

describe('hostile and broken input: problems, never a crash', () => {
  /**
   * What a reading of damaged bytes may be: problems, each with its place and a message in
   * Japanese with English beside it; or, where the damage missed everything read, a document.
   */
  const expectSettled = (reading: WorkbookReading) => {
    if (reading.ok) {
      expect(reading.value.format).toBe('hyoka/1');
      expect(reading.value.projects.length).toBeGreaterThan(0);
      return;
    }
    expect(reading.problems.length).toBeGreaterThan(0);
    for (const problem of reading.problems) {
      expect(problem.place).not.toBe('');
      expect(problem.message).toMatch(/\S \/ \S/);
    }
  };

  it('random bytes: never a workbook, always a problem that says so', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const reading = await readWorkbook(Buffer.from(bytes));
        expect(reading.ok).toBe(false);
        expectSettled(reading);
      }),
      { numRuns: 60 },
    );
  });

  it('a valid workbook cut short', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), async (length) => {
        const reading = await readWorkbook(valid.subarray(0, length));
        expect(reading.ok).toBe(false);
        expectSettled(reading);
      }),
      { numRuns: 40 },
    );
  });

  it('a valid workbook with random bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (changes) => {
        const bytes = Buffer.from(valid);
        for (const [at, byte] of changes) bytes[at] = byte;
        expectSettled(await readWorkbook(bytes));
      }),
      { numRuns: 40 },
    );
  });
});
