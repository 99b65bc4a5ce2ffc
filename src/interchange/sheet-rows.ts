// The PDCA sheet as rows: one row per placement (No.), in the seed sheet's columns and
// order, its cells written as the sheet prints them. The /sheet page, the xlsx sheet and
// the print view (PDF) all lay out this one projection of a computed document. Rows are
// bound by bureau as the published sheets are (each bureau numbers its rows from No. 1),
// and a page of them can be built without writing out the cells of the rest.
import { latestEvaluatedYear } from '../domain/check.js';
import { coveredIndicators } from '../domain/grade.js';
import type { BudgetChange, Evaluation, HyokaDocument, Placement, Policy, Project } from '../domain/model.js';
import { resolveProfile } from '../domain/profile.js';
import { rowSdgs, rowSummary } from '../domain/row-fields.js';
import {
  formatActual,
  formatBaseline,
  formatMidTerm,
  formatRate,
  formatTarget,
} from '../domain/written.js';

/** One fiscal year of an indicator on the sheet: the 目標 / 実績 / 達成率 lines. */
export interface SheetPeriodCells {
  fiscalYear: number;
  target: string;
  actual: string;
  rate: string;
}

export interface SheetIndicator {
  key: string;
  name: string;
  unit: string;
  baseline: string;
  periods: SheetPeriodCells[];
  midTerm: string;
  /** ※中期目標改訂: the stated reasons, oldest first. */
  revisions: string[];
}

export interface SheetRow {
  policy: Policy;
  no: number;
  sdgs: number[];
  projectKey: string;
  projectName: string;
  bureau?: string;
  division: string;
  summary: string;
  indicators: SheetIndicator[];
  /** 成果の方向性 */
  course?: string;
  /** 予算額 (千円), one per `Sheet.budgetYears`; undefined where there is none. */
  budgets: (number | undefined)[];
  /** 事業費の増減 of the later budget year. */
  budgetChange: BudgetChange | null;
  /** 人件費(目安) of the later budget year (thousand yen). */
  personnelCost?: number;
  /** 事業評価 */
  grade?: string;
  suggestedGrade: string | null;
  gradeReason?: string;
  improvement?: string;
  /** 局施策評価 */
  policyGrade?: string;
  policyImprovement?: string;
}

export interface Sheet {
  /** The fiscal year whose results are graded (R3年度 事業評価 → 2021). */
  fiscalYear: number;
  /** The indicator columns: the graded year and the two after it (R3, R4, R5). */
  periodYears: number[];
  /** The budget columns: the two years after the graded one (R4, R5 予算額). */
  budgetYears: number[];
  rateDecimals: number;
  rows: SheetRow[];
}

export interface SheetFilter {
  bureau?: string;
  division?: string;
  policy?: string;
  /** 事業評価 of the sheet's year */
  grade?: string;
  sdg?: number;
}

export interface SheetOptions {
  /** Default: the latest year with an evaluation, else the latest period year. */
  fiscalYear?: number;
  filter?: SheetFilter;
  /** The rows to write out, as sheetEntries chose them (a page of them); default all that pass the filter. */
  entries?: readonly SheetEntry[];
}

/** A row of the sheet before its cells are written: which project, under which placement. */
export interface SheetEntry {
  project: Project;
  placement: Placement;
}

/** The sheet of a computed document (compute() has filled rates, changes and suggestions). */
export function sheetOf(doc: HyokaDocument, options: SheetOptions = {}): Sheet {
  const profile = resolveProfile(doc.settings);
  const fiscalYear = options.fiscalYear ?? defaultSheetYear(doc);
  const periodYears = [fiscalYear, fiscalYear + 1, fiscalYear + 2];
  const budgetYears = [fiscalYear + 1, fiscalYear + 2];
  const policies = new Map(doc.policies.map((policy) => [policy.code, policy]));
  const entries = options.entries ?? sheetEntries(doc, { fiscalYear, ...(options.filter && { filter: options.filter }) });
  const columns = { fiscalYear, periodYears, budgetYears, rateDecimals: profile.rateDecimals };
  const rows = entries.map(({ project, placement }) =>
    rowOf(doc, project, placement, policies.get(placement.policy) ?? { code: placement.policy, title: '' }, columns),
  );
  return { fiscalYear, periodYears, budgetYears, rateDecimals: profile.rateDecimals, rows };
}

/**
 * The rows that pass the filter, in the sheet's order, without their cells: bureau by
 * bureau (in the order the document first names them; rows of no bureau last), and in a
 * bureau by No., then policy, then project.
 */
export function sheetEntries(doc: HyokaDocument, options: Pick<SheetOptions, 'fiscalYear' | 'filter'> = {}): SheetEntry[] {
  const fiscalYear = options.fiscalYear ?? defaultSheetYear(doc);
  const bureauRank = new Map<string | undefined, number>();
  const entries: (SheetEntry & { rank: number })[] = [];
  for (const project of doc.projects) {
    let rank = bureauRank.get(project.bureau);
    if (rank === undefined) bureauRank.set(project.bureau, (rank = project.bureau === undefined ? Infinity : bureauRank.size));
    for (const placement of project.placements) {
      if (options.filter && !rowMatches(project, placement, options.filter, fiscalYear)) continue;
      entries.push({ project, placement, rank });
    }
  }
  entries.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.placement.no - b.placement.no ||
      compareText(a.placement.policy, b.placement.policy) ||
      compareText(a.project.key, b.project.key),
  );
  return entries.map(({ project, placement }) => ({ project, placement }));
}

