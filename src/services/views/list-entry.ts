// The division's list entry (/tasks/entry, workflow.md "Editing") as data: one line per
// project and indicator, each input a cell named by its change-log path
// (projects/KEY/indicators/IKEY/periods/2021/actual), so that a form field, a problem of the
// save and the log all name a cell the same way. What is shown and not asked (name, targets,
// last year's course and improvement, the suggested grade) sits beside the inputs.
import { coveredIndicators, gradeEvidence, suggestGrade } from '../../domain/grade.js';
import type { Evaluation, Placement, Project, Settings } from '../../domain/model.js';
import { resolveProfile, type Profile } from '../../domain/profile.js';
import { formatRate, formatTarget } from '../../domain/written.js';
import { childPath, segment } from '../../interchange/change-path.js';
import { computeProject } from '../../interchange/compute.js';
import { defaultSheetYear } from '../../interchange/sheet-rows.js';
import { textDiff, type DiffPart } from '../../domain/text-diff.js';

export type { DiffPart };

export type CellKind = 'actual' | 'provisional' | 'grade' | 'gradeReason' | 'course' | 'improvement' | 'budget';

/** The logical columns, left to right: where the keyboard moves and a pasted block spreads. */
export const CELL_COLUMNS: readonly CellKind[] = ['actual', 'provisional', 'grade', 'gradeReason', 'course', 'improvement', 'budget'];

export interface EntryCell {
  /** The form field's name: the change-log path of the value. */
  name: string;
  kind: CellKind;
  /** As the input shows it: typed, else stored (`'true'` / `''` for a checkbox). */
  value: string;
  error?: string;
  /** After a conflict: the value stored meanwhile, where it differs from the one typed. */
  stored?: string;
  /** The value the form was filled from: a cell whose value is still this one was not changed by the person. */
  original: string;
}

export interface IndicatorLine {
  key: string;
  name: string;
  unit: string;
  target: string;
  rate: string;
  /** A qualitative target: the actual is a text, not a number. */
  textual: boolean;
  actual: EntryCell;
  provisional: EntryCell;
}

/** One evaluation to enter: the project's, or a row's own (No. …). */
export interface EvaluationUnit {
  /** The rows it covers, when the project is graded row by row. */
  nos: number[];
  suggestedGrade: string | null;
  grade: EntryCell;
  gradeReason: EntryCell;
  course: EntryCell;
  improvement: EntryCell;
  lastCourse?: string;
  lastImprovement?: string;
  /** 前年と同一: the improvement is last year's text unchanged and not confirmed 変更なし (workflow.md, "Carried over"). */
  sameAsLastYear: boolean;
  /** 前年から引継ぎ・未確認: the course is the one the cycle's opening carried over, neither changed nor confirmed. */
  carried: boolean;
  /** The confirmations covering the course and the improvement as they stand. */
  confirmed: { course?: string; improvement?: string };
  /** The confirmation fields of this unit (a checkbox per path, a reason for the improvement), as typed or empty. */
  confirm: ConfirmFields;
  /** For reviewers: this year's improvement against last year's. */
  diff?: DiffPart[];
}

export interface CarriedInput {
  course: { path: string; value: string };
  improvement: { path: string; value: string };
  /** Last year's evaluation at the same place. */
  last: { improvement?: string | undefined } | undefined;
  /** The form's fields as typed (the confirmation boxes and reasons among them). */
  typed: Readonly<Record<string, string>> | undefined;
  cycle: CycleRecords | undefined;
  reviewer: boolean;
}

/**
 * The marks of an evaluation's course and improvement (the list entry's and the project form's):
 * a carried course standing unconfirmed, a text the same as last year's not confirmed 変更なし, the
 * confirmations covering the values as they stand, the confirmation fields, a reviewer's diff.
 */
export function carriedMarks(input: CarriedInput): Pick<EvaluationUnit, 'carried' | 'sameAsLastYear' | 'confirmed' | 'confirm' | 'diff'> {
  const { course, improvement, cycle, typed } = input;
  const covering = (field: { path: string; value: string }) => {
    const confirmation = cycle?.confirmed.get(field.path);
    return confirmation !== undefined && confirmation.value === field.value ? confirmation.reason : undefined;
  };
  const confirmed = { course: covering(course), improvement: covering(improvement) };
  const lastImprovement = input.last?.improvement;
  const checked = (path: string) => (typed?.[confirmField(path)] ?? '') !== '';
  return {
    sameAsLastYear: improvement.value.trim() !== '' && improvement.value.trim() === lastImprovement?.trim() && confirmed.improvement === undefined,
    carried: course.value !== '' && cycle?.carried.get(course.path) === course.value && confirmed.course === undefined,
    confirmed: {
      ...(confirmed.course !== undefined && { course: confirmed.course }),
      ...(confirmed.improvement !== undefined && { improvement: confirmed.improvement }),
    },
    confirm: {
      course: { name: confirmField(course.path), checked: checked(course.path) },
      improvement: {
        name: confirmField(improvement.path),
        checked: checked(improvement.path),
        reasonName: reasonField(improvement.path),
        reason: typed?.[reasonField(improvement.path)] ?? '',
      },
    },
    ...(input.reviewer && lastImprovement !== undefined && improvement.value !== '' && { diff: textDiff(lastImprovement, improvement.value) }),
  };
}

