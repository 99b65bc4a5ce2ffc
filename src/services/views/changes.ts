// What changed between two fiscal years, of one document or each of its own cycle's: per project, its budget; per
// indicator, the period target and the mid-term target in force; per row (No.), the grade,
// the course and the improvement text; and the projects, indicators and rows found in one
// year only. Pure: the /changes page renders this, its JSON is this, its CSV flattens it.
import { budgetChange } from '../../domain/budget-change.js';
import { latestEvaluatedYear } from '../../domain/check.js';
import { coveredIndicators } from '../../domain/grade.js';
import type { BudgetChange, HyokaDocument, Indicator, MidTermCore, Placement, Project } from '../../domain/model.js';
import { resolveProfile } from '../../domain/profile.js';
import { formatMidTerm, formatTarget } from '../../domain/written.js';
import { rowEvaluation } from '../../interchange/sheet-rows.js';

/** In both years, only in `to` (added) or only in `from` (removed). */
export type Presence = 'kept' | 'added' | 'removed';

/** A value of each year as the sheet writes it; null where that year has none. */
export interface Compared {
  from: string | null;
  to: string | null;
  changed: boolean;
}

export interface RevisionView {
  fiscalYear?: number;
  /** The mid-term before the revision, as written; null when the document does not say. */
  previous: string | null;
  reason: string;
}

export interface IndicatorChange {
  key: string;
  name: string;
  presence: Presence;
  /** The period target of each year. */
  target: Compared;
  /** The mid-term target in force in each year (revisions taken into account). */
  midTerm: Compared;
  /** ※中期目標改訂 made after `from`, up to and including `to`, and those the document gives no year (they cannot be placed, so they are always shown). */
  revisions: RevisionView[];
}

export interface BudgetComparison {
  from: number | null;
  to: number | null;
  /** to − from, when both exist. */
  difference: number | null;
  /** 増額 / 維持 / 減額 of `to` against `from`, by the profile's band (null without both). */
  change: BudgetChange | null;
  changed: boolean;
}

export interface RowChange {
  policy: string;
  no: number;
  presence: Presence;
  grade: Compared;
  course: Compared;
  improvement: Compared;
}

export interface ProjectChange {
  key: string;
  name: string;
  bureau?: string;
  division: string;
  presence: Presence;
  budget: BudgetComparison;
  indicators: IndicatorChange[];
  rows: RowChange[];
  /** Anything above differs between the years. */
  changed: boolean;
}

export interface ChangeCounts {
  projectsAdded: number;
  projectsRemoved: number;
  projectsChanged: number;
  rowsAdded: number;
  rowsRemoved: number;
  targetsChanged: number;
  midTermsChanged: number;
  budgetsChanged: number;
  gradesChanged: number;
  coursesChanged: number;
  improvementsChanged: number;
}

export interface ChangesView {
  from: number;
  to: number;
  projects: ProjectChange[];
  counts: ChangeCounts;
}

/** Every fiscal year the document holds anything for (periods, budgets, costs, evaluations), ascending. */
export function yearsWithData(doc: HyokaDocument): number[] {
  const years = new Set<number>();
  for (const project of doc.projects) for (const year of projectYears(project)) years.add(year);
  for (const evaluation of doc.policyEvaluations ?? []) years.add(evaluation.fiscalYear);
  return [...years].sort((a, b) => a - b);
}

/**
 * The latest evaluated year and the one before. When the document holds nothing for the year
 * before (a first evaluation, as in the demo), the evaluated year and the one after it, so the
 * page opens on a comparison that has something in it: the targets and budgets planned ahead.
 */
export function defaultChangeYears(doc: HyokaDocument): { from: number; to: number } {
  const years = yearsWithData(doc);
  const latest = latestEvaluatedYear(doc) ?? years[years.length - 1] ?? new Date().getFullYear() - 1;
  if (years.includes(latest - 1) || !years.includes(latest + 1)) return { from: latest - 1, to: latest };
  return { from: latest, to: latest + 1 };
}

export function changesView(doc: HyokaDocument, from: number, to: number): ChangesView {
  return changesBetween({ document: doc, fiscalYear: from }, { document: doc, fiscalYear: to });
}

/** A fiscal year and the document that holds it (a published cycle holds its own year). */
export interface YearSide {
  document: HyokaDocument;
  fiscalYear: number;
}

/**
 * The changes between two years each read from its own document — year Y−1 from cycle Y−1's
 * published version, year Y from cycle Y's — matched by project key, indicator key and row
 * (policy and No.). The later document's names and settings are shown.
 */
