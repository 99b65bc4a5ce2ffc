import { describe, expect, it } from 'vitest';
import { budgetChange, previousAmountOf } from './budget-change.js';
import type { BudgetChange } from './model.js';
import { budgets } from './test-factory.js';

describe('budgetChange: the 21 distinct R4 → R5 budget pairs of the seed (thousand yen)', () => {
  it.each<[number, number, BudgetChange, string]>([
    [2665000, 3144000, '増額', 'No. 1, 2, 4 (+17.97%)'],
    [1110000, 1837000, '増額', 'No. 18 (+65.5%)'],
    [140000, 140000, '維持', 'No. 3'],
    [42803, 43921, '維持', 'No. 5, 7, 9, 29 (+2.61%, the largest 維持 rise)'],
    [24715, 24715, '維持', 'No. 6, 8, 30'],
    [46190, 44090, '維持', 'No. 10 (−2,100, −4.55%: the largest 維持 fall)'],
    [9000, 9000, '維持', 'No. 11'],
    [27132, 26245, '維持', 'No. 12, 21 (−3.27%)'],
    [3972, 4011, '維持', 'No. 32, 34 (+0.98%)'],
    [1400, 1280, '減額', 'No. 13, 22 (−8.57%)'],
    [4221, 3799, '減額', 'No. 14–16 (−10.0%)'],
    [4050, 3645, '減額', 'No. 17 (−10.0%)'],
    [18322, 16490, '減額', 'No. 19 (−10.0%)'],
    [8256, 7434, '減額', 'No. 20 (−9.96%)'],
    [4871, 4371, '減額', 'No. 23 (−10.26%)'],
    [9338, 8401, '減額', 'No. 24, 27 (−10.03%)'],
    [3960, 3561, '減額', 'No. 25 (−10.08%)'],
    [4700, 4300, '減額', 'No. 26 (−8.51%)'],
    [37544, 35544, '減額', 'No. 28 (−2,000, −5.33%: the smallest 減額)'],
    [4000, 2820, '減額', 'No. 31 (−29.5%)'],
    [2000, 1320, '減額', 'No. 33 (−34%)'],
  ])('%s → %s is %s (%s)', (previous, amount, change) => {
    expect(budgetChange(amount, previous, 5)).toBe(change);
  });
});

describe('budgetChange: edges', () => {
  it.each<[number, number | undefined, number, BudgetChange | null]>([
    [100, undefined, 5, null], // no budget the year before
    [0, 0, 5, '維持'], // P = 0 and still 0
    [1, 0, 5, '増額'], // P = 0, anything more is an increase
    [105, 100, 5, '増額'], // exactly +5% is at the band: a change
    [95, 100, 5, '減額'], // exactly −5%
    [104, 100, 5, '維持'],
    [1049, 1000, 5, '維持'], // +4.9%
    [1050, 1000, 5, '増額'],
    [102, 100, 2.5, '維持'], // a decimal band, compared exactly
    [102.5, 100, 2.5, '増額'], // and a decimal amount (outside the schema) still exactly
    [97.5, 100, 2.5, '減額'],
    [100, 100, 0, '維持'], // band 0: only no change at all is 維持
    [101, 100, 0, '増額'],
  ])('%s against %s with band %s is %s', (amount, previous, band, change) => {
    expect(budgetChange(amount, previous, band)).toBe(change);
  });

  it('is exact where floating point is not (0.1 × 3 against 0.3)', () => {
    // |1.3 − 1| × 100 = 30 against 30 × 1: exactly at the band, though 1.3 − 1 is 0.30000000000000004 in floats
    expect(budgetChange(1.3, 1, 30)).toBe('増額');
    expect(budgetChange(0.7, 1, 30)).toBe('減額');
  });
});

describe('previousAmountOf', () => {
  it('takes the same project’s budget of Y − 1, by year', () => {
    const list = budgets([2023, 4011], [2022, 3972], [2025, 10]);
    expect(previousAmountOf(list, 0)).toBe(3972);
    expect(previousAmountOf(list, 1)).toBeUndefined();
    expect(previousAmountOf(list, 2)).toBeUndefined(); // 2024 is missing
    expect(previousAmountOf(list, 3)).toBeUndefined();
  });
});