export interface ConfirmFields {
  course: { name: string; checked: boolean };
  improvement: { name: string; checked: boolean; reasonName: string; reason: string };
}

/** The form field confirming the value at a path, and the one carrying its reason. */
export const confirmField = (path: string) => `confirm/${path}`;
export const reasonField = (path: string) => `reason/${path}`;

export interface EntryProject {
  key: string;
  name: string;
  bureau?: string;
  division: string;
  /** The version the form was filled against (If-Match of the save). */
  version: string;
  indicators: IndicatorLine[];
  units: EvaluationUnit[];
  /** The budgets of the years after the evaluated one (予算額, thousand yen). */
  budgets: (EntryCell & { fiscalYear: number })[];
  /** Table lines the project takes: its indicators or its evaluations, whichever are more. */
  lines: number;
}

export interface EntryTable {
  fiscalYear: number;
  budgetYears: number[];
  grades: readonly string[];
  courses: readonly string[];
  projects: EntryProject[];
}

export interface EntrySource {
  project: Project;
  version: string;
}

export interface EntryOverlay {
  /** The values as typed (form field name → text), kept on an error. */
  typed?: Readonly<Record<string, string>>;
  /** Problems by field name. */
  errors?: ReadonlyMap<string, string>;
  /** After a conflict: the values stored meanwhile, by field name. */
  stored?: ReadonlyMap<string, string>;
  /** The values the form was filled from, by field name, where they are not the source's. */
  original?: ReadonlyMap<string, string>;
  /** The open cycle's records, when the table is of its year. */
  cycle?: CycleRecords;
  /** A reviewer (bureau, admin) sees the improvement's difference from last year's. */
  reviewer?: boolean;
}

export interface CycleRecords {
  /** Path → the value carried over. */
  carried: ReadonlyMap<string, string>;
  /** Path → the confirmation recorded. */
  confirmed: ReadonlyMap<string, { value: string; reason: string }>;
}

export const projectPath = (key: string) => `projects/${segment(key)}`;
/** The hidden field carrying a project's version. */
export const versionField = (key: string) => `version/${segment(key)}`;
/** The hidden field carrying, as JSON, the value each of a project's cells was filled from (what tells a cell the person changed). */
export const originalField = (key: string) => `original/${segment(key)}`;

export const periodPath = (key: string, indicator: string, fiscalYear: number) => `${childPath(`${projectPath(key)}/indicators`, indicator)}/periods/${fiscalYear}`;
export const evaluationPath = (key: string, placement: Placement | undefined, fiscalYear: number) =>
  placement ? `${childPath(`${projectPath(key)}/placements`, placement.policy)}/${placement.no}/evaluations/${fiscalYear}` : `${projectPath(key)}/evaluations/${fiscalYear}`;
export const budgetPath = (key: string, fiscalYear: number) => `${projectPath(key)}/budgets/${fiscalYear}/amount`;

export function budgetYearsOf(fiscalYear: number): number[] {
  return [fiscalYear + 1, fiscalYear + 2];
}

/**
 * The year a list opens on (the latest evaluated, as the sheet's) and the years to choose from:
 * every year with an actual or an evaluation, the one after the latest, and the one shown.
 */
export function entryYears(projects: Project[], shown?: number): { latest: number; years: number[] } {
  const latest = defaultSheetYear({ format: 'hyoka/1', organization: { name: '' }, policies: [], projects });
  const years = new Set<number>([latest + 1, latest, ...(shown === undefined ? [] : [shown])]);
  for (const project of projects) {
    for (const indicator of project.indicators ?? []) for (const period of indicator.periods ?? []) if (period.actual !== undefined) years.add(period.fiscalYear);
    for (const evaluation of project.evaluations ?? []) years.add(evaluation.fiscalYear);
  }
  return { latest, years: [...years].sort((a, b) => b - a) };
}

export function entryTable(sources: readonly EntrySource[], settings: Settings | undefined, fiscalYear: number, overlay: EntryOverlay = {}): EntryTable {
  const profile = resolveProfile(settings);
  return {
    fiscalYear,
    budgetYears: budgetYearsOf(fiscalYear),
    grades: profile.grades,
    courses: profile.courses,
    projects: sources.map((source) => entryProject(source, profile, fiscalYear, overlay)),
  };
}

/** Every cell of a project with the value it stores (the parser's reference, and a conflict's stored side). */
export function storedCells(project: Project, fiscalYear: number): Map<string, string> {
  const view = entryProject({ project, version: '' }, resolveProfile(undefined), fiscalYear, {});
  return new Map(allCells(view).map((cell) => [cell.name, cell.value]));
}

export function allCells(project: EntryProject): EntryCell[] {
  return [
    ...project.indicators.flatMap((line) => [line.actual, line.provisional]),
    ...project.units.flatMap((unit) => [unit.grade, unit.gradeReason, unit.course, unit.improvement]),
    ...project.budgets,
  ];
}

