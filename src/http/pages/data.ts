// Every page answers `?format=json` and `?format=csv` with exactly what it shows: the same
// rows the HTML lays out. CSV comes from the exports' writer (services/views/csv.ts).
import type { FastifyReply } from 'fastify';
import { csvText, type CsvTable } from '../../services/views/csv.js';

export type { CsvTable };

export type PageFormat = 'html' | 'json' | 'csv';

export function pageFormat(query: unknown): PageFormat {
  const format = (query as { format?: unknown } | undefined)?.format;
  return format === 'json' || format === 'csv' ? format : 'html';
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