export function changesBetween(older: YearSide, newer: YearSide): ChangesView {
  const [from, to] = [older.fiscalYear, newer.fiscalYear];
  const band = resolveProfile(newer.document.settings).budgetFlatBand;
  const before = new Map(older.document.projects.map((project) => [project.key, project]));
  const after = new Map(newer.document.projects.map((project) => [project.key, project]));
  const projects: ProjectChange[] = [];
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const pair: Pair<Project> = { from: before.get(key), to: after.get(key) };
    const presence = presenceOf(pair.from !== undefined && projectYears(pair.from).has(from), pair.to !== undefined && projectYears(pair.to).has(to));
    if (presence === null) continue;
    projects.push(projectChange(pair, presence, from, to, band));
  }
  projects.sort((a, b) => firstNo(a) - firstNo(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { from, to, projects, counts: countChanges(projects) };
}

/** The same record as each year's document has it. */
interface Pair<T> {
  from: T | undefined;
  to: T | undefined;
}

function projectChange(pair: Pair<Project>, presence: Presence, from: number, to: number, band: number): ProjectChange {
  const amount = (project: Project | undefined, year: number) => project?.budgets?.find((budget) => budget.fiscalYear === year)?.amount ?? null;
  const [fromAmount, toAmount] = [amount(pair.from, from), amount(pair.to, to)];
  const shown = (pair.to ?? pair.from)!;
  const budget: BudgetComparison = {
    from: fromAmount,
    to: toAmount,
    difference: fromAmount !== null && toAmount !== null ? toAmount - fromAmount : null,
    change: toAmount !== null && fromAmount !== null ? budgetChange(toAmount, fromAmount, band) : null,
    changed: fromAmount !== toAmount,
  };
  const indicators = pairs(pair, (project) => project.indicators ?? [], (indicator) => indicator.key).flatMap((indicator) => {
    const change = indicatorChange(indicator, from, to);
    return change ? [change] : [];
  });
  const rows = pairs(pair, (project) => project.placements, (placement) => `${placement.policy}\u0000${placement.no}`).flatMap((placement) => {
    const change = rowChange(pair, placement, from, to);
    return change ? [change] : [];
  });
  const changed =
    presence !== 'kept' ||
    budget.changed ||
    indicators.some((i) => i.presence !== 'kept' || i.target.changed || i.midTerm.changed) ||
    rows.some((r) => r.presence !== 'kept' || r.grade.changed || r.course.changed || r.improvement.changed);
  return {
    key: shown.key,
    name: shown.name,
    ...(shown.bureau !== undefined && { bureau: shown.bureau }),
    division: shown.division,
    presence,
    budget,
    indicators,
    rows,
    changed,
  };
}

/** The records of both years' projects, matched by key: the later year's order, then those only in the earlier. */
function pairs<T>(pair: Pair<Project>, records: (project: Project) => readonly T[], key: (record: T) => string): Pair<T>[] {
  const earlier = new Map((pair.from ? records(pair.from) : []).map((record) => [key(record), record]));
  const matched: Pair<T>[] = [];
  const seen = new Set<string>();
  for (const record of pair.to ? records(pair.to) : []) {
    seen.add(key(record));
    matched.push({ from: earlier.get(key(record)), to: record });
  }
  for (const [name, record] of earlier) if (!seen.has(name)) matched.push({ from: record, to: undefined });
  return matched;
}

function indicatorChange(pair: Pair<Indicator>, from: number, to: number): IndicatorChange | null {
  const period = (indicator: Indicator | undefined, year: number) => indicator?.periods?.find((candidate) => candidate.fiscalYear === year);
  const [fromPeriod, toPeriod] = [period(pair.from, from), period(pair.to, to)];
  const presence = presenceOf(fromPeriod !== undefined, toPeriod !== undefined);
  if (presence === null) return null;
  const shown = (pair.to ?? pair.from)!;
  const target = (indicator: Indicator | undefined, found: typeof fromPeriod) => (indicator && found ? formatTarget(found.target, indicator.unit, indicator.decimals) : null);
  const midTerm = (indicator: Indicator | undefined, year: number) => {
    const inForce = indicator && midTermAt(indicator, year);
    return inForce ? formatMidTerm(inForce, indicator.unit, indicator.decimals) : null;
  };
  const revisions = (shown.midTerm?.revisions ?? [])
    .filter((revision) => revision.fiscalYear === undefined || (revision.fiscalYear > from && revision.fiscalYear <= to))
    .map((revision) => ({
      ...(revision.fiscalYear !== undefined && { fiscalYear: revision.fiscalYear }),
      previous: revision.previous ? formatMidTerm(revision.previous, shown.unit, shown.decimals) : null,
      reason: revision.reason,
    }));
  return {
    key: shown.key,
    name: shown.name,
    presence,
    target: compared(target(pair.from, fromPeriod), target(pair.to, toPeriod)),
    midTerm: compared(midTerm(pair.from, from), midTerm(pair.to, to)),
    revisions,
  };
}

/**
 * The mid-term target in force in `year`: a revision of fiscal year R takes effect from R, so
 * before it the revision's `previous` held. Revisions without a year or a `previous` cannot
 * be placed in time and leave the current mid-term in force.
 */
export function midTermAt(indicator: Indicator, year: number): MidTermCore | undefined {
  const current = indicator.midTerm;
  if (!current) return undefined;
  const later = (current.revisions ?? [])
    .filter((revision) => revision.fiscalYear !== undefined && revision.fiscalYear > year && revision.previous !== undefined)
    .sort((a, b) => a.fiscalYear! - b.fiscalYear!);
  return later[0]?.previous ?? current;
}

function rowChange(projects: Pair<Project>, placements: Pair<Placement>, from: number, to: number): RowChange | null {
  const onSheet = (project: Project | undefined, placement: Placement | undefined, year: number) =>
    project !== undefined &&
    placement !== undefined &&
    (rowEvaluation(project, placement, year) !== undefined ||
      coveredIndicators(project, placement).some((indicator) => indicator.periods?.some((period) => period.fiscalYear === year)));
  const presence = presenceOf(onSheet(projects.from, placements.from, from), onSheet(projects.to, placements.to, to));
  if (presence === null) return null;
  const evaluation = (project: Project | undefined, placement: Placement | undefined, year: number) => (project && placement ? rowEvaluation(project, placement, year) : undefined);
  const [a, b] = [evaluation(projects.from, placements.from, from), evaluation(projects.to, placements.to, to)];
  const shown = (placements.to ?? placements.from)!;
  return {
    policy: shown.policy,
    no: shown.no,
    presence,
    grade: compared(a?.grade ?? null, b?.grade ?? null),
    course: compared(a?.course ?? null, b?.course ?? null),
    improvement: compared(a?.improvement ?? null, b?.improvement ?? null),
  };
}

function projectYears(project: Project): Set<number> {
  const years = new Set<number>();
  for (const budget of project.budgets ?? []) years.add(budget.fiscalYear);
  for (const cost of project.personnelCosts ?? []) years.add(cost.fiscalYear);
  for (const evaluation of project.evaluations ?? []) years.add(evaluation.fiscalYear);
  for (const indicator of project.indicators ?? []) for (const period of indicator.periods ?? []) years.add(period.fiscalYear);
  for (const placement of project.placements) {
    for (const evaluation of placement.evaluations ?? []) years.add(evaluation.fiscalYear);
    for (const cost of placement.personnelCosts ?? []) years.add(cost.fiscalYear);
  }
  return years;
}

function presenceOf(inFrom: boolean, inTo: boolean): Presence | null {
  if (inFrom && inTo) return 'kept';
  if (inTo) return 'added';
  if (inFrom) return 'removed';
  return null;
}

function compared(from: string | null, to: string | null): Compared {
  return { from, to, changed: from !== to };
}

/** The page's words for presence and change (never colour alone). */
export const PRESENCE_LABELS: Record<Presence, string> = {
  kept: '両年度にあり',
  added: '追加',
  removed: '削除',
};

/** A comparison's 変更 cell: the words the page prints (never colour alone). */
export function changeLabel(value: Compared): string {
  if (!value.changed) return '変更なし';
  if (value.from === null) return '追加';
  if (value.to === null) return '削除';
  return '変更あり';
}

/** Both years have a value and they differ. */
export function revised(value: Compared): boolean {
  return value.from !== null && value.to !== null && value.changed;
}

function firstNo(project: ProjectChange): number {
  return project.rows.reduce((least, row) => Math.min(least, row.no), Number.POSITIVE_INFINITY);
}

function countChanges(projects: ProjectChange[]): ChangeCounts {
  const counts: ChangeCounts = {
    projectsAdded: 0, projectsRemoved: 0, projectsChanged: 0, rowsAdded: 0, rowsRemoved: 0, targetsChanged: 0,
    midTermsChanged: 0, budgetsChanged: 0, gradesChanged: 0, coursesChanged: 0, improvementsChanged: 0,
  };
  for (const project of projects) {
    if (project.presence === 'added') counts.projectsAdded += 1;
    if (project.presence === 'removed') counts.projectsRemoved += 1;
    if (project.presence === 'kept' && project.changed) counts.projectsChanged += 1;
    // Counted: values both years have that differ. A value one year lacks (no grade yet, a
    // budget not yet set) is shown on the page but is not a revision.
    const { budget } = project;
    if (budget.from !== null && budget.to !== null && budget.changed) counts.budgetsChanged += 1;
    for (const indicator of project.indicators) {
      if (revised(indicator.target)) counts.targetsChanged += 1;
      if (revised(indicator.midTerm)) counts.midTermsChanged += 1;
    }
    for (const row of project.rows) {
      if (row.presence === 'added') counts.rowsAdded += 1;
      if (row.presence === 'removed') counts.rowsRemoved += 1;
      if (revised(row.grade)) counts.gradesChanged += 1;
      if (revised(row.course)) counts.coursesChanged += 1;
      if (revised(row.improvement)) counts.improvementsChanged += 1;
    }
  }
  return counts;
}
