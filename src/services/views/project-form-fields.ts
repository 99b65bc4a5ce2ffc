// The project form's fields (workflow.md, "Editing"): each input is named by the change path
// it writes, relative to the project (`indicators/sns/periods/2021/actual`), so a problem or a
// conflict the write path reports under `projects/KEY/…` lands beside its field. A target is
// three inputs (`…/target` the figure or text, `…/target/kind`, `…/target/direction`); an
// actual under a qualitative target has `…/actual/achieved`. This module names the fields,
// chooses the years a form shows, and writes a stored project into the inputs' text.
import { childPath } from '../../interchange/change-path.js';
import type { Actual, Baseline, Evaluation, Indicator, MidTerm, Placement, Project, Target } from '../../domain/model.js';
import { plainDecimal } from '../../domain/quantity.js';

/** What a form posts: each input's text (a repeated name keeps its first value). */
export type FormValues = Record<string, string>;

export const TARGET_KINDS = ['', 'number', 'previous-year', 'rank', 'qualitative', 'none', 'pending'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const BASES = ['by-year', 'every-year', 'cumulative', 'span'] as const;

export const names = {
  indicator: (key: string) => childPath('indicators', key),
  period: (indicator: string, year: number) => `${names.indicator(indicator)}/periods/${year}`,
  midTerm: (indicator: string) => `${names.indicator(indicator)}/midTerm`,
  baseline: (indicator: string) => `${names.indicator(indicator)}/baseline`,
  /** A new indicator's inputs (`newIndicator/name` …): not a change path, a record to add. */
  newIndicator: (field: 'key' | 'name' | 'unit') => `newIndicator/${field}`,
  budget: (year: number) => `budgets/${year}/amount`,
  personnelCost: (year: number, row?: Placement) => `${rowPrefix(row)}personnelCosts/${year}/amount`,
  evaluation: (year: number, row?: Placement) => `${rowPrefix(row)}evaluations/${year}`,
};

function rowPrefix(row: Placement | undefined): string {
  return row ? `${childPath(childPath('placements', row.policy), String(row.no))}/` : '';
}

/** The change path a field writes (what rights and conflicts are reported on). */
export function changePathOf(field: string): string {
  // Adding an indicator is allowed where its fields may change (rights-paths.ts): asked as a name's change.
  if (field.startsWith('newIndicator/')) return 'indicators/newIndicator/name';
  return field
    .replace(/^(indicators\/[^/]+)\/(baseline|midTerm)\/.*$/u, '$1/$2')
    .replace(/^(indicators\/[^/]+\/periods\/\d+\/(?:target|actual))\/(?:kind|direction|achieved)$/u, '$1');
}

/** Years an indicator's periods show: those stored, and the form's year and the two after it. */
export function periodYears(indicator: Indicator, fiscalYear: number): number[] {
  return yearsOf(indicator.periods ?? [], fiscalYear, 0);
}

/** Years of budgets and personnel costs: those stored, and the form's year and the two after it. */
export function costFormYears(list: readonly { fiscalYear: number }[] | undefined, fiscalYear: number): number[] {
  return yearsOf(list ?? [], fiscalYear, 0);
}

function yearsOf(list: readonly { fiscalYear: number }[], fiscalYear: number, from: number): number[] {
  const years = new Set(list.map((record) => record.fiscalYear));
  for (let year = fiscalYear + from; year <= fiscalYear + 2; year++) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** The rows (placements) that carry their own list of `list`. */
export function rowsWith(project: Project, list: 'personnelCosts' | 'evaluations'): Placement[] {
  return project.placements.filter((row) => row[list] !== undefined);
}

/** The rows whose own evaluations hold one of `fiscalYear` (the others take the project's). */
export function rowsEvaluated(project: Project, fiscalYear: number): Placement[] {
  return project.placements.filter((row) => row.evaluations?.some((evaluation) => evaluation.fiscalYear === fiscalYear));
}

export const numberText = (n: number | undefined): string => (n === undefined ? '' : plainDecimal(n));

/** The stored project as the form's inputs, for the years the form shows. */
export function projectFormValues(project: Project, fiscalYear: number): FormValues {
  const values: FormValues = { summary: project.summary ?? '', sdgs: (project.sdgs ?? []).join(', ') };
  for (const indicator of project.indicators ?? []) indicatorValues(values, indicator, fiscalYear);
  for (const field of ['key', 'name', 'unit'] as const) values[names.newIndicator(field)] = '';
  for (const year of costFormYears(project.budgets, fiscalYear)) values[names.budget(year)] = numberText(project.budgets?.find((b) => b.fiscalYear === year)?.amount);
  for (const row of [undefined, ...rowsWith(project, 'personnelCosts')]) {
    const list = row ? row.personnelCosts : project.personnelCosts;
    for (const year of costFormYears(list, fiscalYear)) values[names.personnelCost(year, row)] = numberText(list?.find((c) => c.fiscalYear === year)?.amount);
  }
  evaluationValues(values, names.evaluation(fiscalYear), project.evaluations?.find((e) => e.fiscalYear === fiscalYear));
  for (const row of rowsEvaluated(project, fiscalYear)) {
    evaluationValues(values, names.evaluation(fiscalYear, row), row.evaluations?.find((e) => e.fiscalYear === fiscalYear));
  }
  return values;
}

function indicatorValues(values: FormValues, indicator: Indicator, fiscalYear: number): void {
  const at = names.indicator(indicator.key);
  values[`${at}/name`] = indicator.name;
  values[`${at}/unit`] = indicator.unit;
  values[`${at}/better`] = indicator.better ?? 'higher';
  values[`${at}/decimals`] = numberText(indicator.decimals);
  baselineValues(values, names.baseline(indicator.key), indicator.baseline);
  midTermValues(values, names.midTerm(indicator.key), indicator.midTerm);
  for (const year of periodYears(indicator, fiscalYear)) {
    const period = indicator.periods?.find((p) => p.fiscalYear === year);
    const prefix = names.period(indicator.key, year);
    targetValues(values, `${prefix}/target`, period?.target);
    actualValues(values, `${prefix}/actual`, period?.actual);
    values[`${prefix}/provisional`] = period?.provisional === true ? 'true' : '';
  }
}

function baselineValues(values: FormValues, at: string, baseline: Baseline | undefined): void {
  values[`${at}/value`] = numberText(baseline?.value);
  values[`${at}/text`] = baseline?.text ?? '';
  values[`${at}/fiscalYear`] = numberText(baseline?.fiscalYear);
  values[`${at}/label`] = baseline?.label ?? '';
}

function midTermValues(values: FormValues, at: string, midTerm: MidTerm | undefined): void {
  targetValues(values, `${at}/target`, midTerm?.target);
  values[`${at}/basis`] = midTerm?.basis ?? '';
  values[`${at}/fiscalYear`] = numberText(midTerm?.fiscalYear);
  values[`${at}/from`] = numberText(midTerm?.from);
  values[`${at}/to`] = numberText(midTerm?.to);
  values[`${at}/label`] = midTerm?.label ?? '';
  values[`${at}/reason`] = '';
}

export function targetKindOf(target: Target | undefined): TargetKind {
  if (target === undefined) return '';
  return typeof target === 'number' ? 'number' : target.kind;
}

function targetValues(values: FormValues, at: string, target: Target | undefined): void {
  values[`${at}/kind`] = targetKindOf(target);
  values[`${at}/direction`] = typeof target === 'object' && target.kind === 'previous-year' ? (target.direction ?? 'increase') : 'increase';
  values[at] = targetText(target);
}

function targetText(target: Target | undefined): string {
  if (target === undefined) return '';
  if (typeof target === 'number') return plainDecimal(target);
  switch (target.kind) {
    case 'previous-year':
      return numberText(target.base);
    case 'rank':
      return plainDecimal(target.atMost);
    case 'qualitative':
      return target.text;
    default:
      return target.note ?? '';
  }
}

function actualValues(values: FormValues, at: string, actual: Actual | undefined): void {
  values[at] = actual === undefined ? '' : typeof actual === 'number' ? plainDecimal(actual) : actual.text;
  values[`${at}/achieved`] = typeof actual === 'object' && actual.achieved !== undefined ? String(actual.achieved) : '';
}

function evaluationValues(values: FormValues, at: string, evaluation: Evaluation | undefined): void {
  for (const field of ['grade', 'gradeReason', 'course', 'improvement'] as const) values[`${at}/${field}`] = evaluation?.[field] ?? '';
}
