// The project form as data (workflow.md, "Editing"; no React): Plan (summary, SDGs), the
// indicators with their baseline, mid-term and each year's target and actual (Check's inputs),
// Do (budgets and personnel costs), and Action (the evaluations of the form's year with the
// suggested grade beside each grade). Every input carries its text (as stored, or as typed when
// a save was refused), whether this user may change it, and its problems; a stale save adds
// yours and the stored value side by side for each path that differs.
import { formatFiscalYear } from '../../domain/era.js';
import type { Project } from '../../domain/model.js';
import type { Profile } from '../../domain/profile.js';
import { formatTarget } from '../../domain/written.js';
import { segment } from '../../interchange/change-path.js';
import type { Problem } from '../../interchange/messages.js';
import {
  changePathOf,
  costFormYears,
  names,
  periodYears,
  rowsEvaluated,
  rowsWith,
  type FormValues,
} from './project-form-fields.js';
import { carriedMarks, projectPath, type CycleRecords, type EvaluationUnit } from './list-entry.js';
import { suggestionFor } from './project-form-suggestion.js';
import { valueAtPath } from './project-path.js';
import type { FormField } from './form-field.js';


export interface TargetFields {
  value: FormField;
  kind: FormField;
  direction: FormField;
}

export interface PeriodFields {
  fiscalYear: number;
  yearLabel: string;
  target: TargetFields;
  actual: FormField;
  achieved: FormField;
  provisional: FormField;
}

export interface IndicatorFields {
  key: string;
  title: string;
  name: FormField;
  unit: FormField;
  better: FormField;
  decimals: FormField;
  baseline: { value: FormField; text: FormField; fiscalYear: FormField; label: FormField };
  midTerm: { target: TargetFields; basis: FormField; fiscalYear: FormField; from: FormField; to: FormField; label: FormField; reason: FormField; set: boolean; printed: string };
  periods: PeriodFields[];
}

export interface CostFields {
  fiscalYear: number;
  yearLabel: string;
  amount: FormField;
}

export interface EvaluationFields {
  /** 事業全体 / No. 32 … */
  label: string;
  suggestedGrade: string | null;
  grade: FormField;
  gradeReason: FormField;
  course: FormField;
  improvement: FormField;
  /** Last year's course and improvement, the plan the division set itself. */
  previous?: { course?: string | undefined; improvement?: string | undefined };
  /** The marks of values carried over (list-entry.ts's, for the same paths). */
  marks: Pick<EvaluationUnit, 'carried' | 'sameAsLastYear' | 'confirmed' | 'confirm' | 'diff'>;
}

export interface ConflictRow {
  path: string;
  mine: string;
  stored: string;
}

export interface ProjectFormView {
  key: string;
  name: string;
  bureau?: string | undefined;
  division: string;
  fiscalYear: number;
  yearLabel: string;
  version: string;
  grades: readonly string[];
  courses: readonly string[];
  summary: FormField;
  sdgs: FormField;
  indicators: IndicatorFields[];
  /** A blank indicator to add (its name makes it). */
  newIndicator: { key: FormField; name: FormField; unit: FormField };
  budgets: CostFields[];
  personnelCosts: CostFields[];
  rowPersonnelCosts: { label: string; years: CostFields[] }[];
  evaluations: EvaluationFields[];
  /** Problems no input of the form stands for (shown at the top). */
  problems: Problem[];
  /** Problems beside their inputs, by input name: listed at the top too, each linking to its input. */
  placedProblems: Problem[];
  conflicts: ConflictRow[];
}

export interface ProjectFormInput {
  stored: Project;
  fiscalYear: number;
  version: string;
  profile: Profile;
  /** The inputs' text: projectFormValues(stored), or what was posted over it. */
  values: FormValues;
  /** Whether the user may change a value at this change path (relative to the project). */
  mayChange(path: string): boolean;
  /** The project as the form holds it (for the suggestions); default the stored one. */
  current?: Project;
  /** Problems keyed by input name or by change path (relative to the project). */
  problems?: Problem[];
  /** A stale save: the project stored meanwhile and the paths (relative) where it differs from yours. */
  conflict?: { stored: Project; paths: string[] };
  /** The open cycle's records, when the form is of its year. */
  cycle?: CycleRecords | undefined;
  reviewer?: boolean;
}

