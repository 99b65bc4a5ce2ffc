// What a page's ?format=csv holds, and its text: written by the exports' one CSV writer
// (interchange/csv/table.ts) — UTF-8 with a BOM, CRLF, formula-escaped, a cell with a line
// break quoted.
import { tableText, type TableCell } from '../../interchange/csv/table.js';

export type { TableCell };

export interface CsvTable {
  /** Japanese headers, in order. */
  header: readonly string[];
  rows: readonly (readonly TableCell[])[];
}

export function csvText(table: CsvTable): string {
  return tableText(table.header, table.rows);
}
