// The PDCA sheet as an Excel workbook, in the seed sheet's layout: the same 22 columns and
// header rows, each row's cells merged over its indicator lines (three per indicator:
// 目標 / 実績 / 達成率) as on paper, a policy's cells merged over its consecutive rows,
// A3 landscape fitted to the width, header rows repeated on every printed page, panes
// frozen below the header and right of No. One worksheet per bureau, or one sheet of the
// rows a filter keeps (as on /sheet). Written from sheetOf(), like the page and the PDF.
import ExcelJS from 'exceljs';
import { formatFiscalYear } from '../../domain/era.js';
import type { HyokaDocument } from '../../domain/model.js';
import { type Sheet, type SheetFilter, type SheetRow, defaultSheetYear, sheetEntries, sheetOf } from '../sheet-rows.js';
import { COLUMN, HEADER_ROWS, INDICATOR_COLUMNS, LAST_COLUMN, LINES_PER_INDICATOR, type LaidCell, POLICY_COLUMNS, ROW_COLUMNS, type RowOrigins, lineCount, rowCells, rowOrigins } from './sheet-cells.js';
import { KEYS_SHEET, type RowKey, rowKey, writeKeys } from './sheet-keys.js';
import { sheetNames } from './sheet-names.js';

export interface PdcaWorkbookOptions {
  /** The graded fiscal year (R3年度 事業評価 → 2021); default as sheetOf. */
  fiscalYear?: number;
  /** One sheet of the matching rows instead of one per bureau. */
  filter?: SheetFilter;
}

/** Column widths (A…V) in characters, after the seed's proportions. */
const WIDTHS = [16, 5, 8, 18, 9, 30, 22, 12, 7, 12, 12, 12, 12, 7, 11, 11, 7, 10, 7, 32, 7, 32];
/** A3 landscape, one page wide, the header rows on every page (given when the sheet is made: the streaming writer writes it first). */
const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 8 as ExcelJS.PaperSize, // A3 (exceljs's enum lacks it)
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: `1:${HEADER_ROWS}`,
  margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
};
/** Panes frozen below the header rows and right of No. */
const FROZEN: Partial<ExcelJS.WorksheetView> = { state: 'frozen', xSplit: 2, ySplit: HEADER_ROWS, topLeftCell: 'C4' };

const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const FONT: Partial<ExcelJS.Font> = { name: 'Yu Gothic', size: 9 };
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { wrapText: true, vertical: 'top' } };
const CENTER_STYLE: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { wrapText: true, vertical: 'top', horizontal: 'center' } };
const AMOUNT_STYLE: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, numFmt: '#,##0', alignment: { vertical: 'top', horizontal: 'right' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true },
  border: BORDER,
  alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
};

/**
 * The sheet of a computed document (compute() has filled rates, changes and suggestions).
 * Written with exceljs's streaming writer: rows leave memory as each policy's group of
 * rows is done, so a large organization's sheet never sits in memory twice. A very hidden,
 * protected sheet (sheet-keys.ts) carries each row's keys and a fingerprint of its cells,
 * so the workbook can be filled in and read back (sheet-update.ts); input cells are left
 * unlocked under the sheet's protection (no password: it guides, the reader decides).
 */
export async function writePdcaWorkbook(doc: HyokaDocument, options: PdcaWorkbookOptions = {}): Promise<Buffer> {
  const fiscalYear = options.fiscalYear ?? defaultSheetYear(doc);
  const entries = sheetEntries(doc, { fiscalYear, ...(options.filter && { filter: options.filter }) });
  const sheet = sheetOf(doc, { fiscalYear, entries });
  const placed = sheet.rows.map((row, index) => ({ row, origins: rowOrigins(doc, entries[index]!.project, entries[index]!.placement, fiscalYear) }));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  workbook.creator = 'hyoka';
  const groups = options.filter ? [{ name: 'PDCAシート', rows: placed }] : byBureau(placed);
  const names = sheetNames([...groups.map((group) => group.name), KEYS_SHEET]);
  const keys: RowKey[] = [];
  groups.forEach((group, index) => {
    const ws = workbook.addWorksheet(names[index]!, { views: [FROZEN], pageSetup: PRINT }) as unknown as SheetWriter;
    writeSheet(ws, sheet, group.rows, keys);
    void ws.protect('', SHEET_PROTECTION);
    ws.commit();
  });
  const keysSheet = workbook.addWorksheet(names[names.length - 1]!, { state: 'veryHidden' }) as unknown as SheetWriter;
  writeKeys(keysSheet, { fiscalYear, sheets: names.slice(0, -1), rows: keys });
  void keysSheet.protect('', {});
  keysSheet.commit();
  await workbook.commit();
  return (workbook as unknown as { stream: { read(): Buffer } }).stream.read();
}

