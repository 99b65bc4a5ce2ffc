// compute and check: stateless completion of a document, and the data-quality findings
// a planning division wants before publishing.
import { readFile } from 'node:fs/promises';
import { checkDocument, type CheckResult } from '../domain/check.js';
import { findingPlace } from '../domain/finding-place.js';
import type { HyokaDocument } from '../domain/model.js';
import { compute } from '../interchange/compute.js';
import { parseDocumentText } from '../interchange/validate.js';
import { exportDocument } from '../services/export.js';
import type { Command } from './commands.js';
import { EXIT_INVALID } from './run.js';
import { formatFindings, formatProblems, parseFiscalYearOption } from './format.js';
import { dbOption, orgOption, stringOption, withContext } from './store.js';

export const computeCommand: Command = {
  summary: '文書に達成率・増減・評価の目安を計算して出力（DB不要） / print the document completed by compute (no database)',
  usage: 'hyoka compute FILE',
  help: ['FILE             a hyoka/1 document; printed with achievement rates, achieved flags, progress to the mid-term target, budget changes and suggested grades (docs/computation.md)'],
  options: {},
  async run(_values, [file], io) {
    if (!file) {
      io.stderr(`ファイルを指定してください / Name the file to compute\n  ${this.usage}\n`);
      return 1;
    }
    const validation = parseDocumentText(await readFile(file, 'utf8'));
    if (!validation.ok) {
      io.stderr(formatProblems(validation.problems));
      return EXIT_INVALID;
    }
    io.stdout(`${JSON.stringify(compute(validation.document), null, 2)}\n`);
    return 0;
  },
};

export const checkCommand: Command = {
  summary: '公表前のデータ品質チェック（常に終了コード0） / data-quality findings before publishing (always exits 0)',
  usage: 'hyoka check [FILE] [--fiscal-year 2021|R3年度] [--json] [--org CODE|NAME] [--db PATH]',
  help: [
    'FILE             a hyoka/1 document to check without importing it (default: the database)',
    '--fiscal-year Y  the year to check (default: the latest with an evaluation)',
    '--json           the findings as JSON, each with its path, sheet rows (No.) and subject',
    '--org CODE|NAME  required when the database holds several organizations',
  ],
  options: { ...dbOption, ...orgOption, 'fiscal-year': { type: 'string' }, json: { type: 'boolean' } },
  async run(values, [file], io) {
    const fiscalYear = parseFiscalYearOption(stringOption(values, 'fiscal-year'));
    let result: CheckResult;
    let document: HyokaDocument | undefined;
    if (file) {
      const validation = parseDocumentText(await readFile(file, 'utf8'));
      if (validation.ok) document = validation.document;
      result = validation.ok
        ? checkDocument(validation.document, { fiscalYear })
        : { fiscalYear: fiscalYear ?? null, findings: validation.problems.map((p) => ({ ...p, code: 'invalid-document' })) };
    } else {
      document = await withContext(values, io.env, exportDocument);
      result = checkDocument(document, { fiscalYear });
    }
    // Each finding with the sheet's row numbers it concerns (none for an invalid document).
    const placed = { ...result, findings: result.findings.map((finding) => ({ ...finding, ...(document ? findingPlace(document, finding) : { nos: [] }) })) };
    io.stdout(values.json === true ? `${JSON.stringify(placed, null, 2)}\n` : formatFindings(placed));
    return 0;
  },
};
