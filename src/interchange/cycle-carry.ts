// Carried over (workflow.md, "Carried over, and what is new"): opening the cycle of Y copies last
// year's course into a new evaluation of Y wherever one was kept (the project's own list, a row's),
// so a course is only missing where there was none. A carried course stays flagged until the
// division changes or confirms it; an improvement text identical to last year's (前年と同一)
// stays marked until edited or confirmed 変更なし. Pure functions of stored or computed projects;
// the paths are the change log's, as in cycle-missing.ts.
import type { Evaluation, Project } from '../domain/model.js';
import { segment } from './change-path.js';

/** Path → value: what the opening carried, or what a confirmation confirmed. */
export type PathValues = Readonly<Record<string, string>>;

export interface CarriedProject {
  project: Project;
  /** Path of each carried course → the course. Empty: nothing to carry (the project is unchanged). */
  carried: Record<string, string>;
}

export interface EntryMarks {
  /** Carried courses still standing unconfirmed. */
  carried: string[];
  /** Improvement texts identical to last year's and not confirmed 変更なし. */
  sameAsLastYear: string[];
  /** Paths whose present value a confirmation covers. */
  confirmed: string[];
}

/**
 * The project with last year's course carried into an evaluation of `fiscalYear` at each place
 * that kept a course before and has no evaluation of the year yet; a row first, then the
 * project's own list only where a row is left without an evaluation of its own.
 */
export function carryCourses(project: Project, fiscalYear: number): CarriedProject {
  const base = `projects/${segment(project.key)}`;
  const carried: Record<string, string> = {};
  const carry = (list: Evaluation[] | undefined, path: string): Evaluation[] | undefined => {
    if (list?.some((e) => e.fiscalYear === fiscalYear)) return list;
    const course = latestCourse(list, fiscalYear);
    if (course === undefined) return list;
    carried[`${path}/evaluations/${fiscalYear}/course`] = course;
    return [...list!, { fiscalYear, course }];
  };
  const placements = project.placements.map((row) => {
    const evaluations = carry(row.evaluations, `${base}/placements/${segment(row.policy)}/${row.no}`);
    return evaluations === row.evaluations ? row : { ...row, evaluations: evaluations! };
  });
  const rowsLeft = placements.filter((row) => !row.evaluations?.some((e) => e.fiscalYear === fiscalYear)).length;
  const evaluations = rowsLeft > 0 || placements.length === 0 ? carry(project.evaluations, base) : project.evaluations;
  if (Object.keys(carried).length === 0) return { project, carried };
  return { project: { ...project, placements, ...(evaluations && { evaluations }) }, carried };
}

/**
 * The marks of an entry: its carried courses still at the carried value and not confirmed, its
 * texts the same as last year's (`sameAsLastYear`, from entryFindings) not confirmed, and the
 * paths whose confirmation still covers the value there.
 */
export function entryMarks(project: Project, fiscalYear: number, sameAsLastYear: readonly string[], carried: PathValues, confirmed: PathValues): EntryMarks {
  const values = evaluationValues(project, fiscalYear);
  const covered = (path: string) => confirmed[path] !== undefined && confirmed[path] === values.get(path);
  return {
    carried: Object.entries(carried)
      .filter(([path, value]) => values.get(path) === value && !covered(path))
      .map(([path]) => path),
    sameAsLastYear: sameAsLastYear.filter((path) => !covered(path)),
    confirmed: Object.keys(confirmed).filter(covered),
  };
}

/** The course and improvement of every evaluation of `fiscalYear` (the project's own and its rows'), by path. */
export function evaluationValues(project: Project, fiscalYear: number): Map<string, string> {
  const base = `projects/${segment(project.key)}`;
  const values = new Map<string, string>();
  const add = (list: Evaluation[] | undefined, path: string) => {
    const evaluation = list?.find((e) => e.fiscalYear === fiscalYear);
    if (evaluation?.course !== undefined) values.set(`${path}/evaluations/${fiscalYear}/course`, evaluation.course);
    if (evaluation?.improvement !== undefined) values.set(`${path}/evaluations/${fiscalYear}/improvement`, evaluation.improvement);
  };
  add(project.evaluations, base);
  for (const row of project.placements) add(row.evaluations, `${base}/placements/${segment(row.policy)}/${row.no}`);
  return values;
}

/** The course of the latest evaluation before `fiscalYear` in the list. */
export function latestCourse(list: readonly Evaluation[] | undefined, fiscalYear: number): string | undefined {
  let latest: Evaluation | undefined;
  for (const evaluation of list ?? []) {
    if (evaluation.course === undefined || evaluation.fiscalYear >= fiscalYear) continue;
    if (!latest || evaluation.fiscalYear > latest.fiscalYear) latest = evaluation;
  }
  return latest?.course;
}
