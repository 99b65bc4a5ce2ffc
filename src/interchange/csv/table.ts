// The one CSV writer, for exports and for every page's ?format=csv: Japanese headers, CRLF,
// cells that a spreadsheet would run as formulas escaped, a cell quoted when it holds a
// comma, a quote or any line break (a lone LF too: Excel and LibreOffice end a record at
// every line break outside quotes), and the chosen encoding (UTF-8 with a BOM by default).
// In CP932, every cell is checked first and the file is refused with the list of characters
// it cannot hold (line, column, character): a report is a value the caller shows, a file
// with `?` in it is silent data loss.
import { stringify } from 'csv-stringify/sync';
import { plainDecimal } from '../../domain/quantity.js';
import { type CellValue, type Column, type Row } from './columns.js';
import { type CsvEncoding, codePointText, cp932Lookalikes, encodeText, notInCp932 } from './encode.js';
import { type CsvProblem, both, csvProblem } from './problems.js';

export interface CsvWriteOptions {
  /** Default `utf-8` (with a BOM). */
  encoding?: CsvEncoding;
  /** UTF-8 only: write the BOM Excel needs to see UTF-8 (default true). */
  bom?: boolean;
}

export type CsvOutput =
  | { ok: true; bytes: Uint8Array; encoding: CsvEncoding; rows: number }
  | { ok: false; problems: CsvProblem[] };

// A cell starting with one of these would run as a formula in a spreadsheet (OWASP's list,
// plus the full-width ＝＋－＠ that csv-stringify also escapes, since some spreadsheets fold
// them); one starting with ' is escaped too, so that reading strips exactly the quote added.
/** The characters a written cell is quoted before; records.ts strips the quote before them. */
export const ESCAPED_START_CHARS = "=+\\-@\\t\\r'＝＋－＠";
const ESCAPED_START = new RegExp(`^[${ESCAPED_START_CHARS}]`, 'u');
const LINE_BREAK = /\r\n|\r|\n/gu;
const MAX_PROBLEMS = 500;

/** The text a string cell is written as: `=1+1` → `'=1+1`. readCsv undoes it (unescapeCell). */
export function escapeCell(text: string): string {
  return ESCAPED_START.test(text) ? `'${text}` : text;
}

export function tableBytes(columns: readonly Column[], rows: readonly Row[], options: CsvWriteOptions = {}): CsvOutput {
  const encoding = options.encoding ?? 'utf-8';
  const mapText = encoding === 'cp932' ? cp932Lookalikes : (text: string) => text;
  const records: (string | number)[][] = [columns.map((column) => mapText(column.header))];
  for (const row of rows) records.push(columns.map((column) => cellOf(row[column.name] ?? null, mapText)));
  if (encoding === 'cp932') {
    const problems = unencodable(columns, records);
    if (problems.length > MAX_PROBLEMS) {
      const more = problems.length - MAX_PROBLEMS;
      return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), csvProblem({}, both(`ほかに ${more} か所あります`, `${more} more`))] };
    }
    if (problems.length > 0) return { ok: false, problems };
  }
  return { ok: true, bytes: encodeText(recordsText(records), encoding, { bom: options.bom ?? true }), encoding, rows: rows.length };
}

/** A cell as pages hand it over: text, a number, a flag, or nothing. */
export type TableCell = string | number | boolean | null | undefined;

/** A page's table as CSV text: the header, then the rows, with the BOM Excel needs to see UTF-8. */
export function tableText(header: readonly string[], rows: readonly (readonly TableCell[])[]): string {
  const records: (string | number)[][] = [header.map(escapeCell)];
  for (const row of rows) records.push(row.map(pageCell));
  return `\uFEFF${recordsText(records)}`;
}

function pageCell(value: TableCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return escapeCell(String(value));
}

function recordsText(records: readonly (string | number)[][]): string {
  return stringify(records as (string | number)[][], {
    record_delimiter: '\r\n',
    escape_formulas: true, // a second guard: escapeCell has already quoted every such cell
    quoted_match: /[\r\n]/u, // csv-stringify leaves a lone LF unquoted when records end in CRLF
    cast: { number: plainDecimal },
  });
}

function cellOf(value: CellValue, mapText: (text: string) => string): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value; // written by cast.number; a plain number is never a formula
  return escapeCell(mapText(value));
}

/** Every cell holding a character CP932 lacks, with the line it lands on in the file. */
function unencodable(columns: readonly Column[], records: readonly (string | number)[][]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  let line = 1;
  for (const record of records) {
    let offset = 0;
    record.forEach((cell, index) => {
      if (typeof cell !== 'string') return;
      const header = columns[index]?.header;
      for (const [at, char] of charsNotInCp932(cell)) {
        const place = { line: line + offset + breaksBefore(cell, at), column: index + 1, ...(header !== undefined && { header }) };
        problems.push(
          csvProblem(
            place,
            both(
              `「${char}」(${codePointText(char)}) は CP932 (Shift_JIS) で書けません。UTF-8 で出力するか、この文字を置き換えてください`,
              `「${char}」 (${codePointText(char)}) cannot be written in CP932 (Shift_JIS); export in UTF-8 or replace the character`,
            ),
          ),
        );
      }
      offset += breaksBefore(cell, cell.length);
    });
    line += 1 + offset;
  }
  return problems;
}

function charsNotInCp932(cell: string): [number, string][] {
  const missing = notInCp932(cell);
  if (missing.length === 0) return [];
  const found: [number, string][] = [];
  let at = 0;
  for (const char of cell) {
    if (missing.includes(char)) found.push([at, char]);
    at += char.length;
  }
  return found;
}

function breaksBefore(text: string, end: number): number {
  return text.slice(0, end).match(LINE_BREAK)?.length ?? 0;
}
