// import and export: documents between files and the database, in every format hyoka
// reads and writes (JSON, Excel, CSV, sheet text in; JSON, Excel, CSV, open data, PDF out).
import { readFile, writeFile } from 'node:fs/promises';
import { buildApp } from '../http/app.js';
import { printToPdf } from '../http/print.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, exportFile, importFile, readSheetDraft, type ExportFormat, type ImportFormat } from '../services/files.js';
import { ServiceError } from '../services/errors.js';
import type { Command } from './commands.js';
import { formatImportOutcome, parseFiscalYearOption } from './format.js';
import { dbOption, orgOption, stringOption, withStore } from './store.js';

/** Guessed from the file name when --format is not given. */
function importFormatOf(file: string, given: string | undefined): ImportFormat {
  if (given !== undefined) {
    if ((IMPORT_FORMATS as readonly string[]).includes(given)) return given as ImportFormat;
    throw new ServiceError('invalid', `--format は ${IMPORT_FORMATS.join(' | ')} のいずれかです / --format is one of ${IMPORT_FORMATS.join(', ')} (got "${given}")`);
  }
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.txt')) return 'sheet-text';
  return 'json';
}

export const importCommand: Command = {
  summary:
    '文書を取り込む（JSON・Excel・CSV・公表済みシートのテキスト） / import a hyoka/1 document, a workbook, a CSV or the text of a published sheet',
  usage: 'hyoka import FILE [--format json|xlsx|csv|sheet-text] [--dry-run] [--org CODE|NAME] [--bureau NAME] [--out DRAFT.json] [--db PATH]',
  options: { ...dbOption, ...orgOption, 'dry-run': { type: 'boolean' }, format: { type: 'string' }, bureau: { type: 'string' }, out: { type: 'string' } },
  async run(values, [file], io) {
    if (!file) {
      io.stderr(`ファイルを指定してください / Name the file to import\n  ${this.usage}\n`);
      return 1;
    }
    const format = importFormatOf(file, stringOption(values, 'format'));
    const bytes = await readFile(file);
    const dryRun = values['dry-run'] === true;
    const org = stringOption(values, 'org');
    const bureau = stringOption(values, 'bureau');
    const out = stringOption(values, 'out');
    if (out !== undefined) return writeDraft(format, bytes, out, { ...(org !== undefined && { org }), ...(bureau !== undefined && { bureau }) }, io);
    const outcome = await withStore(values, io.env, (store) =>
      importFile(store, bytes, { format, dryRun, ...(org !== undefined && { org }), ...(bureau !== undefined && { bureau }) }),
    );
    if (outcome.notes) io.stderr(outcome.notes);
    io.stdout(formatImportOutcome(outcome, dryRun));
    return 0;
  },
};

/** sheet-text with --out: the draft document and its report, nothing imported (for a person to review). */
async function writeDraft(
  format: ImportFormat,
  bytes: Buffer,
  out: string,
  names: { org?: string; bureau?: string },
  io: Parameters<Command['run']>[2],
): Promise<number> {
  if (format !== 'sheet-text') {
    throw new ServiceError('invalid', '--out は sheet-text の下書きを書き出すときに使います / --out writes the draft of a sheet-text import');
  }
  const { document, notes } = readSheetDraft(bytes, names);
  io.stderr(notes);
  await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
  io.stdout(`下書きを書き出しました / Draft written: ${out}\n`);
  return 0;
}

const OUT_FORMATS = [...EXPORT_FORMATS, 'pdf'] as const;
const BINARY: readonly string[] = ['xlsx', 'xlsx-data', 'xlsx-template', 'open-data', 'pdf'];

export const exportCommand: Command = {
  summary:
    '書き出す（JSON・Excel・CSV・オープンデータ・PDF） / export: JSON (computed), Excel (PDCA sheet, data workbook, template), CSV, open data, PDF',
  usage:
    'hyoka export [--format json|xlsx|xlsx-data|xlsx-template|csv|csv-budgets|open-data|pdf] [--encoding utf-8|cp932] [--fiscal-year R3年度] ' +
    '[--bureau NAME] [--page /sheet] [--out FILE] [--org CODE|NAME] [--db PATH]',
  options: {
    ...dbOption,
    ...orgOption,
    out: { type: 'string' },
    format: { type: 'string' },
    encoding: { type: 'string' },
    'fiscal-year': { type: 'string' },
    bureau: { type: 'string' },
    page: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const format = stringOption(values, 'format') ?? 'json';
    if (!(OUT_FORMATS as readonly string[]).includes(format)) {
      throw new ServiceError('invalid', `--format は ${OUT_FORMATS.join(' | ')} のいずれかです / --format is one of ${OUT_FORMATS.join(', ')} (got "${format}")`);
    }
    const out = stringOption(values, 'out');
    if (!out && BINARY.includes(format)) {
      throw new ServiceError('invalid', `${format} は --out FILE で書き出してください / Give --out FILE for ${format}`);
    }
    const encoding = stringOption(values, 'encoding') ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'cp932') {
      throw new ServiceError('invalid', `--encoding は utf-8 または cp932 です / --encoding is utf-8 or cp932 (got "${encoding}")`);
    }
    const fiscalYear = parseFiscalYearOption(stringOption(values, 'fiscal-year'));
    const bureau = stringOption(values, 'bureau');
    const org = stringOption(values, 'org');
    const bytes = await withStore(values, io.env, async (store) => {
      if (format === 'pdf') return printPage(store, stringOption(values, 'page') ?? '/sheet', org, io.stderr);
      const file = await exportFile(store, {
        format: format as ExportFormat,
        encoding,
        ...(org !== undefined && { org }),
        ...(fiscalYear !== undefined && { fiscalYear }),
        ...(bureau !== undefined && { filter: { bureau } }),
      });
      return file.bytes;
    });
    if (out) await writeFile(out, bytes);
    else io.stdout(Buffer.from(bytes).toString('utf8'));
    return 0;
  },
};

/**
 * The page's print view through Chromium, served in-process (nothing listens on a port). A
 * page that fails leaves its log line (request id, cause) on stderr before the command's error.
 */
async function printPage(store: Parameters<typeof buildApp>[0]['store'], page: string, org: string | undefined, log: (line: string) => void): Promise<Uint8Array> {
  if (!page.startsWith('/')) throw new ServiceError('invalid', `--page はパスです (例: /sheet, /projects/KEY) / --page is a path, e.g. /sheet`);
  const app = await buildApp({ store, logStream: { write: log } });
  try {
    const url = org === undefined ? page : `${page}${page.includes('?') ? '&' : '?'}org=${encodeURIComponent(org)}`;
    return await printToPdf(app, url);
  } finally {
    await app.close();
  }
}
