// Rule 3 of domain.md: 事業費の増減, a budget against the same project's budget of the year
// before. The seed's 21 budget pairs fit a relative band of 5% and no absolute amount:
// 46,190 → 44,090 (−2,100, −4.55%) is 維持 while 37,544 → 35,544 (−2,000, −5.33%) is 減額.
import { findByYear } from './by-year.js';
import { compareProducts, decimalOf } from './decimal.js';
import type { Budget, BudgetChange } from './model.js';

/**
 * 増額 / 維持 / 減額 for `amount` against `previous` (P), or null without P. |amount − P| × 100
 * is compared with `flatBandPercent` × P exactly: below is 維持, at or above is a change.
 */
export function budgetChange(amount: number, previous: number | undefined, flatBandPercent: number): BudgetChange | null {
  if (previous === undefined) return null;
  // An unchanged amount is 維持 even with a band of 0, where the rule alone would say 減額.
  if (amount === previous) return '維持';
  if (previous === 0) return '増額';
  const beyondBand = compareChange(amount, previous, flatBandPercent) >= 0;
  if (!beyondBand) return '維持';
  return amount > previous ? '増額' : '減額';
}

/** The sign of |amount − previous| × 100 − band × previous. */
function compareChange(amount: number, previous: number, band: number): -1 | 0 | 1 {
  // Budgets are integers (thousand yen), so the difference is exact in a double.
  if (Number.isSafeInteger(amount) && Number.isSafeInteger(previous)) {
    return compareProducts(Math.abs(amount - previous), 100, band, previous);
  }
  const a = decimalOf(amount);
  const p = decimalOf(previous);
  const b = decimalOf(band);
  const scale = Math.max(a.scale, p.scale);
  const lift = (d: { coefficient: bigint; scale: number }) => d.coefficient * 10n ** BigInt(scale - d.scale);
  const difference = lift(a) - lift(p);
  // |a − p| · 100 · 10^b.scale vs b.coefficient · p, both at 10^-scale.
  const left = (difference < 0n ? -difference : difference) * 100n * 10n ** BigInt(b.scale);
  const right = b.coefficient * lift(p);
  return left > right ? 1 : left < right ? -1 : 0;
}

/** The amount of the budget of the year before `budgets[index]`, if the project has one. */
export function previousAmountOf(budgets: readonly Budget[], index: number): number | undefined {
  const budget = budgets[index];
  return budget ? findByYear(budgets, budget.fiscalYear - 1, index - 1)?.amount : undefined;
}
