import { describe, expect, it } from 'vitest';
import { coveredIndicators, gradeEvidence, suggestGrade } from './grade.js';
import type { Actual, Indicator, Target } from './model.js';
import { defaultProfile } from './profile.js';
import { buildIndicator, buildProject, indicatorsOf, period } from './test-factory.js';

const rank10: Target = { kind: 'rank', atMost: 10 };
const planA: Target = { kind: 'qualitative', text: 'A (計画どおり)' };
const metA: Actual = { text: 'A (計画どおり)', achieved: true };

function suggestionFor(indicators: Indicator[]): string | null {
  return suggestGrade(gradeEvidence(indicators, 2021), defaultProfile);
}

describe('suggestGrade: the seed rows of domain.md rule 4', () => {
  it.each<[string, Indicator[], string | null]>([
    ['No. 10 (362)', indicatorsOf([100, 362]), '大変順調'],
    [
      'No. 18 (150.0 / 161.4)',
      indicatorsOf([{ kind: 'previous-year', base: 64616 }, 96953], [{ kind: 'previous-year', base: 112654 }, 181809]),
      '大変順調',
    ],
    ['No. 26 (124.3 / 49,243.4)', indicatorsOf([288, 358], [15000, 7386517]), '大変順調'],
    ['No. 34 (100 / 200 / 100)', indicatorsOf([1, 1], [1, 2], [52, 52]), '大変順調'],
    ['No. 16 (96.9 / 73.6 / 91.7, mean 87.4)', indicatorsOf([90.0, 87.2], [75.0, 55.2], [95.0, 87.1]), '順調'],
    ['No. 28 (114.5)', indicatorsOf([80, 91.6]), '順調'],
    ['No. 32 (100 / 100, and a qualitative target without actual)', indicatorsOf([planA, undefined], [40, 40], [26, 26]), '順調'],
    ['No. 25 (38.0)', indicatorsOf([50, 19]), '遅れ'],
    ['No. 13 (0.0)', indicatorsOf([160, 0]), '遅れ'],
    ['No. 19 (17位 and 16位 against 10位以内)', indicatorsOf([rank10, 17], [rank10, 16]), 'やや遅れ'],
    // and the other rows with rates, each as graded on the sheet
    ['No. 3 (100 / 83.3)', indicatorsOf([5, 5], [6, 5]), '順調'],
    ['No. 11 (100 / 109.7 / 89.5)', indicatorsOf([10, 10], [2700, 2961], [200, 179]), '順調'],
    ['No. 12 (report made, 100)', indicatorsOf([{ kind: 'qualitative', text: 'ユネスコへの報告書作成' }, metA], [2, 2]), '順調'],
    ['No. 14 (92.3 / 96.9)', indicatorsOf([90.0, 83.1], [90.0, 87.2]), '順調'],
    ['No. 23 (50.0 / 175.0)', indicatorsOf([2, 1], [4, 7]), '順調'],
    ['No. 24 (90.9)', indicatorsOf([330, 300]), '順調'],
    ['No. 5 (110.9)', indicatorsOf([54.0, 59.9]), '順調'],
    // rows without a rate or a miss get no suggestion: the person's grade stands
    ['No. 1 (A achieved, no rate)', indicatorsOf([planA, metA], [{ kind: 'none' }, undefined]), null],
    ['No. 31 (targets pending)', indicatorsOf([{ kind: 'pending', note: '現観光振興プラン更新時に設定' }, undefined]), null],
    ['No. 20 (no targets)', indicatorsOf([undefined, undefined]), null],
  ])('%s → %s', (_row, indicators, grade) => {
    expect(suggestionFor(indicators)).toBe(grade);
  });
});

