// readSheetText: the text layer of a published PDCA sheet (pdftotext's tab-separated
// cells, like ../shared/seeds/000_cb69dd9f334613b8.txt) into a draft hyoka/1 document and
// a report of what was read with confidence, what was guessed and what could not be
// placed. It never throws: on another layout or on garbage it returns what it could read
// (a valid document, perhaps empty) and says what it could not.
import type { HyokaDocument } from '../../domain/model.js';
import { validateDocument } from '../validate.js';
import { assemble } from './assemble.js';
import { build } from './build.js';
import { tokenize } from './cells.js';
import type { RawSheet } from './raw.js';
import { Reporter, type SheetReport } from './report.js';
import { verify } from './verify.js';

export type { Item, SheetReport } from './report.js';

export interface SheetTextOptions {
  /** organization.name of the draft; the sheet itself does not print it. */
  organization?: string;
  /** The bureau (局) of every project and policy evaluation; the sheet does not print it either. */
  bureau?: string;
}

export interface SheetTextResult {
  /** Valid hyoka/1, in canonical form. */
  document: HyokaDocument;
  report: SheetReport;
}

const UNNAMED = '組織名未設定';
const PROJECT_PATH = /^projects\[(\d+)\]/u;
const POLICY_EVALUATION_PATH = /^policyEvaluations\[(\d+)\]/u;

export function readSheetText(text: string, options: SheetTextOptions = {}): SheetTextResult {
  const reporter = new Reporter();
  const organization = options.organization?.trim() || UNNAMED;
  if (!options.organization?.trim()) {
    reporter.guessed({}, 'organization', `組織名は表に印字されていないため「${UNNAMED}」としました。取込み前に指定してください`, `the sheet does not print the organization's name, so it is "${UNNAMED}"; name it before importing`);
  }
  let document: HyokaDocument = emptyDocument(organization);
  try {
    const sheet = assemble(tokenize(text), reporter);
    const buildOptions = options.bureau === undefined ? { organization } : { organization, bureau: options.bureau };
    const built = build(sheet, buildOptions, reporter);
    const kept = keepValid(built.document, reporter);
    document = kept.document;
    if (kept.whole) verify(document, built, reporter);
    reportRows(sheet, reporter);
  } catch (error) {
    // A reader bug must not cost the clerk the whole file: say so, and return what is safe.
    reporter.unplaced({}, undefined, `読み取り中に予期しない誤りが起きました (${String(error)})`, `an unexpected error occurred while reading (${String(error)})`);
    document = emptyDocument(organization);
  }
  const { report } = reporter;
  if (document.projects.length === 0) {
    reporter.unplaced({}, undefined, '行 (No. のある事業の行) を一つも読めませんでした。PDCAシートのテキストか確認してください', 'no row (a project line with a No.) could be read; check that this is the text of a PDCA sheet');
  }
  return { document, report };
}

function emptyDocument(name: string): HyokaDocument {
  return { format: 'hyoka/1', organization: { name }, policies: [], projects: [] };
}

/**
 * The draft as validated, in canonical form (the one validation of a sheet text: its import
 * does not validate again); records with a problem are dropped (and reported) until the rest
 * is valid. `whole`: nothing was dropped.
 */
function keepValid(draft: HyokaDocument, reporter: Reporter): { document: HyokaDocument; whole: boolean } {
  let document = draft;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = validateDocument(document);
    if (result.ok) return { document: result.document, whole: attempt === 0 };
    const dropProjects = new Set<number>();
    const dropEvaluations = new Set<number>();
    for (const problem of result.problems) {
      reporter.unplaced({}, problem.path, `下書きが hyoka/1 として正しくありません: ${problem.message}。この記録は取り込みませんでした`, `the draft is not valid hyoka/1 here; this record was left out`);
      const project = PROJECT_PATH.exec(problem.path);
      const evaluation = POLICY_EVALUATION_PATH.exec(problem.path);
      if (project) dropProjects.add(Number(project[1]));
      else if (evaluation) dropEvaluations.add(Number(evaluation[1]));
    }
    if (dropProjects.size === 0 && dropEvaluations.size === 0) break;
    document = {
      ...document,
      projects: document.projects.filter((_, i) => !dropProjects.has(i)),
      policyEvaluations: (document.policyEvaluations ?? []).filter((_, i) => !dropEvaluations.has(i)),
    };
  }
  const last = validateDocument(document);
  return { document: last.ok ? last.document : emptyDocument(document.organization.name), whole: false };
}

function reportRows(sheet: RawSheet, reporter: Reporter): void {
  if (sheet.years) {
    const { periods, budgets, evaluation } = sheet.years;
    reporter.confident({}, 'years', `見出しの年度: 目標・実績 ${periods.join('/')}, 予算 ${budgets.join('/') || '—'}, 評価 ${evaluation ?? '—'}`, `header years: targets and actuals ${periods.join('/')}, budgets ${budgets.join('/') || '—'}, evaluation ${evaluation ?? '—'}`);
  }
  for (const row of sheet.rows) {
    if (row.policyCode === undefined) continue;
    const named = row.indicators.filter((i) => i.name !== undefined).length;
    reporter.confident(
      row.place,
      undefined,
      `No.${row.no}: ${row.policyCode}「${row.name}」(${row.division ?? '所管課なし'}) 指標 ${named} 件${row.block ? '、予算と事業評価' : ''}を読みました`,
      `No. ${row.no}: ${row.policyCode} "${row.name}" (${row.division ?? 'no division'}), ${named} indicator(s)${row.block ? ', budgets and evaluation' : ''} read`,
    );
  }
}
