import { describe, expect, it } from 'vitest';
import { achievementOf, periodAchievement, periodAssessment, previousActualOf, writeAchievement } from './achievement.js';
import type { Actual, Better, Target } from './model.js';
import { period } from './test-factory.js';

describe('achievementOf: every 達成率 the seed sheet prints', () => {
  it.each([
    // [target, actual, printed rate] — number targets, higher is better
    [54.0, 59.9, 110.9], // No. 5, 9, 29
    [2700, 2961, 109.7], // No. 11, 17: rounds, does not truncate (109.666…)
    [100, 362, 362.0], // No. 10
    [160, 0, 0.0], // No. 13, 22: zero is a rate, not —
    [50, 19, 38.0], // No. 25
    [288, 358, 124.3], // No. 26
    [15000, 7386517, 49243.4], // No. 26: no cap
    [80, 91.6, 114.5], // No. 28
    [90.0, 83.1, 92.3], // No. 14, 15
    [90.0, 87.2, 96.9], // No. 14–16
    [75.0, 55.2, 73.6], // No. 16
    [95.0, 87.1, 91.7], // No. 16
    [2, 1, 50.0], // No. 23
    [4, 7, 175.0], // No. 23
    [330, 300, 90.9], // No. 24, 27
    [6, 5, 83.3], // No. 3
    [5, 5, 100.0], // No. 3
    [200, 179, 89.5], // No. 11
    [10, 10, 100.0], // No. 11
    [40, 40, 100.0], // No. 32 (the sheet leaves this one out)
    [26, 26, 100.0], // No. 32 (likewise)
    [52, 52, 100.0], // No. 34
    [1, 1, 100.0], // No. 34
    [1, 2, 200.0], // No. 34
    [2, 2, 100.0], // No. 12, 21
  ])('%s → %s is %s', (target, actual, rate) => {
    const result = achievementOf(target, actual, 'higher', undefined, 1);
    expect(result.achievementRate).toBe(rate);
    expect(result.achieved).toBe(actual >= target);
    expect(result.exactRate).toEqual({ dividend: actual, divisor: target });
  });

  it.each([
    [64616, 96953, 150.0], // No. 18 寄附件数 前年度比 (64,616件) 増
    [112654, 181809, 161.4], // No. 18 寄附金額 前年度比 (112,654万円) 増
  ])('previous-year with base %s: %s is %s and achieved', (base, actual, rate) => {
    const result = achievementOf({ kind: 'previous-year', base }, actual, undefined, undefined, 1);
    expect(result).toEqual({ achievementRate: rate, achieved: true, exactRate: { dividend: actual, divisor: base } });
  });

  it('rounds half away from zero on the exact decimal (5.1 / 8.0 → 63.8)', () => {
    expect(achievementOf(8.0, 5.1, 'higher', undefined, 1).achievementRate).toBe(63.8);
  });
});