describe('suggestGrade: bands and the missed rule', () => {
  it.each<[number, number, string]>([
    [120, 100, '大変順調'], // exactly at a band reaches it
    [119.9, 100, '順調'],
    [80, 100, '順調'],
    [79.99, 100, 'やや遅れ'],
    [50, 100, 'やや遅れ'],
    [49.99, 100, '遅れ'],
  ])('actual %s of %s', (actual, target, grade) => {
    expect(suggestionFor(indicatorsOf([target, actual]))).toBe(grade);
  });

  it('averages exactly: 119.95 and 120.05 reach 120 although both round elsewhere', () => {
    expect(suggestionFor(indicatorsOf([100, 119.95], [100, 120.05]))).toBe('大変順調');
    expect(suggestionFor(indicatorsOf([3, 1], [3, 2], [100, 100]))).toBe('やや遅れ'); // (33.3… + 66.6… + 100) / 3 = 66.6…
  });

  it('caps at the grade above the worst when a rank or qualitative target is missed', () => {
    expect(suggestionFor(indicatorsOf([100, 200], [rank10, 11]))).toBe('やや遅れ');
    expect(suggestionFor(indicatorsOf([100, 200], [planA, { text: 'B', achieved: false }]))).toBe('やや遅れ');
    expect(suggestionFor(indicatorsOf([100, 10], [rank10, 11]))).toBe('遅れ'); // already below the cap
    expect(suggestionFor(indicatorsOf([100, 200], [rank10, 3]))).toBe('大変順調'); // a met rank does not cap
  });

  it('does not count a missed number target as missed (its rate speaks)', () => {
    expect(suggestionFor(indicatorsOf([100, 90]))).toBe('順調');
  });

  it.each<[string, string[], number[], number, string]>([
    ['three grades', ['A', 'B', 'C'], [100, 60], 100, 'A'],
    ['three grades, below both bands', ['A', 'B', 'C'], [100, 60], 59, 'C'],
    ['five grades', ['S', 'A', 'B', 'C', 'D'], [150, 110, 90, 60], 95, 'B'],
    ['five grades, top', ['S', 'A', 'B', 'C', 'D'], [150, 110, 90, 60], 150, 'S'],
    ['five grades, bottom', ['S', 'A', 'B', 'C', 'D'], [150, 110, 90, 60], 10, 'D'],
    ['decimal bands', ['A', 'B'], [99.5], 99.5, 'A'],
  ])('works for any profile: %s', (_name, grades, gradeBands, actual, grade) => {
    expect(suggestGrade(gradeEvidence(indicatorsOf([100, actual]), 2021), { grades, gradeBands })).toBe(grade);
  });

  it('missed with no rates gives the grade just above the worst of any scale', () => {
    const evidence = { rates: [], missed: true };
    expect(suggestGrade(evidence, { grades: ['S', 'A', 'B', 'C', 'D'], gradeBands: [150, 110, 90, 60] })).toBe('C');
    expect(suggestGrade(evidence, { grades: ['良', '否'], gradeBands: [80] })).toBe('良');
    expect(suggestGrade({ rates: [], missed: false }, defaultProfile)).toBeNull();
  });
});

describe('gradeEvidence and coveredIndicators', () => {
  const kept = buildIndicator({ key: 'kept', periods: [period(90.0, 87.2), period(90.0, 10, 2022)] });
  const other = buildIndicator({ key: 'other', periods: [period(rank10, 17)] });
  const project = buildProject({
    indicators: [kept, other],
    placements: [
      { policy: 'I-1-(1)-①', no: 14, indicators: ['kept'] },
      { policy: 'I-1-(1)-①', no: 15 },
      { policy: 'I-1-(1)-①', no: 16, indicators: [] },
    ],
  });

  it('takes only the periods of the evaluation’s year', () => {
    expect(gradeEvidence([kept], 2021)).toEqual({ rates: [{ dividend: 87.2, divisor: 90 }], missed: false });
    expect(gradeEvidence([kept], 2022)).toEqual({ rates: [{ dividend: 10, divisor: 90 }], missed: false });
    expect(gradeEvidence([kept, other], 2021).missed).toBe(true);
    expect(gradeEvidence([kept], 2030)).toEqual({ rates: [], missed: false });
  });

  it('covers a row’s own indicators, else all of the project’s', () => {
    expect(coveredIndicators(project)).toEqual([kept, other]);
    expect(coveredIndicators(project, project.placements[0])).toEqual([kept]);
    expect(coveredIndicators(project, project.placements[1])).toEqual([kept, other]);
    expect(coveredIndicators(project, project.placements[2])).toEqual([]);
    expect(coveredIndicators(project, { policy: 'x', no: 1, indicators: ['missing', 'kept'] })).toEqual([kept]);
  });
});