/** What a person may still do on the protected sheet: select, resize, filter, print; type only into inputs (not sort: rows stay where written). */
const SHEET_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

/** exceljs's streaming worksheet: a Worksheet whose rows are written out once committed. */
type SheetWriter = ExcelJS.Worksheet & { commit(): void; _merges: unknown[] };

interface PlacedRow {
  row: SheetRow;
  origins: RowOrigins;
}

function byBureau(rows: PlacedRow[]): { name: string; rows: PlacedRow[] }[] {
  const groups = new Map<string, PlacedRow[]>();
  for (const placed of rows) {
    const name = placed.row.bureau || '局の指定なし';
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(placed);
  }
  if (groups.size === 0) return [{ name: 'PDCAシート', rows: [] }];
  return [...groups].map(([name, list]) => ({ name, rows: list }));
}

function writeSheet(ws: SheetWriter, sheet: Sheet, rows: PlacedRow[], keys: RowKey[]): void {
  WIDTHS.forEach((width, index) => (ws.getColumn(index + 1).width = width));
  ws.headerFooter.oddFooter = '&P / &N'; // page numbers
  writeHeader(ws, sheet);
  const merges = new Merges(ws);
  let line = HEADER_ROWS + 1;
  let group: { start: number; row: SheetRow } | undefined;
  const closeGroup = (end: number) => {
    if (!group) return;
    for (const column of POLICY_COLUMNS) merges.add(group.start, column, end, column);
    ws.getRow(end).commit(); // nothing merges across a policy's group: its rows are done
  };
  for (const { row, origins } of rows) {
    const lines = lineCount(row.indicators.length);
    const samePolicy = group !== undefined && group.row.policy.code === row.policy.code && group.row.policyGrade === row.policyGrade && group.row.policyImprovement === row.policyImprovement;
    if (!samePolicy) {
      closeGroup(line - 1);
      group = { start: line, row };
    }
    const cells = rowCells(sheet, row, origins, line, !samePolicy);
    writeRow(ws, cells, row, line, lines, merges);
    keys.push(rowKey(ws.name, line, row, origins, !samePolicy, cells));
    line += lines;
  }
  closeGroup(line - 1);
}

function writeHeader(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  const year = (y: number) => formatFiscalYear(y, { letter: true });
  const [graded, , nextLater] = sheet.periodYears as [number, number, number];
  const improvement = `${year(nextLater)}に向けて強化・見直した内容 (課題に対する改善方法等)`;
  const top: Record<number, string> = {
    [COLUMN.policy]: '施策番号・施策名',
    [COLUMN.no]: 'No.',
    [COLUMN.sdgs]: 'SDGs ゴール番号',
    [COLUMN.project]: '基本計画の施策を構成する主な事業・取組',
    [COLUMN.division]: '主要事業所管課名',
    [COLUMN.summary]: '事業・取組概要',
    [COLUMN.indicator]: '事業評価の成果指標（目標・実績）',
    [COLUMN.course]: '成果の方向性',
    [COLUMN.budget]: `${year(sheet.budgetYears[0]!)}予算額(千円)`,
    [COLUMN.budget + 1]: `${year(sheet.budgetYears[1]!)}予算額(千円)`,
    [COLUMN.change]: '事業費の増減',
    [COLUMN.personnel]: '人件費(目安)金額(千円)',
    [COLUMN.grade]: `${year(graded)}事業評価`,
    [COLUMN.improvement]: improvement,
    [COLUMN.policyGrade]: `${year(graded)}局施策評価`,
    [COLUMN.policyImprovement]: improvement,
  };
  const sub: Record<number, string> = {
    [COLUMN.indicator]: '指標名等',
    [COLUMN.baseline]: '現状値(基準値)',
    [COLUMN.label]: '',
    [COLUMN.firstYear]: year(sheet.periodYears[0]!),
    [COLUMN.firstYear + 1]: year(sheet.periodYears[1]!),
    [COLUMN.firstYear + 2]: year(sheet.periodYears[2]!),
    [COLUMN.midTerm]: '中期目標',
  };
  for (let column = 1; column <= LAST_COLUMN; column++) {
    for (let row = 1; row <= HEADER_ROWS; row++) ws.getCell(row, column).style = HEADER_STYLE;
  }
  ws.getCell(1, 1).value = '【Plan】計画 / 【Do】実施';
  ws.getCell(1, COLUMN.grade).value = '【Check】評価 / 【Action】改善';
  ws.mergeCells(1, 1, 1, COLUMN.personnel);
  ws.mergeCells(1, COLUMN.grade, 1, LAST_COLUMN);
  for (let column = 1; column <= LAST_COLUMN; column++) {
    if (column in top) ws.getCell(2, column).value = top[column]!;
    if (column in sub) ws.getCell(3, column).value = sub[column]!;
    else ws.mergeCells(2, column, 3, column);
  }
  ws.mergeCells(2, COLUMN.indicator, 2, COLUMN.midTerm);
  ws.getRow(1).height = 18;
  ws.getRow(2).height = 42;
  ws.getRow(3).height = 30;
}

