// Every page answers `?format=json` and `?format=csv` with exactly what it shows: the same
// rows the HTML lays out. CSV is UTF-8 with a BOM (Excel opens it as such), CRLF, and
// formula-escaped (a cell starting with = + - @ cannot run in a spreadsheet).
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

export type PageFormat = 'html' | 'json' | 'csv';

export function pageFormat(query: unknown): PageFormat {
  const format = (query as { format?: unknown } | undefined)?.format;
  return format === 'json' || format === 'csv' ? format : 'html';
}

export interface CsvTable {
  /** Japanese headers, in order. */
  header: readonly string[];
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
}

export function csvText(table: CsvTable): string {
  return stringify([table.header as string[], ...table.rows.map((row) => row.map(csvCell))], {
    bom: true,
    record_delimiter: '\r\n',
    escape_formulas: true,
  });
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Sends the page's data; `name` becomes the download's file name (ASCII). */
export function sendData(reply: FastifyReply, format: 'json' | 'csv', name: string, json: unknown, table: () => CsvTable): FastifyReply {
  if (format === 'json') {
    return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(json));
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`)
    .send(csvText(table()));
}
