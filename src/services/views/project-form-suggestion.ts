// The suggested grade beside each grade of the project form (domain.md, rule 4), worked out
// from the project as the form holds it, so a corrected actual moves the suggestion at once.
import { coveredIndicators, gradeEvidence, suggestGrade } from '../../domain/grade.js';
import type { Placement, Project } from '../../domain/model.js';
import type { Profile } from '../../domain/profile.js';

/** The suggestion for the project's evaluation of `fiscalYear`, or a row's own. */
export function suggestionFor(project: Project, fiscalYear: number, row: Placement | undefined, profile: Profile): string | null {
  return suggestGrade(gradeEvidence(coveredIndicators(project, row), fiscalYear), profile);
}
