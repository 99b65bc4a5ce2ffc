import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../../test/factories.js';
import { writePdcaWorkbook } from './pdca-sheet.js';
import { KEYS_FORMAT } from './sheet-keys.js';
import { sheetName, sheetNames } from './sheet-names.js';
import { computed, demoDocument } from './test-support.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The sheet row where No. (column B) is `no`. */
function lineOf(ws: ExcelJS.Worksheet, no: number): number {
  for (let row = 4; row <= ws.rowCount; row++) if (ws.getCell(row, 2).value === no) return row;
  throw new Error(`No. ${no} not found`);
}

const visibleNames = (workbook: ExcelJS.Workbook) => workbook.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => sheet.name);

const mergedOver = (ws: ExcelJS.Worksheet, master: string, slave: string) => {
  const cell = ws.getCell(slave);
  return cell.isMerged && cell.master.address === master;
};

describe('the PDCA sheet workbook of the demo document', () => {
  let ws: ExcelJS.Worksheet;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await load(await writePdcaWorkbook(computed(demoDocument())));
    ws = workbook.worksheets[0]!;
  });

  it('has one worksheet per bureau, and a very hidden, protected sheet of keys', () => {
    expect(visibleNames(workbook)).toEqual(['企画調整局']);
    const keys = workbook.worksheets.at(-1)!;
    expect(keys.state).toBe('veryHidden');
    expect(keys.getCell('A1').value).toBe(KEYS_FORMAT);
    expect(keys.getCell('B1').value).toBe(2021);
    expect((keys as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection?.sheet).toBe(true);
  });

  it('leaves the input cells unlocked under the sheet’s protection, the rest locked', () => {
    const top = lineOf(ws, 1);
    expect((ws as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection?.sheet).toBe(true);
    for (const address of [`J${top}`, `J${top + 1}`, `L${top}`, `N${top}`, `O${top}`, `P${top}`, `R${top}`, `S${top}`, `T${top}`, `U${top}`, `V${top}`]) {
      expect(ws.getCell(address).protection?.locked, address).toBe(false);
    }
    for (const address of [`A${top}`, `B${top}`, `D${top}`, `F${top}`, `G${top}`, `J${top + 2}`, `Q${top}`]) {
      expect(ws.getCell(address).protection?.locked, address).not.toBe(false);
    }
  });

  it('has the seed sheet’s header rows, with the years of the sheet', () => {
    expect(ws.getCell('A1').value).toBe('【Plan】計画 / 【Do】実施');
    expect(ws.getCell('S1').value).toBe('【Check】評価 / 【Action】改善');
    expect([...Array(22)].map((_, i) => ws.getCell(2, i + 1).value)).toEqual([
      '施策番号・施策名', 'No.', 'SDGs ゴール番号', '基本計画の施策を構成する主な事業・取組', '主要事業所管課名', '事業・取組概要',
      '事業評価の成果指標（目標・実績）', '事業評価の成果指標（目標・実績）', '事業評価の成果指標（目標・実績）', '事業評価の成果指標（目標・実績）',
      '事業評価の成果指標（目標・実績）', '事業評価の成果指標（目標・実績）', '事業評価の成果指標（目標・実績）', // merged G2:M2 reads as its master
      '成果の方向性', 'R4年度予算額(千円)', 'R5年度予算額(千円)', '事業費の増減', '人件費(目安)金額(千円)', 'R3年度事業評価',
      'R5年度に向けて強化・見直した内容 (課題に対する改善方法等)', 'R3年度局施策評価', 'R5年度に向けて強化・見直した内容 (課題に対する改善方法等)',
    ]);
    expect(['G3', 'H3', 'J3', 'K3', 'L3', 'M3'].map((a) => ws.getCell(a).value)).toEqual(['指標名等', '現状値(基準値)', 'R3年度', 'R4年度', 'R5年度', '中期目標']);
    expect(mergedOver(ws, 'A1', 'R1')).toBe(true);
    expect(mergedOver(ws, 'S1', 'V1')).toBe(true);
    expect(mergedOver(ws, 'A2', 'A3')).toBe(true);
    expect(mergedOver(ws, 'G2', 'M2')).toBe(true);
    expect(ws.getCell('G3').isMerged).toBe(false);
  });

  it('writes No. 1 as on paper: cells merged over its two indicators’ six lines, budgets as numbers', () => {
    const top = lineOf(ws, 1);
    expect(ws.getCell(top, 1).value).toBe('I-2-(1)-② 大学などの教育研究機能の充実');
    expect(ws.getCell(top, 3).value).toBe('④');
    expect(ws.getCell(top, 4).value).toBe('公立大学法人北九州市立大学運営事業');
    for (const column of ['B', 'D', 'F', 'N', 'O', 'S', 'T']) expect(mergedOver(ws, `${column}${top}`, `${column}${top + 5}`)).toBe(true);
    expect(ws.getCell(top + 6, 4).isMerged && ws.getCell(top + 6, 4).master.address === `D${top}`).toBe(false);
    // each indicator: its name, baseline and mid-term merged over 目標 / 実績 / 達成率
    expect(mergedOver(ws, `G${top}`, `G${top + 2}`)).toBe(true);
    expect(mergedOver(ws, `G${top + 3}`, `G${top + 5}`)).toBe(true);
    expect([0, 1, 2].map((i) => ws.getCell(top + i, 9).value)).toEqual(['目標', '実績', '達成率']);
    expect([0, 1, 2].map((i) => ws.getCell(top + i, 10).value)).toEqual(['A (計画どおり)', 'A (計画どおり)', '—']);
    expect(ws.getCell(top, 13).value).toBe('A (毎年度)');
    expect(ws.getCell(top, 15).value).toBe(2665000);
    expect(ws.getCell(top, 15).numFmt).toBe('#,##0');
    expect(ws.getCell(top, 16).value).toBe(3144000);
    expect(ws.getCell(top, 17).value).toBe('増額');
    expect(ws.getCell(top, 18).value).toBe(13200);
    expect(ws.getCell(top, 19).value).toBe('順調');
    expect(ws.getCell(top, 6).alignment?.wrapText).toBe(true);
    expect(ws.getCell(top + 3, 6).border?.bottom?.style).toBe('thin');
  });

  it('prints the rate the sheet prints and leaves later years’ results empty', () => {
    const top = lineOf(ws, 5);
    expect([0, 1, 2].map((i) => ws.getCell(top + i, 10).value)).toEqual(['54.0%', '59.9%', '110.9%']);
    expect(ws.getCell(top + 1, 11).value).toBeNull();
    expect(ws.getCell(top, 11).value).toBe('61.0%');
  });

  it('merges a policy’s cells over its consecutive rows (No. 6, 7 and 8 share II-3-(3)-②)', () => {
    const six = lineOf(ws, 6);
    for (const no of [7, 8]) {
      expect(mergedOver(ws, `A${six}`, `A${lineOf(ws, no)}`)).toBe(true);
      expect(mergedOver(ws, `U${six}`, `U${lineOf(ws, no)}`)).toBe(true);
    }
    expect(mergedOver(ws, `A${six}`, `A${lineOf(ws, 9)}`)).toBe(false);
    expect(ws.getCell(six, 1).value).toBe('II-3-(3)-② 外国人市民の生活環境の充実');
  });

  it('is set up for printing on A3 landscape, one page wide, header rows on every page', () => {
    expect(ws.pageSetup.paperSize).toBe(8);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('1:3');
    expect(ws.headerFooter.oddFooter).toBe('&P / &N');
  });

  it('freezes the panes below the header and right of No.', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
  });
});

