import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read-workbook.js';
import { CHOICES_SHEET, INSTRUCTIONS_SHEET, TABLES } from './tables.js';
import { TEMPLATE_ROWS, writeTemplate } from './template.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validationAt = (ws: ExcelJS.Worksheet, address: string) => (ws as unknown as { dataValidations: Validations }).dataValidations.model[address];

/** The values of the choices sheet's list that a validation's range names. */
function listOf(workbook: ExcelJS.Workbook, range: string): unknown[] {
  const match = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(range)!;
  const sheet = workbook.getWorksheet(CHOICES_SHEET)!;
  const values: unknown[] = [];
  for (let row = Number(match[2]); row <= Number(match[3]); row++) values.push(sheet.getCell(`${match[1]}${row}`).value);
  return values;
}

describe('the blank template', () => {
  it('has the instructions first, then every table sheet with its headers and no data', async () => {
    const workbook = await load(await writeTemplate());
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([INSTRUCTIONS_SHEET, ...TABLES.map((spec) => spec.sheet), CHOICES_SHEET]);
    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET)!;
    const text = instructions.getSheetValues().flat().join('\n');
    expect(text).toContain('記入方法 / How to fill in');
    expect(text).toContain('数式は使えません');
    expect(workbook.getWorksheet(CHOICES_SHEET)!.state).toBe('hidden');
    const projects = workbook.getWorksheet('事業')!;
    expect(projects.getCell('A1').value).toBe('事業キー');
    expect(projects.getCell('A2').value).toBeNull();
  });

  it('offers drop-down lists of the profile’s grades and courses and of the target kinds', async () => {
    const workbook = await load(await writeTemplate({ settings: { grades: ['S', 'A', 'B', 'C'], gradeBands: [120, 100, 60] } }));
    const evaluations = workbook.getWorksheet('事業評価')!;
    const grade = validationAt(evaluations, 'D2')!;
    expect(grade.type).toBe('list');
    expect(listOf(workbook, String(grade.formulae[0]))).toEqual(['S', 'A', 'B', 'C']);
    expect(validationAt(evaluations, `D${TEMPLATE_ROWS + 1}`)).toEqual(grade);
    expect(listOf(workbook, String(validationAt(evaluations, 'F2')!.formulae[0]))).toEqual(['拡大', '継続', '改善', '縮小', '統合', '休止', '廃止', '終了']);
    const periods = workbook.getWorksheet('年度別')!;
    expect(listOf(workbook, String(validationAt(periods, 'D2')!.formulae[0]))).toEqual(['数値', '前年度比増', '前年度比減', '前年度比', '順位', '定性', '設定なし', '設定予定']);
    expect(validationAt(periods, 'E2')).toBeUndefined();
  });

  it('locks the header row and computed columns, leaves data cells editable', async () => {
    const workbook = await load(await writeTemplate());
    for (const spec of TABLES) {
      const ws = workbook.getWorksheet(spec.sheet)!;
      expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true, insertRows: true, deleteRows: true, sort: true, autoFilter: true });
      expect(ws.getCell('A1').protection?.locked).not.toBe(false);
    }
    const periods = workbook.getWorksheet('年度別')!;
    expect(periods.getCell('E2').protection?.locked).toBe(false);
    expect(periods.getColumn(5).protection?.locked).toBe(false);
    const rate = TABLES.find((spec) => spec.sheet === '年度別')!.columns.findIndex((column) => column.kind === 'computed') + 1;
    expect(periods.getColumn(rate).protection?.locked).not.toBe(false); // locked is Excel's default
    const settings = workbook.getWorksheet('設定')!;
    expect(settings.getCell('A2').protection?.locked).not.toBe(false);
    expect(settings.getCell('C2').protection?.locked).toBe(false);
  });

  it('read back blank, asks for the organization name in its cell', async () => {
    const reading = await readWorkbook(await writeTemplate());
    expect(reading).toEqual({ ok: false, problems: [{ place: '設定!C2', path: 'organization.name', message: expect.stringContaining('必須の項目です') }] });
  });

  it('reads back, once filled in, as the document the clerk wrote', async () => {
    const workbook = await load(await writeTemplate());
    workbook.getWorksheet('設定')!.getCell('C2').value = '北九州市';
    workbook.getWorksheet('施策')!.getRow(2).values = ['II-3-(3)-①', '多文化共生社会の実現に向けた体制の構築'];
    workbook.getWorksheet('事業')!.getRow(2).values = ['tabunka', '多文化共生の推進', '企画調整局', '国際政策課', '概要', '4, 10, 11, 17'];
    workbook.getWorksheet('行')!.getRow(2).values = ['tabunka', 'II-3-(3)-①', 5];
    workbook.getWorksheet('指標')!.getRow(2).values = ['tabunka', 'ninchido', '認知度', '%', '高いほど良い', 1, 51.8, 'H29年度', null, null, 62, '目標年度', 'R6年度'];
    workbook.getWorksheet('年度別')!.getRow(2).values = ['tabunka', 'ninchido', 'R3年度', '数値', '54.0%', 59.9];
    workbook.getWorksheet('年度別')!.getRow(3).values = ['tabunka', 'ninchido', 2022, '定性', 'A (計画どおり)', 'A (計画どおり)', '達成'];
    workbook.getWorksheet('予算')!.getRow(2).values = ['tabunka', 2022, '４２，８０３'];
    workbook.getWorksheet('事業評価')!.getRow(2).values = ['tabunka', null, 2021, '順調', null, '継続', '引き続き'];
    const reading = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    const project = reading.value.projects[0]!;
    expect(reading.value.organization).toEqual({ name: '北九州市' });
    expect(project).toMatchObject({ key: 'tabunka', sdgs: [4, 10, 11, 17], budgets: [{ fiscalYear: 2022, amount: 42803 }], placements: [{ policy: 'II-3-(3)-①', no: 5 }] });
    expect(project.indicators![0]).toMatchObject({
      better: 'higher',
      decimals: 1,
      baseline: { value: 51.8, fiscalYear: 2017 },
      midTerm: { target: 62, basis: 'by-year', fiscalYear: 2024 },
      periods: [
        { fiscalYear: 2021, target: 54, actual: 59.9 },
        { fiscalYear: 2022, target: { kind: 'qualitative', text: 'A (計画どおり)' }, actual: { text: 'A (計画どおり)', achieved: true } },
      ],
    });
    expect(project.evaluations).toEqual([{ fiscalYear: 2021, grade: '順調', course: '継続', improvement: '引き続き' }]);
  });
});
