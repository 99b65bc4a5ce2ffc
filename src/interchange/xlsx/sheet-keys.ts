// The keys a PDCA sheet workbook carries out of sight: a very hidden, protected sheet with
// one line per row of the sheet — the worksheet and its first line, the project key, the
// placement (policy, No.), the indicator keys of its lines in order, whether it carries its
// policy's cells — and a fingerprint of the cells as written (one for the row, one for the
// policy's cells). A1's row holds the graded year (the columns' years follow from it) and
// the names of the sheet's worksheets.
// The update reader (sheet-update.ts) finds its records by these keys, and tells a row a
// person changed (its cells no longer match the fingerprint) from one hyoka changed since
// (the stored row no longer writes the fingerprint).
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { both, readCell, type WorkbookProblem } from './cells.js';
import { cellText, type LaidCell, POLICY_COLUMNS, type RowOrigins } from './sheet-cells.js';
import type { SheetRow } from '../sheet-rows.js';

export const KEYS_SHEET = 'hyoka-keys';
/** A1 of the keys sheet: how the reader recognises it (and the layout's version). */
export const KEYS_FORMAT = 'hyoka-pdca-sheet-keys/1';
const HEADINGS = ['シート / sheet', '行 / line', '事業キー / project', '施策 / policy', 'No.', '施策の列 / policy cells', '指標キー / indicators', '照合値 / fingerprint', '施策の照合値 / policy fingerprint'];
const FIRST_KEY_ROW = 3;

export interface RowKey {
  sheet: string;
  first: number;
  project: string;
  policy: string;
  no: number;
  policyCell: boolean;
  indicators: string[];
  fingerprint: string;
  /** Only where policyCell. */
  policyFingerprint?: string;
}

export interface SheetKeys {
  /** The graded fiscal year (the sheet's first indicator column). */
  fiscalYear: number;
  /** The worksheets of the sheet, in order (A1's row, from C1 on). */
  sheets: string[];
  rows: RowKey[];
}

/** A cell's place and text, as a fingerprint reads it. */
export interface CellText {
  line: number;
  column: number;
  text: string;
}

/** The fingerprints of a row's cells: all but the policy's, and the policy's. */
export function fingerprints(cells: readonly CellText[]): { row: string; policy: string } {
  const row = cells.filter((cell) => !POLICY_COLUMNS.includes(cell.column));
  const policy = cells.filter((cell) => POLICY_COLUMNS.includes(cell.column));
  return { row: digest(row), policy: digest(policy) };
}

function digest(cells: readonly CellText[]): string {
  return createHash('sha256')
    .update(JSON.stringify(cells.map((cell) => [cell.line, cell.column, cell.text])))
    .digest('base64url')
    .slice(0, 22);
}

export function rowKey(sheet: string, first: number, row: SheetRow, origins: RowOrigins, policyCell: boolean, cells: readonly LaidCell[]): RowKey {
  const prints = fingerprints(cells.map((cell) => ({ line: cell.line, column: cell.column, text: cellText(cell.value) })));
  return {
    sheet,
    first,
    project: origins.project.key,
    policy: origins.placement.policy,
    no: origins.placement.no,
    policyCell,
    indicators: row.indicators.map((indicator) => indicator.key),
    fingerprint: prints.row,
    ...(policyCell && { policyFingerprint: prints.policy }),
  };
}

export function writeKeys(ws: ExcelJS.Worksheet, keys: SheetKeys): void {
  ws.getCell(1, 1).value = KEYS_FORMAT;
  ws.getCell(1, 2).value = keys.fiscalYear;
  keys.sheets.forEach((name, index) => (ws.getCell(1, 3 + index).value = name));
  HEADINGS.forEach((heading, index) => (ws.getCell(2, index + 1).value = heading));
  keys.rows.forEach((key, index) => {
    const values = [key.sheet, key.first, key.project, key.policy, key.no, key.policyCell ? 1 : 0, JSON.stringify(key.indicators), key.fingerprint, key.policyFingerprint ?? ''];
    values.forEach((value, column) => {
      if (value !== '') ws.getCell(FIRST_KEY_ROW + index, column + 1).value = value;
    });
  });
}

/** The keys sheet of a workbook: the very hidden one whose A1 is KEYS_FORMAT. */
export function findKeysSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.getCell(1, 1).value === KEYS_FORMAT);
}

/** The keys as written; a keys sheet that does not read back whole is a problem (it is not for people to edit). */
export function readKeys(ws: ExcelJS.Worksheet, problems: WorkbookProblem[]): SheetKeys | undefined {
  const broken = () => {
    problems.push({ place: ws.name, message: both('hyoka の照合用の隠しシートが壊れています。hyoka から書き出し直してください', "hyoka's hidden sheet of keys is damaged: export the workbook from hyoka again") });
    return undefined;
  };
  const fiscalYear = ws.getCell(1, 2).value;
  if (typeof fiscalYear !== 'number' || !Number.isInteger(fiscalYear)) return broken();
  const sheets: string[] = [];
  for (let column = 3; column <= ws.getRow(1).cellCount; column++) {
    const name = ws.getCell(1, column).value;
    if (typeof name !== 'string') return broken();
    sheets.push(name);
  }
  const rows: RowKey[] = [];
  for (let line = FIRST_KEY_ROW; line <= ws.rowCount; line++) {
    const text = (column: number) => {
      const reading = readCell(ws.getCell(line, column));
      return reading.ok && reading.value !== undefined ? reading.value : undefined;
    };
    const [sheet, first, project, policy, no, policyCell, indicators, fingerprint, policyFingerprint] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(text);
    if (sheet === undefined && project === undefined) continue;
    let keys: unknown;
    try {
      keys = JSON.parse(String(indicators));
    } catch {
      return broken();
    }
    if (
      typeof sheet !== 'string' || typeof first !== 'number' || typeof project !== 'string' || typeof policy !== 'string' || typeof no !== 'number' ||
      !Array.isArray(keys) || !keys.every((key) => typeof key === 'string') || typeof fingerprint !== 'string'
    ) {
      return broken();
    }
    rows.push({
      sheet,
      first,
      project,
      policy,
      no,
      policyCell: policyCell === 1,
      indicators: keys as string[],
      fingerprint,
      ...(typeof policyFingerprint === 'string' && { policyFingerprint }),
    });
  }
  return { fiscalYear, sheets, rows };
}