function writeRow(ws: ExcelJS.Worksheet, cells: readonly LaidCell[], row: SheetRow, first: number, lines: number, merges: Merges): void {
  const last = first + lines - 1;
  for (let line = first; line <= last; line++) {
    for (let column = 1; column <= LAST_COLUMN; column++) ws.getCell(line, column).style = styleOf(column);
  }
  for (const cell of cells) {
    const target = ws.getCell(cell.line, cell.column);
    if (cell.value !== undefined && cell.value !== '') target.value = cell.value;
    // Inputs stay editable under the sheet's protection; the rest is locked (Excel's default).
    if (cell.role.kind === 'input') target.style = inputStyleOf(cell.column);
  }
  for (const column of ROW_COLUMNS) merges.add(first, column, last, column);
  row.indicators.forEach((_, index) => {
    const top = first + index * LINES_PER_INDICATOR;
    for (const column of INDICATOR_COLUMNS) merges.add(top, column, top + LINES_PER_INDICATOR - 1, column);
  });
  fitHeights(ws, row, first, lines);
}

/** The column's style, unlocked: an object of its own per column (styles are shared by reference, never changed in place). */
const INPUT_STYLES = new Map<number, Partial<ExcelJS.Style>>();
function inputStyleOf(column: number): Partial<ExcelJS.Style> {
  let style = INPUT_STYLES.get(column);
  if (!style) INPUT_STYLES.set(column, (style = { ...styleOf(column), protection: { locked: false } }));
  return style;
}

function styleOf(column: number): Partial<ExcelJS.Style> {
  if (column === COLUMN.budget || column === COLUMN.budget + 1 || column === COLUMN.personnel) return AMOUNT_STYLE;
  if (column === COLUMN.no || column === COLUMN.label || column === COLUMN.change || column === COLUMN.grade || column === COLUMN.policyGrade || column === COLUMN.course) return CENTER_STYLE;
  return TEXT_STYLE;
}

/** Excel does not grow rows for wrapped text in merged cells: give the lines the height the longest text needs. */
function fitHeights(ws: ExcelJS.Worksheet, row: SheetRow, first: number, lines: number): void {
  const needed = (text: string | undefined, column: number) => {
    if (!text) return 0;
    const perLine = Math.max(1, Math.floor(WIDTHS[column - 1]! / 1.8));
    return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].length / perLine)), 0);
  };
  const textLines = Math.max(
    needed(row.summary, COLUMN.summary),
    needed(row.improvement, COLUMN.improvement),
    needed(row.policyImprovement, COLUMN.policyImprovement),
    needed(row.projectName, COLUMN.project),
  );
  const height = Math.max(15, Math.ceil((textLines * 12) / lines));
  for (let line = first; line < first + lines; line++) ws.getRow(line).height = height;
}

/**
 * Merges that never overlap by construction. exceljs checks each new merge against all
 * earlier ones (quadratic: seconds for a 1,000-project sheet), so each merge is made
 * against an empty list and then added to the sheet's own.
 */
class Merges {
  private readonly all: unknown[];
  constructor(private readonly ws: SheetWriter) {
    this.all = ws._merges;
  }
  add(top: number, left: number, bottom: number, right: number): void {
    if (bottom === top && right === left) return;
    const fresh = Object.assign([] as unknown[], { add: () => {} });
    this.ws._merges = fresh;
    try {
      this.ws.mergeCells(top, left, bottom, right);
      this.all.push(...fresh);
    } finally {
      this.ws._merges = this.all;
    }
  }
}
