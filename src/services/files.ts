// Import and export in the forms cities work with: hyoka/1 JSON, Excel (the PDCA sheet, the
// data workbook, the blank template), the long-format CSV, open data, and the text layer of
// an old published sheet. Readers and writers are pure (src/interchange); this is where
// they meet the store. Every import goes through importValue: one transaction, all or
// nothing, with a dry run that reports what would change.
import type { HyokaDocument } from '../domain/model.js';
import { readCsv } from '../interchange/csv/read.js';
import { writeBudgetsCsv, writePeriodsCsv } from '../interchange/csv/write.js';
import type { CsvEncoding } from '../interchange/csv/encode.js';
import { openDataFiles } from '../interchange/open-data/files.js';
import { zipFiles } from '../interchange/open-data/zip.js';
import type { SheetFilter } from '../interchange/sheet-rows.js';
import { defaultSheetYear } from '../interchange/sheet-rows.js';
import { readSheetText, type SheetReport } from '../interchange/sheet-text/read.js';
import { formatSheetReport, placeOf } from '../interchange/sheet-text/report.js';
import { writeDataWorkbook } from '../interchange/xlsx/data-workbook.js';
import { writePdcaWorkbook } from '../interchange/xlsx/pdca-sheet.js';
import { readWorkbook } from '../interchange/xlsx/read-workbook.js';
import { writeTemplate } from '../interchange/xlsx/template.js';
import { authorize } from './authorization.js';
import { computedDocument } from './computed.js';
import type { Context } from './context.js';
import { importText, importValidated, importValue, type ImportOptions, type ImportOutcome } from './documents.js';
import { ServiceError } from './errors.js';
import { exportDocument } from './export.js';
import { authorizeImporter, type ImportMode } from './import.js';

export type { ImportMode };

export const IMPORT_MODES = ['replace', 'merge'] as const satisfies readonly ImportMode[];

export const IMPORT_FORMATS = ['json', 'xlsx', 'csv', 'sheet-text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface FileImportOptions {
  format: ImportFormat;
  /** `replace` (the default) or `merge`: each project in the file replaces that project, the others stay (services/import.ts). */
  mode?: ImportMode;
  dryRun?: boolean;
  /** Import even when it removes most of the organization (removal-guard.ts). */
  allowRemovals?: boolean;
  /** List the changed values in the report, the first this many (a preview). */
  listChanges?: number;
  /** sheet-text: the bureau (局) of every project; the sheet does not print it. */
  bureau?: string;
}

export interface FileImportOutcome extends ImportOutcome {
  /** What the reader wants a person to know (sheet text: read with confidence, guessed, not placed). */
  notes: string;
}

/**
 * Imports a file in one of IMPORT_FORMATS. The context's organization (orgRef) is the one a
 * CSV updates, and the name a sheet-text draft's organization gets.
 */
export async function importFile(ctx: Context, bytes: Buffer, options: FileImportOptions): Promise<FileImportOutcome> {
  authorizeImporter(ctx);
  const modes = {
    dryRun: options.dryRun === true,
    allowRemovals: options.allowRemovals === true,
    ...(options.listChanges !== undefined && { listChanges: options.listChanges }),
    ...(options.mode !== undefined && { mode: options.mode }),
  };
  switch (options.format) {
    case 'json':
      return { ...(await importText(ctx, utf8(bytes, 'JSON'), modes)), notes: '' };
    case 'xlsx': {
      const reading = await readWorkbook(bytes);
      if (!reading.ok) {
        throw new ServiceError(
          'invalid',
          `Excel ブックに ${reading.problems.length} 件の問題があります。何も書き込んでいません / The workbook has ${reading.problems.length} problem(s); nothing was written`,
          reading.problems.map((problem) => ({ path: problem.place, message: problem.message })),
        );
      }
      // Validated by the reader: imported as it stands.
      return { ...(await importValidated(ctx, { ok: true, document: reading.value, unknownFields: reading.unknownFields }, modes)), notes: '' };
    }
    case 'csv': {
      const base = await csvBase(ctx);
      const reading = readCsv(bytes, base);
      if (!reading.ok) {
        throw new ServiceError(
          'invalid',
          `CSV に ${reading.problems.length} 件の問題があります。何も書き込んでいません / The CSV has ${reading.problems.length} problem(s); nothing was written`,
          reading.problems.map(({ path, message }) => ({ path, message })),
        );
      }
      const notes = reading.notices.map((notice) => `${notice.path}: ${notice.message}`).join('\n');
      return { ...(await importValue(ctx, reading.document, modes)), notes: notes ? `${notes}\n` : '' };
    }
    case 'sheet-text':
      return importSheetText(ctx, bytes, { ...(ctx.orgRef !== undefined && { org: ctx.orgRef }), ...(options.bureau !== undefined && { bureau: options.bureau }) }, modes);
  }
}

/**
 * A published sheet's text: a reader that guesses, so it must not empty an organization
 * because it read nothing. A draft without a single row is refused, and any refusal lists
 * what the reader could not place beside its own problems.
 */