function entryProject({ project, version }: EntrySource, profile: Profile, fiscalYear: number, overlay: EntryOverlay): EntryProject {
  const computed = computeProject(project, profile);
  const cell = (name: string, kind: CellKind, stored: string): EntryCell => {
    const error = overlay.errors?.get(name);
    const conflict = overlay.stored?.get(name);
    const value = overlay.typed?.[name] ?? stored;
    const original = overlay.original?.get(name) ?? stored;
    return { name, kind, value, original, ...(error !== undefined && { error }), ...(conflict !== undefined && conflict !== value && { stored: conflict }) };
  };
  const indicators = (computed.indicators ?? []).map((indicator): IndicatorLine => {
    const period = indicator.periods?.find((candidate) => candidate.fiscalYear === fiscalYear);
    const at = periodPath(project.key, indicator.key, fiscalYear);
    const actual = period?.actual;
    const textual = (typeof period?.target === 'object' && period.target.kind === 'qualitative') || (typeof actual === 'object' && actual !== null);
    return {
      key: indicator.key,
      name: indicator.name,
      unit: indicator.unit,
      target: formatTarget(period?.target, indicator.unit, indicator.decimals),
      rate: formatRate(period?.achievementRate, profile.rateDecimals),
      textual,
      actual: cell(`${at}/actual`, 'actual', actual === undefined ? '' : typeof actual === 'number' ? String(actual) : actual.text),
      provisional: cell(`${at}/provisional`, 'provisional', period?.provisional === true ? 'true' : ''),
    };
  });
  const units = evaluationUnits(project, fiscalYear).map(({ placement, evaluation, last }): EvaluationUnit => {
    const at = evaluationPath(project.key, placement, fiscalYear);
    const improvement = cell(`${at}/improvement`, 'improvement', evaluation?.improvement ?? '');
    const course = cell(`${at}/course`, 'course', evaluation?.course ?? '');
    const suggestedGrade = suggestGrade(gradeEvidence(coveredIndicators(project, placement), fiscalYear), profile);
    const grade = cell(`${at}/grade`, 'grade', evaluation?.grade ?? '');
    // No grade yet in the open cycle's table: the suggestion is preselected (saved with the form), the form's original still empty.
    if (overlay.cycle && grade.value === '' && overlay.typed?.[grade.name] === undefined && suggestedGrade !== null) grade.value = suggestedGrade;
    return {
      nos: placement ? [placement.no] : [],
      suggestedGrade,
      grade,
      gradeReason: cell(`${at}/gradeReason`, 'gradeReason', evaluation?.gradeReason ?? ''),
      course,
      improvement,
      ...carriedMarks({
        course: { path: course.name, value: course.value },
        improvement: { path: improvement.name, value: improvement.value },
        last,
        typed: overlay.typed,
        cycle: overlay.cycle,
        reviewer: overlay.reviewer === true,
      }),
      ...(last?.course !== undefined && { lastCourse: last.course }),
      ...(last?.improvement !== undefined && { lastImprovement: last.improvement }),
    };
  });
  const budgets = budgetYearsOf(fiscalYear).map((year) => {
    const budget = project.budgets?.find((candidate) => candidate.fiscalYear === year);
    return { ...cell(budgetPath(project.key, year), 'budget', budget ? String(budget.amount) : ''), fiscalYear: year };
  });
  return {
    key: project.key,
    name: project.name,
    ...(project.bureau !== undefined && { bureau: project.bureau }),
    division: project.division,
    version,
    indicators,
    units,
    budgets,
    lines: Math.max(1, indicators.length, units.length),
  };
}

interface UnitSource {
  placement?: Placement;
  evaluation?: Evaluation;
  last?: Evaluation;
}

const ofYear = (evaluations: readonly Evaluation[] | undefined, year: number) => evaluations?.find((evaluation) => evaluation.fiscalYear === year);

/**
 * The evaluations a project is graded by in `fiscalYear`: the rows graded on their own that
 * year (else, in a year not yet begun, the rows graded on their own the year before), and the
 * project's own for the rest — a project graded as a whole has just that one.
 */
export function evaluationUnits(project: Project, fiscalYear: number): UnitSource[] {
  const rowsOf = (year: number) => [...project.placements].sort((a, b) => a.no - b.no).filter((placement) => ofYear(placement.evaluations, year));
  const own = ofYear(project.evaluations, fiscalYear);
  let rows = rowsOf(fiscalYear);
  if (rows.length === 0 && !own) rows = rowsOf(fiscalYear - 1);
  const lastOfProject = ofYear(project.evaluations, fiscalYear - 1);
  const units: UnitSource[] = [];
  if (rows.length === 0 || own || rows.length < project.placements.length) {
    units.push({ ...(own && { evaluation: own }), ...(lastOfProject && { last: lastOfProject }) });
  }
  for (const placement of rows) {
    const evaluation = ofYear(placement.evaluations, fiscalYear);
    const last = ofYear(placement.evaluations, fiscalYear - 1) ?? lastOfProject;
    units.push({ placement, ...(evaluation && { evaluation }), ...(last && { last }) });
  }
  return units;
}
