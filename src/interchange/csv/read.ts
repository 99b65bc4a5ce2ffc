// readCsv: the long-format CSV tables (periods or budgets, told apart by their headers) back
// into a document. With `base` — the organization's current document — the rows update its
// periods, budgets and personnel costs by key (project key, indicator key, fiscal year):
// a row states that record whole (an empty 目標 removes the target, an empty 予算額(千円)
// the budget), a column the file lacks leaves that field alone, and records no row names
// are kept. Without a base, the result is a fragment (see update.ts). All or nothing: any
// problem and no document is given, so nothing can be half-imported.
import type { Actual, Budget, HyokaDocument, Indicator, Period, PersonnelCost, Project, Target } from '../../domain/model.js';
import { segment } from '../change-path.js';
import { placesByPath, type PlaceOf } from '../places.js';
import { RowReader, type Read } from './cells.js';
import { type Table } from './columns.js';
import { type DetectedEncoding, decodeCsv } from './decode.js';
import { type CsvProblem, both, csvProblem } from './problems.js';
import { type Records, readRecords } from './records.js';
import { type CsvChanges, DocumentUpdate } from './update.js';
import { actualCells, targetCells } from './write.js';

export type { CsvChanges, CsvProblem };

export interface CsvReadOptions {
  /** Refuse larger files (default 64 MiB, the API's body limit: a 10,000-project organization's periods are about 23 MiB). */
  maxBytes?: number;
}

export type CsvReadResult =
  | {
      ok: true;
      table: Table;
      encoding: DetectedEncoding;
      document: HyokaDocument;
      /** No base was given: the document holds only what the rows say (no policies, no rows on the sheet). */
      fragment: boolean;
      changes: CsvChanges;
      /** Keys of the projects the rows name (with a base): what an update writes. */
      projects: string[];
      /** The line each record a row states came from, by change path. */
      places: PlaceOf;
      rows: number;
      /** Things worth knowing that did not stop the import (skipped columns). */
      notices: CsvProblem[];
    }
  | { ok: false; problems: CsvProblem[]; notices: CsvProblem[] };

export const DEFAULT_MAX_CSV_BYTES = 64 * 1024 * 1024;
const MAX_PROBLEMS = 500;

export function readCsv(bytes: Uint8Array, base?: HyokaDocument, options: CsvReadOptions = {}): CsvReadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CSV_BYTES;
  const notices: CsvProblem[] = [];
  if (bytes.length > maxBytes) {
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    return fail([csvProblem({}, both(`ファイルが大きすぎます (${mib(bytes.length)} MiB、上限 ${mib(maxBytes)} MiB)。局ごとなどに分けて取り込んでください`, `the file is too large (${mib(bytes.length)} MiB, limit ${mib(maxBytes)} MiB); split it, e.g. by bureau`))], notices);
  }
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return fail([decoded.problem], notices);
  const problems: CsvProblem[] = [];
  const records = readRecords(decoded.text, problems, notices);
  if (!records) return fail(problems, notices);
  const required = records.table === 'periods' ? ['projectKey', 'indicatorKey'] : ['projectKey'];
  const missing = required.filter((name) => !records.names.has(name));
  if (!records.names.has('fiscalYear') && !records.names.has('fiscalYearEra')) missing.push('fiscalYear');
  if (missing.length > 0) {
    const list = missing.map((name) => ({ projectKey: '事業キー', indicatorKey: '指標キー', fiscalYear: '年度' })[name]).join('、');
    return fail([csvProblem({ line: 1 }, both(`見出しに「${list}」の列がありません。書き出した CSV の見出しをそのまま使ってください`, `the header lacks ${missing.join(', ')}; keep the headers of the exported CSV`))], notices);
  }
  const update = new DocumentUpdate(base);
  if (records.table === 'periods') applyPeriods(records, update, problems);
  else applyBudgets(records, update, problems);
  if (problems.length > 0) return fail(problems, notices);
  return {
    ok: true,
    table: records.table,
    encoding: decoded.encoding,
    document: update.document,
    fragment: base === undefined,
    changes: update.changes,
    projects: [...update.named],
    places: placesByPath(update.places),
    rows: records.records.length,
    notices,
  };
}

function fail(problems: CsvProblem[], notices: CsvProblem[]): CsvReadResult {
  if (problems.length <= MAX_PROBLEMS) return { ok: false, problems, notices };
  const more = problems.length - MAX_PROBLEMS;
  return { ok: false, problems: [...problems.slice(0, MAX_PROBLEMS), csvProblem({}, both(`ほかに ${more} 件の問題があります`, `${more} more problems`))], notices };
}

