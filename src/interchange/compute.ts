// compute(): completes a hyoka/1 document with the fields of interchange.md's "What compute
// adds" table — achievementRate, achieved and midTermProgress on periods, change on budgets,
// suggestedGrade on evaluations — and changes nothing else.
//
// The input is never mutated. The records compute completes (periods, budgets, evaluations)
// and their containers up to the document are new objects; everything else (targets,
// mid-terms, placements without evaluations, …) is shared with the input.
import { writeAchievement, type AchievementFields, type RateOperands } from '../domain/achievement.js';
import { budgetChange, previousAmountOf } from '../domain/budget-change.js';
import { coveredIndicators, gradeEvidence, suggestGrade } from '../domain/grade.js';
import { midTermProgressAt } from '../domain/mid-term-progress.js';
import type { Budget, Evaluation, HyokaDocument, Indicator, Period, Project } from '../domain/model.js';
import { resolveProfile, type Profile } from '../domain/profile.js';
import { completedBudget, completedPeriod } from './completed-record.js';

export function compute(doc: HyokaDocument): HyokaDocument {
  const profile = resolveProfile(doc.settings);
  const scratch = newScratch();
  return { ...doc, projects: doc.projects.map((project) => completeProject(project, profile, scratch)) };
}

/** One project completed as compute() would (the API computes one project at a time). */
export function computeProject(project: Project, profile: Profile): Project {
  return completeProject(project, profile, newScratch());
}

/** Where a period's achievement is worked out: one for all the periods of a call, so that they allocate nothing. */
interface Scratch {
  achievement: AchievementFields;
  operands: RateOperands;
}

const newScratch = (): Scratch => ({ achievement: { achievementRate: null, achieved: null }, operands: { dividend: 0, divisor: 0 } });

function completeProject(project: Project, profile: Profile, scratch: Scratch): Project {
  const out: Project = { ...project };
  if (project.budgets) out.budgets = computeBudgets(project.budgets, profile.budgetFlatBand);
  if (project.indicators) out.indicators = project.indicators.map((indicator) => computeIndicator(indicator, profile, scratch));
  if (project.evaluations) out.evaluations = withSuggestions(project.evaluations, coveredIndicators(project), profile);
  if (project.placements.some((placement) => placement.evaluations)) {
    out.placements = project.placements.map((placement) =>
      placement.evaluations
        ? { ...placement, evaluations: withSuggestions(placement.evaluations, coveredIndicators(project, placement), profile) }
        : placement,
    );
  }
  return out;
}

function computeBudgets(budgets: readonly Budget[], flatBandPercent: number): Budget[] {
  const out = new Array<Budget>(budgets.length);
  for (let i = 0; i < budgets.length; i++) {
    const budget = budgets[i]!;
    out[i] = completedBudget(budget, budgetChange(budget.amount, previousAmountOf(budgets, i), flatBandPercent));
  }
  return out;
}

function computeIndicator(indicator: Indicator, profile: Profile, { achievement, operands }: Scratch): Indicator {
  const periods = indicator.periods;
  if (!periods) return indicator;
  const out = new Array<Period>(periods.length);
  for (let i = 0; i < periods.length; i++) {
    writeAchievement(periods, i, indicator.better, profile.rateDecimals, achievement, operands);
    const progress = midTermProgressAt(indicator, i, profile.rateDecimals);
    out[i] = completedPeriod(periods[i]!, achievement.achievementRate, achievement.achieved, progress);
  }
  return { ...indicator, periods: out };
}

function withSuggestions(evaluations: readonly Evaluation[], indicators: readonly Indicator[], profile: Profile): Evaluation[] {
  return evaluations.map((evaluation) => {
    // Spread, not Object.assign, which would drop an own "__proto__" field (see completed-record.ts).
    return { ...evaluation, suggestedGrade: suggestGrade(gradeEvidence(indicators, evaluation.fiscalYear), profile) };
  });
}