/** The latest fiscal year with an evaluation; without one, the first year of the latest periods. */
export function defaultSheetYear(doc: HyokaDocument): number {
  const evaluated = latestEvaluatedYear(doc);
  if (evaluated !== null) return evaluated;
  let latestActual: number | undefined;
  for (const project of doc.projects) {
    for (const indicator of project.indicators ?? []) {
      for (const period of indicator.periods ?? []) {
        if (period.actual !== undefined && (latestActual === undefined || period.fiscalYear > latestActual)) latestActual = period.fiscalYear;
      }
    }
  }
  return latestActual ?? new Date().getFullYear() - 1;
}

interface Columns {
  fiscalYear: number;
  periodYears: number[];
  budgetYears: number[];
  rateDecimals: number;
}

function rowOf(doc: HyokaDocument, project: Project, placement: Placement, policy: Policy, columns: Columns): SheetRow {
  const { fiscalYear, periodYears, budgetYears, rateDecimals } = columns;
  const laterYear = budgetYears[budgetYears.length - 1]!;
  const evaluation = rowEvaluation(project, placement, fiscalYear);
  const laterBudget = (project.budgets ?? []).find((budget) => budget.fiscalYear === laterYear);
  const personnel = (placement.personnelCosts ?? project.personnelCosts ?? []).find((cost) => cost.fiscalYear === laterYear);
  const policyEvaluation = (doc.policyEvaluations ?? []).find(
    (candidate) =>
      candidate.policy === placement.policy &&
      candidate.fiscalYear === fiscalYear &&
      (candidate.bureau === undefined || project.bureau === undefined || candidate.bureau === project.bureau),
  );
  return {
    policy,
    no: placement.no,
    sdgs: rowSdgs(project, placement),
    projectKey: project.key,
    projectName: project.name,
    ...(project.bureau !== undefined && { bureau: project.bureau }),
    division: project.division,
    summary: rowSummary(project, placement),
    indicators: coveredIndicators(project, placement).map((indicator) => ({
      key: indicator.key,
      name: indicator.name,
      unit: indicator.unit,
      baseline: formatBaseline(indicator.baseline, indicator.unit, indicator.decimals),
      periods: periodYears.map((year) => {
        const period = indicator.periods?.find((candidate) => candidate.fiscalYear === year);
        return {
          fiscalYear: year,
          target: formatTarget(period?.target, indicator.unit, indicator.decimals),
          actual: formatActual(period?.actual, indicator.unit, indicator.decimals),
          rate: formatRate(period?.achievementRate, rateDecimals),
        };
      }),
      midTerm: formatMidTerm(indicator.midTerm, indicator.unit, indicator.decimals),
      revisions: (indicator.midTerm?.revisions ?? []).map((revision) => revision.reason),
    })),
    ...(evaluation?.course !== undefined && { course: evaluation.course }),
    budgets: budgetYears.map((year) => (project.budgets ?? []).find((budget) => budget.fiscalYear === year)?.amount),
    budgetChange: laterBudget?.change ?? null,
    ...(personnel && { personnelCost: personnel.amount }),
    ...(evaluation?.grade !== undefined && { grade: evaluation.grade }),
    suggestedGrade: evaluation?.suggestedGrade ?? null,
    ...(evaluation?.gradeReason !== undefined && { gradeReason: evaluation.gradeReason }),
    ...(evaluation?.improvement !== undefined && { improvement: evaluation.improvement }),
    ...(policyEvaluation?.grade !== undefined && { policyGrade: policyEvaluation.grade }),
    ...(policyEvaluation?.improvement !== undefined && { policyImprovement: policyEvaluation.improvement }),
  };
}

/** A row's evaluation of the year: its own, else the project's (interchange.md, Rows). */
export function rowEvaluation(project: Project, placement: Placement, fiscalYear: number): Evaluation | undefined {
  return (
    placement.evaluations?.find((evaluation) => evaluation.fiscalYear === fiscalYear) ??
    project.evaluations?.find((evaluation) => evaluation.fiscalYear === fiscalYear)
  );
}

/** Whether one row (a project's placement) passes the sheet's filter, graded year `fiscalYear`; search uses it too. */
export function rowMatches(project: Project, placement: Placement, filter: SheetFilter, fiscalYear: number): boolean {
  if (filter.bureau !== undefined && project.bureau !== filter.bureau) return false;
  if (filter.division !== undefined && project.division !== filter.division) return false;
  if (filter.policy !== undefined && placement.policy !== filter.policy) return false;
  if (filter.grade !== undefined && rowEvaluation(project, placement, fiscalYear)?.grade !== filter.grade) return false;
  if (filter.sdg !== undefined && !rowSdgs(project, placement).includes(filter.sdg)) return false;
  return true;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
