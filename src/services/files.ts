// Import and export in the forms cities work with: hyoka/1 JSON, Excel (the PDCA sheet, the
// data workbook, the blank template), the long-format CSV, open data, and the text layer of
// an old published sheet. Readers and writers are pure (src/interchange); this is where
// they meet the store. Every import goes through importValue: one transaction, all or
// nothing, with a dry run that reports what would change.
import type { HyokaDocument } from '../domain/model.js';
import { readCsv } from '../interchange/csv/read.js';
import { policyEvaluationKey } from '../interchange/merge.js';
import type { PlaceOf } from '../interchange/places.js';
import { validateDocument } from '../interchange/validate.js';
import { writeBudgetsCsv, writePeriodsCsv } from '../interchange/csv/write.js';
import type { CsvEncoding } from '../interchange/csv/encode.js';
import { openDataFiles } from '../interchange/open-data/files.js';
import { zipFiles } from '../interchange/open-data/zip.js';
import type { SheetFilter } from '../interchange/sheet-rows.js';
import { defaultSheetYear } from '../interchange/sheet-rows.js';
import { readSheetText, type SheetReport } from '../interchange/sheet-text/read.js';
import { keepStoredKeys } from '../interchange/sheet-text/keep-keys.js';
import { formatSheetReport, placeOf } from '../interchange/sheet-text/report.js';
import { writeDataWorkbook } from '../interchange/xlsx/data-workbook.js';
import { writePdcaWorkbook } from '../interchange/xlsx/pdca-sheet.js';
import { readWorkbook } from '../interchange/xlsx/read-workbook.js';
import { writeTemplate } from '../interchange/xlsx/template.js';
import { authorize } from './authorization.js';
import { readerView, type Edition } from './public-view.js';
import type { Context } from './context.js';
import { importText, importValidated, type ImportOptions, type ImportOutcome } from './documents.js';
import { ServiceError } from './errors.js';
import { exportDocument } from './export.js';
import { readSheetWorkbook } from './sheet-update.js';
import { authorizeImporter } from './import.js';
import { documentOrganization } from './organizations.js';

export const IMPORT_FORMATS = ['json', 'xlsx', 'csv', 'sheet-text'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * How a file meets the stored data (workflow.md, "Files in a workflow"): `replace` — the file
 * becomes the organization's data (its admin's); `merge` — each project in the file replaces
 * that project, the others are left alone; `update` — the file's values update fields of
 * records that exist (an update reader, below), then written as a merge.
 */
export const IMPORT_MODES = ['replace', 'merge', 'update'] as const;
export type FileImportMode = (typeof IMPORT_MODES)[number];

/**
 * What an update reader gives: the stored document with the file's values in it (validated
 * here as a whole), and the records it touched — only those are written (as a merge), so a
 * project the file does not name is never written back from a stale copy.
 */
export interface UpdateReading {
  document: HyokaDocument;
  /** Keys of the projects the file updates. */
  projects: readonly string[];
  /** Policy evaluations the file updates (interchange/merge.ts policyEvaluationKey). */
  policyEvaluations?: readonly string[];
  /** Where the file holds each value, by change path. */
  placeOf?: PlaceOf;
  /** What the reader wants a person to know. */
  notes?: string;
}

/** Reads a file against the stored document; throws ServiceError('invalid') with its problems by cell or line. */
export type UpdateReader = (bytes: Buffer, stored: HyokaDocument) => Promise<UpdateReading>;

/**
 * The readers of `update` mode, by format: the one place a format's update reader plugs in
 * (the PDCA sheet workbook's goes under `xlsx`).
 */
export const UPDATE_READERS: Partial<Record<ImportFormat, UpdateReader>> = {
  csv: async (bytes, stored) => {
    const reading = readCsv(bytes, stored);
    if (!reading.ok) {
      throw new ServiceError(
        'invalid',
        `CSV に ${reading.problems.length} 件の問題があります。何も書き込んでいません / The CSV has ${reading.problems.length} problem(s); nothing was written`,
        reading.problems.map(({ path, message }) => ({ path, message })),
      );
    }
    const notes = reading.notices.map((notice) => `${notice.path}: ${notice.message}\n`).join('');
    return { document: reading.document, projects: reading.projects, placeOf: reading.places, notes };
  },
  // The PDCA sheet workbook, filled in (services/sheet-update.ts).
  xlsx: readSheetWorkbook,
};

/** The modes a format is read in, the default first: a CSV only updates; the others replace or merge, and update where a reader is plugged in. */
export function modesOf(format: ImportFormat): readonly FileImportMode[] {
  if (format === 'csv') return ['update'];
  return UPDATE_READERS[format] ? ['replace', 'merge', 'update'] : ['replace', 'merge'];
}

export interface FileImportOptions {
  format: ImportFormat;
  /** Default: the format's first (modesOf). */
  mode?: FileImportMode;
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
  /** The mode the file was read in. */
  mode: FileImportMode;
}

/**
 * Imports a file in one of IMPORT_FORMATS. The context's organization (orgRef) is the one a
 * CSV updates, and the name a sheet-text draft's organization gets.
 */
export async function importFile(ctx: Context, bytes: Buffer, options: FileImportOptions): Promise<FileImportOutcome> {
  authorizeImporter(ctx);
  const mode = modeOf(options.format, options.mode);
  const modes: ImportOptions = {
    mode: mode === 'replace' ? 'replace' : 'merge',
    dryRun: options.dryRun === true,
    allowRemovals: options.allowRemovals === true,
    ...(options.listChanges !== undefined && { listChanges: options.listChanges }),
  };
  const outcome = await importIn(ctx, bytes, options, mode, modes);
  return { ...outcome, mode };
}