describe('the PDCA sheet workbook, other shapes', () => {
  it('writes one sheet of the rows a filter keeps', async () => {
    const workbook = await load(await writePdcaWorkbook(computed(demoDocument()), { filter: { division: '東京事務所' } }));
    expect(visibleNames(workbook)).toEqual(['PDCAシート']);
    const ws = workbook.worksheets[0]!;
    const divisions = new Set<unknown>();
    for (let row = 4; row <= ws.rowCount; row++) if (ws.getCell(row, 2).value !== null) divisions.add(ws.getCell(row, 5).value);
    expect([...divisions]).toEqual(['東京事務所']);
  });

  it('labels the year columns by the fiscal year asked for', async () => {
    const ws = (await load(await writePdcaWorkbook(computed(demoDocument()), { fiscalYear: 2022 }))).worksheets[0]!;
    expect(['J3', 'K3', 'L3', 'O2', 'S2'].map((a) => ws.getCell(a).value)).toEqual(['R4年度', 'R5年度', 'R6年度', 'R5年度予算額(千円)', 'R4年度事業評価']);
  });

  it('names sheets by bureau within Excel’s rules, and writes a row without indicators on one line', async () => {
    const doc = buildDocument({
      projects: [
        buildProject({ key: 'a', bureau: '局[試験]:*?/\\' + 'あ'.repeat(40), indicators: [], placements: [{ policy: 'II-3-(3)-①', no: 1 }] }),
        buildProject({ key: 'b', bureau: undefined, placements: [{ policy: 'II-3-(3)-①', no: 2 }] }),
      ],
    });
    const workbook = await load(await writePdcaWorkbook(computed(doc)));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe(sheetName('局[試験]:*?/\\' + 'あ'.repeat(40)));
    expect(names[0]!.length).toBeLessThanOrEqual(31);
    expect(names[0]).not.toMatch(/[[\]:*?/\\]/);
    expect(names[1]).toBe('局の指定なし');
    const first = workbook.worksheets[0]!;
    expect(first.getCell('B4').value).toBe(1);
    expect(first.getCell('B5').value).toBeNull();
  });

  it('keeps sheet names distinct and within 31 UTF-16 units', () => {
    const long = '𠮷'.repeat(20);
    const names = sheetNames(['企画調整局', '企画調整局', long, long, "'x'", '']);
    expect(names.slice(0, 2)).toEqual(['企画調整局', '企画調整局 (2)']);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    expect(names[4]).toBe('x');
    expect(names[5]).toBe('シート');
  });
});
