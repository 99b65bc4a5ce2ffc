// One cell as the reader sees it: empty, a string or a number — or a problem with its
// place. Formulas are refused (formula injection; their cached result is not the clerk's
// value either), and so are dates, booleans and error values, which no column holds.
import ExcelJS from 'exceljs';

export interface WorkbookProblem {
  /** `シート名!H12`, or the sheet or workbook when no cell is to blame. */
  place: string;
  message: string;
  /** The JSON path of the document field, for problems found by validation. */
  path?: string;
}

export type CellReading = { ok: true; value: string | number | undefined } | { ok: false; message: string };

export const both = (japanese: string, english: string) => `${japanese} / ${english}`;

export function placeOf(sheet: string, address: string): string {
  return `${/^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

export function readCell(cell: ExcelJS.Cell): CellReading {
  const value = cell.value;
  if (value === null || value === undefined) return { ok: true, value: undefined };
  if (typeof value === 'string' || typeof value === 'number') {
    if (typeof value === 'number' && !Number.isFinite(value)) return refuse('数値として読めません', 'not a finite number');
    return { ok: true, value };
  }
  if (typeof value === 'boolean') return refuse('TRUE/FALSE は使えません。文字か数値で書いてください', 'TRUE/FALSE is not allowed: write text or a number');
  if (value instanceof Date) return refuse('日付は使えません。年度は 2021 や R3年度 のように書いてください', 'dates are not allowed: write a fiscal year as 2021 or R3年度');
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      return refuse('数式は使えません。値だけを入力してください (数式は取り込みません)', 'formulas are not allowed: type the value itself (formulas are never imported)');
    }
    if ('error' in value) return refuse('エラー値です。正しい値を入力してください', 'an error value: type a proper value');
    if ('richText' in value && Array.isArray(value.richText)) return { ok: true, value: value.richText.map((run) => String(run.text ?? '')).join('') };
    if ('text' in value && typeof value.text === 'string') return { ok: true, value: value.text }; // a hyperlink: its text
  }
  return refuse('読めない種類のセルです。文字か数値を入力してください', 'an unreadable kind of cell: type text or a number');
}

function refuse(japanese: string, english: string): CellReading {
  return { ok: false, message: both(japanese, english) };
}
