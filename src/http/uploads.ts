// What the API's import and the upload page share: the size limit of each format, how many
// changed values a preview lists, the token a preview promises, and a file's format told
// from its name and first bytes.
import { createHash } from 'node:crypto';
import type { FileImportOutcome, ImportFormat } from '../services/files.js';
import { BODY_LIMIT } from './limits.js';

/** Per-format upload limits: a workbook is compressed, so its limit is lower than JSON's. */
export const UPLOAD_LIMIT: Record<ImportFormat, number> = {
  json: BODY_LIMIT,
  xlsx: 32 * 1024 * 1024,
  csv: BODY_LIMIT,
  'sheet-text': 8 * 1024 * 1024,
};

/** Changed values a preview lists (with their total): enough to read, bounded for a whole new organization. */
export const PREVIEW_CHANGES = 1000;

/**
 * What a preview promises: the same upload, read the same way, giving the same report.
 * Confirming with the token imports only if a fresh preview still gives that report — if
 * someone changed the data in between, the clerk is asked to look again.
 */
export function previewToken(bytes: Buffer, format: string, options: string, outcome: FileImportOutcome): string {
  return createHash('sha256')
    .update(format)
    .update('\0')
    .update(options)
    .update('\0')
    .update(bytes)
    .update('\0')
    .update(JSON.stringify(outcome.report))
    .digest('base64url');
}

/** A file's format: a zip is a workbook, `{` a hyoka/1 document; else by its name (.csv, .txt), else a CSV. */
export function detectFormat(fileName: string, bytes: Buffer): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.txt')) return 'sheet-text';
  if (name.endsWith('.csv')) return 'csv';
  const start = bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') ? 'json' : 'csv';
}

/** Bytes as MiB for a message (32 MiB). */
export const mebibytes = (bytes: number) => `${bytes / 1048576} MiB`;