function modeOf(format: ImportFormat, given: FileImportMode | undefined): FileImportMode {
  const modes = modesOf(format);
  if (given === undefined) return modes[0]!;
  if (modes.includes(given)) return given;
  throw new ServiceError(
    'invalid',
    `${format} は ${modes.join('・')} で取り込みます (${given} はできません) / A ${format} file is imported as ${modes.join(' or ')}, not ${given}`,
  );
}

async function importIn(ctx: Context, bytes: Buffer, options: FileImportOptions, mode: FileImportMode, modes: ImportOptions): Promise<Omit<FileImportOutcome, 'mode'>> {
  if (mode === 'update') return importUpdate(ctx, bytes, UPDATE_READERS[options.format]!, modes);
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
      const validation = { ok: true as const, document: reading.value, unknownFields: reading.unknownFields };
      return { ...(await importValidated(ctx, validation, { ...modes, placeOf: reading.places })), notes: '' };
    }
    case 'csv':
      throw new Error('a CSV is read in update mode');
    case 'sheet-text':
      return importSheetText(ctx, bytes, { ...(ctx.orgRef !== undefined && { org: ctx.orgRef }), ...(options.bureau !== undefined && { bureau: options.bureau }) }, modes);
  }
}

/** `update`: the reader's values into the stored document, validated whole, the records it touched written as a merge. */
async function importUpdate(ctx: Context, bytes: Buffer, read: UpdateReader, modes: ImportOptions): Promise<Omit<FileImportOutcome, 'mode'>> {
  const reading = await read(bytes, await storedBase(ctx));
  const validation = validateDocument(reading.document);
  // Refused whole, with every problem, when the values make the document invalid.
  const written = validation.ok ? { ...validation, document: touchedOf(validation.document, reading) } : validation;
  const outcome = await importValidated(ctx, written, { ...modes, ...(reading.placeOf && { placeOf: reading.placeOf }) });
  return { ...outcome, notes: reading.notes ?? '' };
}

/** The records an update reading touched, as a merge file: those projects whole, those policy evaluations, no policies. */
function touchedOf(document: HyokaDocument, reading: UpdateReading): HyokaDocument {
  const projects = new Set(reading.projects);
  const evaluations = new Set(reading.policyEvaluations ?? []);
  const { policyEvaluations, ...rest } = document;
  const touched: HyokaDocument = { ...rest, policies: [], projects: document.projects.filter((project) => projects.has(project.key)) };
  if (evaluations.size > 0) touched.policyEvaluations = (policyEvaluations ?? []).filter((evaluation) => evaluations.has(policyEvaluationKey(evaluation)));
  return touched;
}

/**
 * A published sheet's text: a reader that guesses, so it must not empty an organization
 * because it read nothing. A draft without a single row is refused, and any refusal lists
 * what the reader could not place beside its own problems.
 */
async function importSheetText(ctx: Context, bytes: Buffer, names: { org?: string; bureau?: string }, modes: ImportOptions): Promise<Omit<FileImportOutcome, 'mode'>> {
  const draft = readSheetDraft(bytes, names);
  const { report } = draft;
  // Into an organization that holds these projects already: their keys, not p1…pN.
  const kept = keepStoredKeys(await storedDocument(ctx, draft.document), draft.document);
  const { document } = kept;
  const matched = Object.keys(kept.projects).length;
  const notes = matched === 0 ? draft.notes : `${draft.notes}登録済みの事業 ${matched} 件と名前・所管課で対応させ、そのキーを引き継ぎました / ${matched} stored project(s) matched by name and division keep their keys\n`;
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

/** The stored document of the organization `doc` names, or undefined when it is not stored. */
async function storedDocument(ctx: Context, doc: HyokaDocument): Promise<HyokaDocument | undefined> {
  const found = await documentOrganization(ctx.store, doc.organization);
  return found === undefined ? undefined : await ctx.store.documents.read(found.id);
}

/** The draft document a published sheet's text gives, and the reader's report (also as text). */
export function readSheetDraft(bytes: Buffer, options: { org?: string; bureau?: string }): { document: HyokaDocument; report: SheetReport; notes: string } {
  const { document, report } = readSheetText(utf8(bytes, 'text'), {
    ...(options.org !== undefined && { organization: options.org }),
    ...(options.bureau !== undefined && { bureau: options.bureau }),
  });
  return { document, report, notes: formatSheetReport(report) };
}

/** An update reads against the stored document of an organization already in the database. */
async function storedBase(ctx: Context): Promise<HyokaDocument> {
  try {
    return await exportDocument(ctx);
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not-found') {
      throw new ServiceError(
        'invalid',
        '更新 (update) は登録済みの団体の値を更新します。先に hyoka/1 文書か Excel ブックで団体を取り込んでください / ' +
          'An update changes values of an organization already stored: import its document or workbook first',
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
  /** The edition asked for (public-view.ts decides what the reader may read). */
  edition?: Edition | undefined;
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
  // The year's published version, or (a user in 作業中) the current document.
  const { document, fiscalYear: readYear } = await readerView(ctx, { fiscalYear: options.fiscalYear, edition: options.edition });
  const base = fileBase(document.organization.code);
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
      const fiscalYear = options.fiscalYear ?? readYear;
      return { bytes: zipFiles(openDataFiles(document, fiscalYear)), contentType: 'application/zip', fileName: `${base}-opendata-${fiscalYear}.zip` };
    }
  }
}

/** The organization's part of a download's name: its code when that is plain ASCII, else `hyoka`. */
export function fileBase(code: string | undefined): string {
  return code && /^[A-Za-z0-9-]+$/.test(code) ? code : 'hyoka';
}