describe('achievementOf: the rule table', () => {
  const rank: Target = { kind: 'rank', atMost: 10 };
  const qualitative: Target = { kind: 'qualitative', text: 'A (計画どおり)' };
  const cases: [string, Target | undefined, Actual | undefined, Better | undefined, number | undefined, number | null, boolean | null][] = [
    // name, target, actual, better, previous actual, rate, achieved
    ['number, lower is better', 50, 40, 'lower', undefined, 125, true],
    ['number, lower, missed', 50, 60, 'lower', undefined, 83.3, false],
    ['number, lower, actual 0: no rate', 5, 0, 'lower', undefined, null, true],
    ['number, higher, target 0: no rate', 0, 3, 'higher', undefined, null, true],
    ['number, higher, missed by a little', 2700, 2699.9, undefined, undefined, 100, false],
    ['previous-year 増 from the previous actual', { kind: 'previous-year' }, 120, undefined, 100, 120, true],
    ['previous-year 増 equal is not an increase', { kind: 'previous-year', direction: 'increase' }, 100, undefined, 100, 100, false],
    ['previous-year 減', { kind: 'previous-year', direction: 'decrease' }, 80, undefined, 100, 125, true],
    ['previous-year 減 with actual 0', { kind: 'previous-year', direction: 'decrease', base: 10 }, 0, undefined, undefined, null, true],
    ['previous-year 増 with base 0', { kind: 'previous-year', base: 0 }, 5, undefined, undefined, null, true],
    ['previous-year, base wins over the previous actual', { kind: 'previous-year', base: 50 }, 100, undefined, 200, 200, true],
    ['previous-year without base or previous actual', { kind: 'previous-year' }, 100, undefined, undefined, null, null],
    ['rank 17位 against 10位以内 (No. 19)', rank, 17, undefined, undefined, null, false],
    ['rank 16位 against 10位以内 (No. 19)', rank, 16, undefined, undefined, null, false],
    ['rank met at the limit', rank, 10, undefined, undefined, null, true],
    ['qualitative, entered achieved', qualitative, { text: 'A (計画どおり)', achieved: true }, undefined, undefined, null, true],
    ['qualitative, entered missed', qualitative, { text: 'B', achieved: false }, undefined, undefined, null, false],
    ['qualitative, nothing entered', qualitative, { text: 'A (計画どおり)' }, undefined, undefined, null, null],
    ['none', { kind: 'none', note: '単年度目標設定なし' }, 5, undefined, undefined, null, null],
    ['pending', { kind: 'pending', note: '設定予定' }, 5, undefined, undefined, null, null],
    ['no target (—)', undefined, 5, undefined, undefined, null, null],
    ['no actual', 100, undefined, undefined, undefined, null, null],
    ['a text actual under a number target', 100, { text: '十' }, undefined, undefined, null, null],
    ['a number actual under a qualitative target', qualitative, 1, undefined, undefined, null, null],
  ];
  it.each(cases)('%s', (_name, target, actual, better, previous, rate, achieved) => {
    const result = achievementOf(target, actual, better, previous, 1);
    expect(result.achievementRate).toBe(rate);
    expect(result.achieved).toBe(achieved);
    expect(result.exactRate === null).toBe(rate === null);
  });

  it('rounds to the profile rateDecimals', () => {
    expect(achievementOf(3, 1, 'higher', undefined, 0).achievementRate).toBe(33);
    expect(achievementOf(3, 1, 'higher', undefined, 3).achievementRate).toBe(33.333);
  });
});

describe('periods of an indicator', () => {
  const periods = [
    period({ kind: 'previous-year', base: 64616 }, 96953, 2021),
    period({ kind: 'previous-year' }, 120000, 2022),
    period({ kind: 'previous-year' }, undefined, 2023),
  ];

  it('takes the base of a previous-year target from the period of Y − 1', () => {
    expect(previousActualOf(periods, 1)).toBe(96953);
    expect(periodAchievement(periods, 1, undefined, 1)).toMatchObject({ achievementRate: 123.8, achieved: true });
  });

  it('finds Y − 1 by year, not by position', () => {
    const unordered = [periods[1]!, periods[2]!, periods[0]!];
    expect(previousActualOf(unordered, 0)).toBe(96953);
    expect(previousActualOf(unordered, 2)).toBeUndefined();
  });

  it('gives the same answer through every entry point', () => {
    for (let i = 0; i < periods.length; i++) {
      const full = periodAchievement(periods, i, undefined, 1);
      const holder = { achievementRate: -1 as number | null, achieved: null as boolean | null };
      writeAchievement(periods, i, undefined, 1, holder);
      expect(holder).toEqual({ achievementRate: full.achievementRate, achieved: full.achieved });
      expect(periodAssessment(periods, i, undefined)).toEqual({ achieved: full.achieved, exactRate: full.exactRate });
    }
    expect(periodAchievement(periods, 9, undefined, 1)).toEqual({ achievementRate: null, achieved: null, exactRate: null });
  });
});
