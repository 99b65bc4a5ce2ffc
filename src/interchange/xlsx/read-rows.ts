// One table sheet read into typed rows: columns found by their Japanese headers (in any
// order), each cell read by its column's kind, every problem with its cell. Computed
// columns are skipped; so are empty rows.
import type ExcelJS from 'exceljs';
import { both, placeOf, readCell, type WorkbookProblem } from './cells.js';
import { EMPTY_LIST, EMPTY_STRING, type ColumnSpec, type TableSpec } from './tables.js';

export interface ReadRow {
  /** The sheet row number (1-based, as Excel shows it). */
  row: number;
  values: Record<string, unknown>;
  /** The place of each column's cell in this row, for problems (`事業!B4`). */
  places: Record<string, string>;
  /** The row's first cell, for problems about the whole record. */
  place: string;
}

/** Rows per sheet above which a workbook is refused (a filled template has far fewer). */
export const MAX_ROWS = 200_000;

export function readRows(sheet: ExcelJS.Worksheet, spec: TableSpec, problems: WorkbookProblem[]): ReadRow[] {
  const columns = headerColumns(sheet, spec, problems);
  if (!columns) return [];
  if (sheet.rowCount > MAX_ROWS) {
    problems.push({ place: spec.sheet, message: both(`行が多すぎます (${sheet.rowCount} 行、上限 ${MAX_ROWS} 行)`, `too many rows (${sheet.rowCount}; at most ${MAX_ROWS})`) });
    return [];
  }
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber === 1) return;
    const read: ReadRow = { row: rowNumber, values: {}, places: {}, place: placeOf(spec.sheet, `A${rowNumber}`) };
    let filled = false;
    excelRow.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const place = placeOf(spec.sheet, cell.address);
      const column = columns.get(colNumber);
      const reading = readCell(cell);
      if (!reading.ok) {
        problems.push({ place, message: reading.message });
        return;
      }
      if (reading.value === undefined) return;
      if (reading.value === EMPTY_STRING) reading.value = '';
      if (!column) {
        problems.push({ place, message: both('見出しのない列に値があります。表の列に移すか消してください', 'a value in a column without a header: move it into a column of the table or delete it') });
        return;
      }
      if (column.kind === 'computed') return;
      const typed = typedValue(column, reading.value);
      if ('error' in typed) {
        problems.push({ place, message: typed.error });
        return;
      }
      read.values[column.name] = typed.value;
      read.places[column.name] = place;
      filled = true;
    });
    if (filled) rows.push(read);
  });
  return rows;
}

/** Column number → spec, from the header row; unknown and repeated headers are problems. */
function headerColumns(sheet: ExcelJS.Worksheet, spec: TableSpec, problems: WorkbookProblem[]): Map<number, ColumnSpec> | undefined {
  const byHeader = new Map(spec.columns.map((column) => [column.header, column]));
  const columns = new Map<number, ColumnSpec>();
  const seen = new Set<string>();
  const before = problems.length;
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, colNumber) => {
    const place = placeOf(spec.sheet, cell.address);
    const reading = readCell(cell);
    if (!reading.ok) {
      problems.push({ place, message: reading.message });
      return;
    }
    if (reading.value === undefined) return;
    const header = String(reading.value).trim();
    const column = byHeader.get(header);
    if (!column) {
      const expected = spec.columns.map((c) => c.header).join('、');
      problems.push({ place, message: both(`見出し「${header}」はこの表の列ではありません (列: ${expected})`, `header "${header}" is not a column of this table`) });
    } else if (seen.has(header)) {
      problems.push({ place, message: both(`見出し「${header}」が二つあります。一つにしてください`, `header "${header}" appears twice: keep one`) });
    } else {
      seen.add(header);
      columns.set(colNumber, column);
    }
  });
  return problems.length > before ? undefined : columns;
}

type Typed = { value: unknown } | { error: string };

function typedValue(column: ColumnSpec, value: string | number): Typed {
  switch (column.kind) {
    case 'text':
    case 'choice':
      return { value: typeof value === 'number' ? String(value) : value };
    case 'number':
      // Numeral strings ("2,700人", "R3年度") are read by validation, which knows the unit.
      return { value };
    case 'integer':
      return integerOf(value);
    case 'json':
      return jsonOf(value);
    case 'goals':
      return goalsOf(value);
    case 'keys':
      return { value: String(value) === EMPTY_LIST ? [] : String(value).split(/[,、\n]/).map((key) => key.trim()).filter((key) => key !== '') };
    case 'computed':
      return { value: undefined };
  }
}

function integerOf(value: string | number): Typed {
  const text = typeof value === 'number' ? String(value) : value.normalize('NFKC').replace(/,/g, '').trim();
  if (/^\d+$/.test(text)) return { value: Number(text) };
  return { error: both(`「${value}」は整数ではありません。0 以上の整数を書いてください`, `"${value}" is not a whole number`) };
}

function jsonOf(value: string | number): Typed {
  if (typeof value === 'number') return { value };
  try {
    return { value: JSON.parse(value) as unknown };
  } catch {
    return { error: both('JSON として読めません。hyoka が書いた形のまま直すか、空にしてください', 'not valid JSON: keep the form hyoka wrote, or empty the cell') };
  }
}

function goalsOf(value: string | number): Typed {
  if (typeof value === 'number') return Number.isInteger(value) ? { value: [value] } : { error: goalsError(String(value)) };
  if (value === EMPTY_LIST) return { value: [] };
  const goals: number[] = [];
  for (const part of value.normalize('NFKC').split(/[,、\s]+/)) {
    if (part === '') continue;
    if (!/^\d+$/.test(part)) return { error: goalsError(value) };
    goals.push(Number(part));
  }
  return { value: goals };
}

function goalsError(value: string): string {
  return both(`「${value}」は SDGs のゴール番号として読めません (例: 4, 10, 17)。ないときは「${EMPTY_LIST}」`, `"${value}" is not a list of SDG goal numbers (e.g. 4, 10, 17); write ${EMPTY_LIST} for none`);
}
