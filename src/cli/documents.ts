// import and export: documents between files and the database, in every format hyoka
// reads and writes (JSON, Excel, CSV, sheet text in; JSON, Excel, CSV, open data, PDF out).
import { readFile, writeFile } from 'node:fs/promises';
import { buildApp } from '../http/app.js';
import { printToPdf } from '../http/print.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, IMPORT_MODES, exportFile, importFile, readSheetDraft, type ExportFormat, type ImportFormat, type ImportMode } from '../services/files.js';
import { CLI, createContext } from '../services/context.js';
import { ServiceError } from '../services/errors.js';
import type { Command } from './commands.js';
import { formatImportOutcome, formatWritten, parseFiscalYearOption } from './format.js';
import { dbOption, orgOption, stringOption, withContext, withStore } from './store.js';

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
  usage: 'hyoka import FILE [--format json|xlsx|csv|sheet-text] [--mode replace|merge] [--dry-run] [--allow-removals] [--org CODE|NAME] [--bureau NAME] [--out DRAFT.json] [--db PATH]',
  help: [
    'FILE             a hyoka/1 document (.json), a workbook (.xlsx: the data workbook or a filled template), a CSV (.csv: periods or budgets of a stored organization), or the text layer of a published sheet (.txt)',
    '--format F       json | xlsx | csv | sheet-text (default: from the file name)',
    '--mode replace   the file becomes the organization\'s data (the default; an admin\'s)',
    '--mode merge     each project in the file replaces that project; the others stay; its policies and policy evaluations are added or updated',
    '--dry-run        report what would change; write nothing',
    '--allow-removals import even when it removes more than half of the organization\'s projects or policies',
    '--org CODE|NAME  the organization a CSV updates, or the name a sheet text gets',
    '--bureau NAME    the bureau (局) a sheet text belongs to',
    '--out DRAFT.json sheet-text only: write the draft document and its report for review instead of importing',
  ],
  options: { ...dbOption, ...orgOption, mode: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'allow-removals': { type: 'boolean' }, format: { type: 'string' }, bureau: { type: 'string' }, out: { type: 'string' } },
  async run(values, [file], io) {
    if (!file) {
      io.stderr(`ファイルを指定してください / Name the file to import\n  ${this.usage}\n`);
      return 1;
    }
    const format = importFormatOf(file, stringOption(values, 'format'));
    const bytes = await readFile(file);
    const dryRun = values['dry-run'] === true;
    const allowRemovals = values['allow-removals'] === true;
    const mode = importMode(stringOption(values, 'mode'));
    const org = stringOption(values, 'org');
    const bureau = stringOption(values, 'bureau');
    const out = stringOption(values, 'out');
    if (out !== undefined) return writeDraft(format, bytes, out, { ...(org !== undefined && { org }), ...(bureau !== undefined && { bureau }) }, io);
    const outcome = await withContext(values, io.env, (ctx) => importFile(ctx, bytes, { format, dryRun, allowRemovals, mode, ...(bureau !== undefined && { bureau }) }));
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
  const text = `${JSON.stringify(document, null, 2)}\n`;
  await writeFile(out, text);
  io.stdout(formatWritten(['下書き（hyoka/1 JSON）', 'the draft (hyoka/1 JSON)'], out, Buffer.byteLength(text)));
  return 0;
}

const OUT_FORMATS = [...EXPORT_FORMATS, 'pdf'] as const;
type OutFormat = (typeof OUT_FORMATS)[number];

/** What a file of each format holds, for the line that says what was written. */
const WRITTEN: Record<OutFormat, [string, string]> = {
  json: ['計算済みの文書（hyoka/1 JSON）', 'the computed document (hyoka/1 JSON)'],
  xlsx: ['PDCAシート（Excel）', 'the PDCA sheet (Excel)'],
  'xlsx-data': ['データブック（Excel）', 'the data workbook (Excel)'],
  'xlsx-template': ['入力用テンプレート（Excel）', 'the blank template (Excel)'],
  csv: ['指標の年度別CSV', 'the CSV of periods'],
  'csv-budgets': ['予算額のCSV', 'the CSV of budgets'],
  'open-data': ['オープンデータ（zip）', 'the open data (zip)'],
  pdf: ['ページのPDF', 'the PDF of the page'],
};
const BINARY: readonly string[] = ['xlsx', 'xlsx-data', 'xlsx-template', 'open-data', 'pdf'];

export const exportCommand: Command = {
  summary:
    '書き出す（JSON・Excel・CSV・オープンデータ・PDF） / export: JSON (computed), Excel (PDCA sheet, data workbook, template), CSV, open data, PDF',
  usage:
    'hyoka export [--format json|xlsx|xlsx-data|xlsx-template|csv|csv-budgets|open-data|pdf] [--encoding utf-8|cp932] [--fiscal-year R3年度] ' +
    '[--bureau NAME] [--page /sheet] [--out FILE] [--org CODE|NAME] [--db PATH]',
  help: [
    '--format F       json (default: the computed document) | xlsx (the PDCA sheet) | xlsx-data (the data workbook) | xlsx-template (blank) | csv (periods) | csv-budgets | open-data (zip) | pdf',
    '--out FILE       where to write (required for xlsx, xlsx-data, xlsx-template, open-data and pdf; otherwise standard output)',
    '--encoding E     utf-8 (default, with BOM) | cp932, for the CSVs',
    "--fiscal-year Y  2021, 2021年度 or R3年度: the sheet's or the open data's year",
    '--bureau NAME    the PDCA sheet of one bureau',
    '--page PATH      pdf only: the page to print (default /sheet; e.g. /projects/KEY)',
    '--org CODE|NAME  required when the database holds several organizations',
  ],
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
      const file = await exportFile(createContext(store, CLI, org), {
        format: format as ExportFormat,
        encoding,
        ...(fiscalYear !== undefined && { fiscalYear }),
        ...(bureau !== undefined && { filter: { bureau } }),
      });
      return file.bytes;
    });
    if (!out) {
      io.stdout(Buffer.from(bytes).toString('utf8'));
      return 0;
    }
    await writeFile(out, bytes);
    const [ja, en] = WRITTEN[format as OutFormat];
    io.stdout(formatWritten(format === 'pdf' ? [`${ja}（${stringOption(values, 'page') ?? '/sheet'}）`, `${en} (${stringOption(values, 'page') ?? '/sheet'})`] : [ja, en], out, bytes.byteLength));
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

function importMode(mode: string | undefined): ImportMode {
  if (mode === undefined) return 'replace';
  if ((IMPORT_MODES as readonly string[]).includes(mode)) return mode as ImportMode;
  throw new ServiceError('invalid', `--mode は ${IMPORT_MODES.join(' / ')} のいずれかです / --mode takes ${IMPORT_MODES.join(' or ')} (got "${mode}")`);
}