async function importSheetText(ctx: Context, bytes: Buffer, names: { org?: string; bureau?: string }, modes: ImportOptions): Promise<FileImportOutcome> {
  const { document, report, notes } = readSheetDraft(bytes, names);
  const unread = report.unplaced.map((item) => ({ path: placeOf(item) || 'sheet-text', message: item.message }));
  if (document.projects.length === 0) {
    throw new ServiceError(
      'invalid',
      'シートのテキストから事業の行を一つも読めませんでした。何も書き込んでいません / No project row could be read from the sheet text; nothing was written',
      unread,
    );
  }
  try {
    return { ...(await importValidated(ctx, { ok: true, document, unknownFields: [] }, modes)), notes };
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'invalid' && unread.length > 0) {
      throw new ServiceError(error.kind, error.message, [...error.problems, ...unread]);
    }
    throw error;
  }
}

/** The draft document a published sheet's text gives, and the reader's report (also as text). */
export function readSheetDraft(bytes: Buffer, options: { org?: string; bureau?: string }): { document: HyokaDocument; report: SheetReport; notes: string } {
  const { document, report } = readSheetText(utf8(bytes, 'text'), {
    ...(options.org !== undefined && { organization: options.org }),
    ...(options.bureau !== undefined && { bureau: options.bureau }),
  });
  return { document, report, notes: formatSheetReport(report) };
}

/** A CSV updates the periods and budgets of an organization already in the database. */
async function csvBase(ctx: Context): Promise<HyokaDocument> {
  try {
    return await exportDocument(ctx);
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not-found') {
      throw new ServiceError(
        'invalid',
        'CSV は登録済みの団体の実績・予算を更新します。先に hyoka/1 文書か Excel ブックで団体を取り込んでください / ' +
          'A CSV updates the periods and budgets of an organization already stored: import its document or workbook first',
      );
    }
    throw error;
  }
}

function utf8(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ServiceError('invalid', `${what} は UTF-8 で保存してください / Save the ${what} file as UTF-8`);
  }
}

export const EXPORT_FORMATS = ['json', 'xlsx', 'xlsx-data', 'xlsx-template', 'csv', 'csv-budgets', 'open-data'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FileExportOptions {
  format: ExportFormat;
  /** CSV: `utf-8` (with BOM, default) or `cp932`. */
  encoding?: CsvEncoding;
  /** The sheet's graded year (xlsx), the open data's year; default the latest evaluated. */
  fiscalYear?: number;
  /** xlsx: one sheet of the matching rows instead of one per bureau. */
  filter?: SheetFilter;
}

export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  /** ASCII file name for downloads. */
  fileName: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportFile(ctx: Context, options: FileExportOptions): Promise<ExportedFile> {
  authorize(ctx, 'read-published');
  const { document } = await computedDocument(ctx);
  const base = fileBase(document);
  switch (options.format) {
    case 'json':
      return { bytes: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), contentType: 'application/json; charset=utf-8', fileName: `${base}.hyoka.json` };
    case 'xlsx': {
      const bytes = await writePdcaWorkbook(document, {
        ...(options.fiscalYear !== undefined && { fiscalYear: options.fiscalYear }),
        ...(options.filter && { filter: options.filter }),
      });
      return { bytes, contentType: XLSX, fileName: `${base}-pdca.xlsx` };
    }
    case 'xlsx-data':
      return { bytes: await writeDataWorkbook(document), contentType: XLSX, fileName: `${base}-data.xlsx` };
    case 'xlsx-template':
      return {
        bytes: await writeTemplate({ organization: document.organization, ...(document.settings && { settings: document.settings }) }),
        contentType: XLSX,
        fileName: `${base}-template.xlsx`,
      };
    case 'csv':
    case 'csv-budgets': {
      const write = options.format === 'csv' ? writePeriodsCsv : writeBudgetsCsv;
      const output = write(document, { computed: true, ...(options.encoding && { encoding: options.encoding }) });
      if (!output.ok) {
        throw new ServiceError(
          'invalid',
          'CP932 (Shift_JIS) で表せない文字があります。UTF-8 で書き出すか、該当箇所を直してください / Some characters cannot be written in CP932 (Shift_JIS): export as UTF-8 or change them',
          output.problems.map(({ path, message }) => ({ path, message })),
        );
      }
      const charset = output.encoding === 'cp932' ? 'shift_jis' : 'utf-8';
      const name = options.format === 'csv' ? 'periods' : 'budgets';
      return { bytes: output.bytes, contentType: `text/csv; charset=${charset}`, fileName: `${base}-${name}.csv` };
    }
    case 'open-data': {
      const fiscalYear = options.fiscalYear ?? defaultSheetYear(document);
      return { bytes: zipFiles(openDataFiles(document, fiscalYear)), contentType: 'application/zip', fileName: `${base}-opendata-${fiscalYear}.zip` };
    }
  }
}

function fileBase(document: HyokaDocument): string {
  const code = document.organization.code;
  return code && /^[A-Za-z0-9-]+$/.test(code) ? code : 'hyoka';
}
