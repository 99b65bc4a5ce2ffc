// What a cycle entry still lacks (workflow.md, "Stages"): the inputs a division must type before
// it may submit, and the improvement texts identical to last year's (前年と同一). A pure function
// of one computed project (suggestedGrade filled by compute()), its fiscal year and its scope;
// the paths are the change log's (change-path.ts), so a form can point at each.
import type { Evaluation, Project } from '../domain/model.js';
import { segment } from './change-path.js';

export type CycleScope = 'full' | 'light' | 'skip';

export interface EntryFindings {
  /** Missing actuals of the year; in `full` scope also a missing grade or course, or a grade off its suggestion without a reason. */
  missing: string[];
  /** Improvement texts identical to the year before's at the same place. */
  sameAsLastYear: string[];
}

/** The findings of a computed project's entry for `fiscalYear` in `scope`. */
export function entryFindings(project: Project, fiscalYear: number, scope: CycleScope): EntryFindings {
  const missing: string[] = [];
  const sameAsLastYear: string[] = [];
  if (scope === 'skip') return { missing, sameAsLastYear };
  const base = `projects/${segment(project.key)}`;
  for (const indicator of project.indicators ?? []) {
    const period = indicator.periods?.find((p) => p.fiscalYear === fiscalYear);
    if (period?.actual === undefined) missing.push(`${base}/indicators/${segment(indicator.key)}/periods/${fiscalYear}/actual`);
  }
  for (const place of evaluationPlaces(project, base, fiscalYear)) {
    const evaluation = place.list?.find((e) => e.fiscalYear === fiscalYear);
    const path = `${place.path}/evaluations/${fiscalYear}`;
    if (scope === 'full') missing.push(...evaluationGaps(evaluation, path));
    const previous = place.list?.find((e) => e.fiscalYear === fiscalYear - 1);
    if (evaluation?.improvement !== undefined && evaluation.improvement.trim() !== '' && evaluation.improvement === previous?.improvement) {
      sameAsLastYear.push(`${path}/improvement`);
    }
  }
  return { missing, sameAsLastYear };
}

function evaluationGaps(evaluation: Evaluation | undefined, path: string): string[] {
  const gaps: string[] = [];
  if (evaluation?.grade === undefined) gaps.push(`${path}/grade`);
  if (evaluation?.course === undefined) gaps.push(`${path}/course`);
  const suggested = evaluation?.suggestedGrade;
  if (evaluation?.grade !== undefined && suggested != null && evaluation.grade !== suggested && !evaluation.gradeReason?.trim()) {
    gaps.push(`${path}/gradeReason`);
  }
  return gaps;
}

/**
 * Where the year's evaluation is kept: the rows (placements) holding their own evaluation of
 * the year, and the project's list for the others — or the project's alone when no row has one.
 */
function evaluationPlaces(project: Project, base: string, fiscalYear: number): { path: string; list: Evaluation[] | undefined }[] {
  const own = project.placements.filter((row) => row.evaluations?.some((e) => e.fiscalYear === fiscalYear));
  const places = own.map((row) => ({ path: `${base}/placements/${segment(row.policy)}/${row.no}`, list: row.evaluations }));
  if (own.length < project.placements.length || project.placements.length === 0) places.unshift({ path: base, list: project.evaluations });
  return places;
}
