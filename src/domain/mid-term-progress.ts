// Rule 2 of domain.md: progress toward the 中期目標 (mid-term target), rounded like a rate.
import { findByYear } from './by-year.js';
import { roundedPercent, roundedPercentOfSum } from './decimal.js';
import type { Indicator, Period } from './model.js';

/** `midTermProgress` of `indicator.periods[index]`: null unless the mid-term is a number. */
export function midTermProgressAt(indicator: Indicator, index: number, rateDecimals: number): number | null {
  const midTerm = indicator.midTerm;
  const periods = indicator.periods;
  const period = periods?.[index];
  if (!midTerm || typeof midTerm.target !== 'number' || !periods || !period) return null;
  const goal = midTerm.target;
  switch (midTerm.basis) {
    case 'by-year':
    case 'every-year':
      return yearlyProgress(period, goal, indicator.better === 'lower', rateDecimals);
    case 'cumulative':
      return countedProgress(periods, index, goal, midTerm.from ?? firstYear(periods), midTerm.to, rateDecimals);
    case 'span':
      return midTerm.from === undefined
        ? null
        : countedProgress(periods, index, goal, midTerm.from, midTerm.to, rateDecimals);
    default:
      return null;
  }
}

/** This period's actual against the mid-term number, polarity included (as in rule 1). */
function yearlyProgress(period: Period, goal: number, lower: boolean, rateDecimals: number): number | null {
  const actual = period.actual;
  if (typeof actual !== 'number') return null;
  if (lower) return actual > 0 ? roundedPercent(goal, actual, rateDecimals) : null;
  return goal > 0 ? roundedPercent(actual, goal, rateDecimals) : null;
}

/** The first period's year: where a cumulative count starts unless `from` says otherwise. */
function firstYear(periods: readonly Period[]): number {
  let first = Infinity;
  for (const period of periods) if (period.fiscalYear < first) first = period.fiscalYear;
  return first;
}

/**
 * Cumulative and span: the exact sum of the actuals of `from` … Y over the mid-term
 * number; null before `from`, after `to`, or when a counted year has no numeric actual.
 */
function countedProgress(
  periods: readonly Period[],
  index: number,
  goal: number,
  from: number,
  to: number | undefined,
  rateDecimals: number,
): number | null {
  const year = periods[index]!.fiscalYear;
  if (!(goal > 0) || year < from || (to !== undefined && year > to)) return null;
  const counted: number[] = [];
  for (let y = from; y <= year; y++) {
    const actual = findByYear(periods, y, index - (year - y))?.actual;
    if (typeof actual !== 'number') return null;
    counted.push(actual);
  }
  return roundedPercentOfSum(counted, goal, rateDecimals);
}