export function projectFormView(input: ProjectFormInput): ProjectFormView {
  const { stored, fiscalYear, profile, values } = input;
  const current = input.current ?? stored;
  const placed = new Map<string, string[]>();
  const field = (name: string): FormField => {
    placed.set(name, []);
    return { name, value: values[name] ?? '', editable: input.mayChange(changePathOf(name)), problems: placed.get(name)! };
  };
  const target = (at: string): TargetFields => ({ value: field(at), kind: field(`${at}/kind`), direction: field(`${at}/direction`) });
  const costs = (list: readonly { fiscalYear: number }[] | undefined, name: (year: number) => string): CostFields[] =>
    costFormYears(list, fiscalYear).map((year) => ({ fiscalYear: year, yearLabel: formatFiscalYear(year), amount: field(name(year)) }));
  const rowLabel = (no: number) => `No. ${no}`;

  const view: ProjectFormView = {
    key: stored.key,
    name: stored.name,
    bureau: stored.bureau,
    division: stored.division,
    fiscalYear,
    yearLabel: formatFiscalYear(fiscalYear),
    version: input.version,
    grades: profile.grades,
    courses: profile.courses,
    summary: field('summary'),
    sdgs: field('sdgs'),
    indicators: (stored.indicators ?? []).map((indicator) => {
      const at = names.indicator(indicator.key);
      const mid = names.midTerm(indicator.key);
      const base = names.baseline(indicator.key);
      return {
        key: indicator.key,
        title: indicator.name,
        name: field(`${at}/name`),
        unit: field(`${at}/unit`),
        better: field(`${at}/better`),
        decimals: field(`${at}/decimals`),
        baseline: { value: field(`${base}/value`), text: field(`${base}/text`), fiscalYear: field(`${base}/fiscalYear`), label: field(`${base}/label`) },
        midTerm: {
          target: target(`${mid}/target`),
          basis: field(`${mid}/basis`),
          fiscalYear: field(`${mid}/fiscalYear`),
          from: field(`${mid}/from`),
          to: field(`${mid}/to`),
          label: field(`${mid}/label`),
          reason: field(`${mid}/reason`),
          set: indicator.midTerm !== undefined,
          printed: indicator.midTerm ? (indicator.midTerm.label ?? formatTarget(indicator.midTerm.target, indicator.unit)) : '',
        },
        periods: periodYears(indicator, fiscalYear).map((year) => {
          const at = names.period(indicator.key, year);
          return {
            fiscalYear: year,
            yearLabel: formatFiscalYear(year),
            target: target(`${at}/target`),
            actual: field(`${at}/actual`),
            achieved: field(`${at}/actual/achieved`),
            provisional: field(`${at}/provisional`),
          };
        }),
      };
    }),
    newIndicator: { key: field(names.newIndicator('key')), name: field(names.newIndicator('name')), unit: field(names.newIndicator('unit')) },
    budgets: costs(stored.budgets, names.budget),
    personnelCosts: costs(stored.personnelCosts, (year) => names.personnelCost(year)),
    rowPersonnelCosts: rowsWith(stored, 'personnelCosts').map((row) => ({ label: rowLabel(row.no), years: costs(row.personnelCosts, (year) => names.personnelCost(year, row)) })),
    evaluations: [undefined, ...rowsEvaluated(stored, fiscalYear)].map((row) => {
      const at = names.evaluation(fiscalYear, row);
      const previous = (row ? row.evaluations : stored.evaluations)?.find((evaluation) => evaluation.fiscalYear === fiscalYear - 1);
      const currentRow = row && current.placements.find((placement) => placement.policy === row.policy && placement.no === row.no);
      return {
        label: row ? rowLabel(row.no) : '事業全体',
        suggestedGrade: suggestionFor(current, fiscalYear, currentRow ?? row, profile),
        grade: field(`${at}/grade`),
        gradeReason: field(`${at}/gradeReason`),
        course: field(`${at}/course`),
        improvement: field(`${at}/improvement`),
        ...(previous && { previous: { course: previous.course, improvement: previous.improvement } }),
        marks: carriedMarks({
          course: { path: `${projectPath(stored.key)}/${at}/course`, value: values[`${at}/course`] ?? '' },
          improvement: { path: `${projectPath(stored.key)}/${at}/improvement`, value: values[`${at}/improvement`] ?? '' },
          last: previous,
          typed: values,
          cycle: input.cycle,
          reviewer: input.reviewer === true,
        }),
      };
    }),
    problems: [],
    placedProblems: [],
    conflicts: [],
  };
  for (const problem of input.problems ?? []) {
    const name = placeOf(problem.path, placed);
    if (name === undefined) view.problems.push(problem);
    else {
      placed.get(name)!.push(problem.message);
      view.placedProblems.push({ path: name, message: problem.message });
    }
  }
  if (input.conflict) {
    view.conflicts = input.conflict.paths.map((path) => ({ path, mine: shownValue(valueAtPath(current, path)), stored: shownValue(valueAtPath(input.conflict!.stored, path)) }));
  }
  return view;
}

/** The input a problem's path stands for: itself, or the nearest input below the change path it names. */
function placeOf(path: string, placed: Map<string, string[]>): string | undefined {
  if (placed.has(path)) return path;
  for (const name of placed.keys()) if (changePathOf(name) === path && !/\/(kind|direction|achieved)$/u.test(name)) return name;
  let shorter = path;
  while (shorter.includes('/')) {
    shorter = shorter.slice(0, shorter.lastIndexOf('/'));
    if (placed.has(shorter)) return shorter;
  }
  return undefined;
}

/** A value as the conflict table shows it: text as it is, anything else as JSON; — for none. */
function shownValue(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `projects/KEY/indicators/…` → `indicators/…`: the write path's paths as the form's. */
export function relativePath(key: string, path: string): string {
  const prefix = `projects/${segment(key)}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
