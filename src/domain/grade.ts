// Rule 4 of domain.md: the suggested grade for an evaluation. The grade itself is a
// person's judgment (事業評価); the system only suggests one, and a grade that differs
// from a non-null suggestion needs a gradeReason.
import { periodAssessment } from './achievement.js';
import { indexOfYear } from './by-year.js';
import { compareRational, meanPercent, type Quotient } from './decimal.js';
import type { Indicator, Placement, Project } from './model.js';
import type { Profile } from './profile.js';

/** What a suggestion rests on: the unrounded rates of year Y, and whether a rank or qualitative target was missed. */
export interface GradeEvidence {
  rates: Quotient[];
  missed: boolean;
}

/**
 * The first grade whose band the exact mean of `rates` reaches, else the worst; a missed
 * rank or qualitative target caps it at the grade just above the worst, which is also the
 * suggestion when there are no rates but a miss. No rates and no miss: null.
 */
export function suggestGrade(
  { rates, missed }: GradeEvidence,
  profile: Pick<Profile, 'grades' | 'gradeBands'>,
): string | null {
  const { grades, gradeBands } = profile;
  const worst = grades.length - 1;
  const cap = Math.max(0, worst - 1);
  if (rates.length === 0) return missed ? (grades[cap] ?? null) : null;
  const mean = meanPercent(rates);
  let index = worst;
  for (let i = 0; i < worst && i < gradeBands.length; i++) {
    if (compareRational(mean, gradeBands[i]!) >= 0) {
      index = i;
      break;
    }
  }
  if (missed && index < cap) index = cap;
  return grades[index] ?? null;
}

/** The evidence of fiscal year `fiscalYear` over the given indicators (nulls skipped). */
export function gradeEvidence(indicators: readonly Indicator[], fiscalYear: number): GradeEvidence {
  const rates: Quotient[] = [];
  let missed = false;
  for (const indicator of indicators) {
    const periods = indicator.periods;
    if (!periods) continue;
    const index = indexOfYear(periods, fiscalYear);
    if (index < 0) continue;
    const { exactRate, achieved } = periodAssessment(periods, index, indicator.better);
    if (exactRate) rates.push(exactRate);
    const target = periods[index]!.target;
    const kind = typeof target === 'object' ? target.kind : undefined;
    if (achieved === false && (kind === 'rank' || kind === 'qualitative')) missed = true;
  }
  return { rates, missed };
}

/**
 * The indicators an evaluation covers: a row's (placement's) evaluation covers the row's
 * `indicators` when it lists them, else all of the project's, as a project's evaluation does.
 */
export function coveredIndicators(project: Project, placement?: Placement): readonly Indicator[] {
  const all = project.indicators ?? [];
  const keys = placement?.indicators;
  if (!keys) return all;
  return keys.flatMap((key) => all.find((indicator) => indicator.key === key) ?? []);
}
