// Rule 1 of domain.md: 達成率 (achievement rate) and whether a period's target was achieved.
//
// Comparisons such as a ≥ t use the doubles directly: String(n) writes a decimal that
// rounds back to n, and rounding is monotone, so two doubles order exactly as their
// decimals do (decimal.test.ts checks this).
import { findByYear } from './by-year.js';
import { roundedPercent, type Quotient } from './decimal.js';
import type { Actual, Better, Period, Target } from './model.js';

export interface Assessment {
  achieved: boolean | null;
  /** The unrounded rate (dividend ÷ divisor × 100) that the grade suggestion averages. */
  exactRate: Quotient | null;
}

export interface Achievement extends Assessment {
  /** 達成率 rounded to `rateDecimals`; null where the sheet prints —. No cap. */
  achievementRate: number | null;
}

const UNKNOWN: Achievement = Object.freeze({ achievementRate: null, achieved: null, exactRate: null });

/**
 * Where assess() leaves the operands of a rate (dividend ÷ divisor × 100). The caller's own
 * object: compute() passes one for all its periods, so that assessing allocates nothing.
 */
export interface RateOperands {
  dividend: number;
  divisor: number;
}

// assess() answers with a small code rather than an object, and leaves a rate's operands in
// the caller's RateOperands: compute() runs it for millions of periods, and the garbage of
// an object per period dominated its profile.
const ACHIEVED_UNKNOWN = 0;
const MISSED = 1;
const ACHIEVED = 2;
const HAS_RATE = 4;

function withRate(achieved: boolean, dividend: number, divisor: number, operands: RateOperands): number {
  operands.dividend = dividend;
  operands.divisor = divisor;
  return (achieved ? ACHIEVED : MISSED) | HAS_RATE;
}
function withoutRate(achieved: boolean): number {
  return achieved ? ACHIEVED : MISSED;
}

function assess(
  target: Target | undefined,
  actual: Actual | undefined,
  better: Better | undefined,
  previousActual: number | undefined,
  operands: RateOperands,
): number {
  if (target === undefined) return ACHIEVED_UNKNOWN;
  if (typeof target === 'number') {
    if (typeof actual !== 'number') return ACHIEVED_UNKNOWN;
    if (better === 'lower') return actual > 0 ? withRate(actual <= target, target, actual, operands) : withoutRate(actual <= target);
    return target > 0 ? withRate(actual >= target, actual, target, operands) : withoutRate(actual >= target);
  }
  switch (target.kind) {
    case 'previous-year': {
      const base = target.base ?? previousActual;
      if (typeof actual !== 'number' || base === undefined) return ACHIEVED_UNKNOWN;
      if (target.direction === 'decrease') return actual > 0 ? withRate(actual < base, base, actual, operands) : withoutRate(actual < base);
      return base > 0 ? withRate(actual > base, actual, base, operands) : withoutRate(actual > base);
    }
    case 'rank':
      return typeof actual === 'number' ? withoutRate(actual <= target.atMost) : ACHIEVED_UNKNOWN;
    case 'qualitative':
      return typeof actual === 'object' && typeof actual.achieved === 'boolean' ? withoutRate(actual.achieved) : ACHIEVED_UNKNOWN;
    default:
      return ACHIEVED_UNKNOWN;
  }
}

function achievedOfCode(code: number): boolean | null {
  return code & ACHIEVED ? true : code & MISSED ? false : null;
}

const noOperands = (): RateOperands => ({ dividend: 0, divisor: 0 });

function achievementOfCode(code: number, operands: RateOperands, rateDecimals: number): Achievement {
  if (code === ACHIEVED_UNKNOWN) return UNKNOWN;
  if (!(code & HAS_RATE)) return { achievementRate: null, achieved: achievedOfCode(code), exactRate: null };
  const { dividend, divisor } = operands;
  return { achievementRate: roundedPercent(dividend, divisor, rateDecimals), achieved: achievedOfCode(code), exactRate: { dividend, divisor } };
}

/**
 * One period's rate and achieved flag. `previousActual` is the numeric actual of the same
 * indicator's period of the year before: the base of a 前年度比 target without its own.
 */
export function achievementOf(
  target: Target | undefined,
  actual: Actual | undefined,
  better: Better | undefined,
  previousActual: number | undefined,
  rateDecimals: number,
): Achievement {
  const operands = noOperands();
  return achievementOfCode(assess(target, actual, better, previousActual, operands), operands, rateDecimals);
}

/** The numeric actual of the period of the year before `periods[index]`, if any. */
export function previousActualOf(periods: readonly Period[], index: number): number | undefined {
  const period = periods[index];
  if (!period) return undefined;
  const previous = findByYear(periods, period.fiscalYear - 1, index - 1)?.actual;
  return typeof previous === 'number' ? previous : undefined;
}

function assessPeriod(period: Period, periods: readonly Period[], index: number, better: Better | undefined, operands: RateOperands): number {
  const { target } = period;
  const needsPrevious = typeof target === 'object' && target.kind === 'previous-year' && target.base === undefined;
  return assess(target, period.actual, better, needsPrevious ? previousActualOf(periods, index) : undefined, operands);
}

/** The achievement of `periods[index]`, its previous-year base looked up when needed. */
export function periodAchievement(
  periods: readonly Period[],
  index: number,
  better: Better | undefined,
  rateDecimals: number,
): Achievement {
  const period = periods[index];
  if (!period) return UNKNOWN;
  const operands = noOperands();
  return achievementOfCode(assessPeriod(period, periods, index, better, operands), operands, rateDecimals);
}

/** The achieved flag and exact rate of `periods[index]`, without rounding. */
export function periodAssessment(periods: readonly Period[], index: number, better: Better | undefined): Assessment {
  const period = periods[index];
  if (!period) return UNKNOWN;
  const operands = noOperands();
  const code = assessPeriod(period, periods, index, better, operands);
  return { achieved: achievedOfCode(code), exactRate: code & HAS_RATE ? operands : null };
}

/** The two fields of a period that writeAchievement sets. */
export interface AchievementFields {
  achievementRate: number | null;
  achieved: boolean | null;
}

/**
 * Sets `achievementRate` and `achieved` of `periods[index]` on `into`. compute() reuses one
 * holder and one RateOperands for every period, so that this allocates nothing.
 */
export function writeAchievement(
  periods: readonly Period[],
  index: number,
  better: Better | undefined,
  rateDecimals: number,
  into: AchievementFields,
  operands: RateOperands = noOperands(),
): void {
  const code = assessPeriod(periods[index]!, periods, index, better, operands);
  into.achievementRate = code & HAS_RATE ? roundedPercent(operands.dividend, operands.divisor, rateDecimals) : null;
  into.achieved = achievedOfCode(code);
}