/** The first line of each key seen, so a repeated row names where the first one is. */
function firstLines(): (key: string, row: RowReader) => boolean {
  const seen = new Map<string, number>();
  return (key, row) => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.record.line);
      return true;
    }
    row.problem(undefined, both(`同じ事業・指標・年度の行が ${first}行目にもあります。どちらかを消してください`, `line ${first} has the same project, indicator and fiscal year; delete one of the two rows`));
    return false;
  };
}

function applyPeriods(records: Records, update: DocumentUpdate, problems: CsvProblem[]): void {
  const first = firstLines();
  for (const record of records.records) {
    const row = new RowReader(record, problems);
    update.checkOrganization(row);
    const projectKey = row.key('projectKey', '事業キー');
    const indicatorKey = row.key('indicatorKey', '指標キー');
    const fiscalYear = row.fiscalYear();
    const project = projectKey === undefined ? undefined : update.project(row, projectKey);
    const indicator = project && indicatorKey !== undefined ? update.indicator(row, project, indicatorKey) : undefined;
    if (!indicator) continue;
    // Read the values even when the year is wrong, so that one pass reports every problem of the row.
    const target = row.target(indicator.unit);
    const actual = row.actual(indicator.unit, target.present ? target.value : indicator.periods?.find((p) => p.fiscalYear === fiscalYear)?.target);
    if (fiscalYear === undefined || !first(JSON.stringify([projectKey, indicatorKey, fiscalYear]), row)) continue;
    if ((target.present && !target.ok) || (actual.present && !actual.ok)) continue;
    applyPeriod(indicator, fiscalYear, target, actual, update.changes);
    update.place(row, `projects/${segment(projectKey!)}/indicators/${segment(indicatorKey!)}/periods/${fiscalYear}`);
  }
}

const COMPUTED_PERIOD = ['achievementRate', 'achieved', 'midTermProgress'] as const;

/** Cells compared, not objects: a target written the same way keeps the base's own (its unknown fields, a note of ""). */
const sameCells = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((name) => (a[name] ?? '') === (b[name] ?? ''));

function applyPeriod(indicator: Indicator, fiscalYear: number, target: Read<Target>, actual: Read<Actual>, changes: CsvChanges): void {
  const periods = indicator.periods ?? [];
  const index = periods.findIndex((period) => period.fiscalYear === fiscalYear);
  const existing = index < 0 ? undefined : periods[index]!;
  const next: Period = existing ? { ...existing } : { fiscalYear };
  for (const name of COMPUTED_PERIOD) delete next[name];
  let changed = false;
  if (target.present && !sameCells(targetCells(existing?.target), targetCells(target.value))) {
    changed = true;
    if (target.value === undefined) delete next.target;
    else next.target = target.value;
  }
  if (actual.present && !sameCells(actualCells(existing?.actual), actualCells(actual.value))) {
    changed = true;
    if (actual.value === undefined) delete next.actual;
    else next.actual = actual.value;
  }
  if (!existing) {
    indicator.periods = [...periods, next];
    changes.added += 1;
  } else if (changed) {
    periods[index] = next;
    changes.updated += 1;
  } else changes.unchanged += 1;
}

function applyBudgets(records: Records, update: DocumentUpdate, problems: CsvProblem[]): void {
  const first = firstLines();
  for (const record of records.records) {
    const row = new RowReader(record, problems);
    update.checkOrganization(row);
    const projectKey = row.key('projectKey', '事業キー');
    const fiscalYear = row.fiscalYear();
    const project = projectKey === undefined ? undefined : update.project(row, projectKey);
    const budget = row.amount('budget');
    const cost = row.amount('personnelCost');
    if (!project || fiscalYear === undefined || !first(JSON.stringify([projectKey, fiscalYear]), row)) continue;
    if ((budget.present && !budget.ok) || (cost.present && !cost.ok)) continue;
    if (budget.present) applyAmount(project, 'budgets', fiscalYear, budget.value, update.changes);
    if (cost.present) applyAmount(project, 'personnelCosts', fiscalYear, cost.value, update.changes);
    for (const list of ['budgets', 'personnelCosts']) update.place(row, `projects/${segment(project.key)}/${list}/${fiscalYear}`);
  }
}

function applyAmount(project: Project, list: 'budgets' | 'personnelCosts', fiscalYear: number, amount: number | undefined, changes: CsvChanges): void {
  const records: (Budget | PersonnelCost)[] = project[list] ?? [];
  const index = records.findIndex((record) => record.fiscalYear === fiscalYear);
  const existing = index < 0 ? undefined : records[index]!;
  if (amount === undefined) {
    if (!existing) return;
    records.splice(index, 1);
    changes.removed += 1;
  } else if (!existing) {
    project[list] = [...records, { fiscalYear, amount }];
    changes.added += 1;
  } else if (existing.amount === amount) changes.unchanged += 1;
  else {
    const next: Budget = { ...existing, amount };
    delete next.change;
    records[index] = next;
    changes.updated += 1;
  }
}
