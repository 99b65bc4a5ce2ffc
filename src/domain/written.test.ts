import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Baseline, MidTerm, Target } from './model.js';
import { readQuantity } from './quantity.js';
import { classifyTarget, readMidTerm } from './target-text.js';
import {
  DASH,
  formatActual,
  formatAmount,
  formatBaseline,
  formatMidTerm,
  formatNumber,
  formatQuantity,
  formatRate,
  formatSdgs,
  formatTarget,
} from './written.js';

// Cases are the seed sheet's printed values (000_cb69dd9f334613b8.txt).
describe('formatNumber', () => {
  it.each<[number, number | undefined, string]>([
    [2665000, undefined, '2,665,000'],
    [3144000, undefined, '3,144,000'],
    [13200, undefined, '13,200'],
    [7386517, undefined, '7,386,517'],
    [59.9, 1, '59.9'],
    [54, 1, '54.0'],
    [100, 1, '100.0'],
    [0, 1, '0.0'],
    [110.85, 1, '110.9'], // half away from zero on the written decimal
    [1.005, 2, '1.01'], // where toFixed gives 1.00
    [-1.005, 2, '-1.01'],
    [-0.04, 1, '0.0'], // no negative zero
    [-2100, undefined, '-2,100'],
    [999.96, 1, '1,000.0'], // the carry reaches a new group
    [1e21, undefined, '1,000,000,000,000,000,000,000'],
    [1e-7, undefined, '0.0000001'],
    [12.5, 0, '13'],
  ])('%s with %s decimals → %s', (n, decimals, expected) => {
    expect(formatNumber(n, decimals)).toBe(expected);
  });
});

describe('formatRate', () => {
  it.each<[number | null | undefined, string]>([
    [110.9, '110.9%'],
    [49243.4, '49,243.4%'],
    [150, '150.0%'],
    [0, '0.0%'],
    [null, DASH],
    [undefined, DASH],
  ])('%s → %s', (rate, expected) => {
    expect(formatRate(rate, 1)).toBe(expected);
  });
  it('keeps the profile decimals', () => expect(formatRate(63.75, 0)).toBe('64%'));
});

describe('formatTarget and formatActual', () => {
  it.each<[Target | undefined, string, number | undefined, string]>([
    [54, '%', 1, '54.0%'],
    [2700, '人', undefined, '2,700人'],
    [1500000, '件', undefined, '1,500,000件'],
    [{ kind: 'previous-year', base: 64616, direction: 'increase' }, '件', undefined, '前年度比 (64,616件) 増'],
    [{ kind: 'previous-year', base: 112654 }, '万円', undefined, '前年度比 (112,654万円) 増'],
    [{ kind: 'previous-year' }, '件', undefined, '前年度比 増'],
    [{ kind: 'previous-year', direction: 'decrease' }, '件', undefined, '前年度比 減'],
    [{ kind: 'rank', atMost: 10 }, '位', undefined, '10位以内'],
    [{ kind: 'qualitative', text: 'A (計画どおり)' }, '', undefined, 'A (計画どおり)'],
    [{ kind: 'none', note: '単年度目標設定なし' }, '%', undefined, '単年度目標設定なし'],
    [{ kind: 'none' }, '%', undefined, '単年度目標設定なし'],
    [{ kind: 'pending', note: '現観光振興プラン更新時に設定' }, '人', undefined, '現観光振興プラン更新時に設定'],
    [{ kind: 'pending' }, '人', undefined, '設定予定'],
    [undefined, '人', undefined, DASH],
  ])('%j in %s → %s', (target, unit, decimals, expected) => {
    expect(formatTarget(target, unit, decimals)).toBe(expected);
  });

  it('writes actuals as numbers with units or as their text', () => {
    expect(formatActual(59.9, '%', 1)).toBe('59.9%');
    expect(formatActual(96953, '件')).toBe('96,953件');
    expect(formatActual({ text: 'A (計画どおり)', achieved: true }, '')).toBe('A (計画どおり)');
    expect(formatActual(undefined, '件')).toBe(DASH);
  });
});

describe('formatMidTerm', () => {
  it.each<[MidTerm | undefined, string, string]>([
    [{ target: 62, basis: 'by-year', fiscalYear: 2024, label: '62% (R6年度)' }, '%', '62% (R6年度)'],
    [{ target: 62, basis: 'by-year', fiscalYear: 2024 }, '%', '62% (R6年度)'],
    [{ target: 5, basis: 'every-year' }, '本', '5本 (毎年度)'],
    [{ target: 450, basis: 'every-year', calendar: true }, '人', '450人 (毎年)'],
    [{ target: 60, basis: 'cumulative', fiscalYear: 2023 }, '件', '累計60件 (R5年度)'],
    [{ target: 60, basis: 'cumulative' }, '件', '累計60件'],
    [{ target: 19, basis: 'span', from: 2020, to: 2024 }, '件', '19件 (R2～R6年度)'],
    [{ target: 450, basis: 'span', from: 2021, to: 2023, calendar: true }, '人', '450人 (R3～R5年)'],
    [{ target: 10, basis: 'span', from: 2017, to: 2020 }, '件', '10件 (H29～R2年度)'],
    [{ target: { kind: 'qualitative', text: 'A' }, basis: 'every-year' }, '', 'A (毎年度)'],
    [{ target: { kind: 'rank', atMost: 10 }, basis: 'every-year' }, '位', '10位以内 (毎年度)'],
    [{ target: 80, fiscalYear: 2024 }, '%', '80% (R6年度)'],
    [{ target: { kind: 'pending', note: '計画改定時に設定' } }, '', '計画改定時に設定'],
    [undefined, '%', DASH],
  ])('%j → %s', (midTerm, unit, expected) => {
    expect(formatMidTerm(midTerm, unit)).toBe(expected);
  });

  it('composes forms that readMidTerm reads back to the same mid-term', () => {
    const cases: [MidTerm, string][] = [
      [{ target: 62, basis: 'by-year', fiscalYear: 2024 }, '%'],
      [{ target: 5, basis: 'every-year' }, '本'],
      [{ target: 450, basis: 'every-year', calendar: true }, '人'],
      [{ target: 60, basis: 'cumulative', fiscalYear: 2023 }, '件'],
      [{ target: 19, basis: 'span', from: 2020, to: 2024 }, '件'],
      [{ target: 450, basis: 'span', from: 2021, to: 2023, calendar: true }, '人'],
    ];
    for (const [midTerm, unit] of cases) {
      const text = formatMidTerm(midTerm, unit);
      const read = readMidTerm(text, unit);
      expect(read.ok && read.value).toEqual({ ...midTerm, label: text });
    }
  });
});

describe('formatBaseline', () => {
  it.each<[Baseline | undefined, string, number | undefined, string]>([
    [{ value: 51.8, fiscalYear: 2017, label: '51.8% (H29年度)' }, '%', 1, '51.8% (H29年度)'],
    [{ value: 51.8, fiscalYear: 2017 }, '%', 1, '51.8% (H29年度)'],
    [{ value: 450, approx: true, fiscalYear: 2012 }, '万円', undefined, '約450万円 (H24年度)'],
    [{ value: 24, from: 2014, to: 2018 }, '件', undefined, '24件 (H26～H30年度)'],
    [{ value: 64 }, '人', undefined, '64人'],
    [{ value: 3, fiscalYear: 2019, calendar: true }, '件', undefined, '3件 (R1年)'],
    [{ text: '現状把握のための調査継続' }, '', undefined, '現状把握のための調査継続'],
    [{ text: '調査中', from: 2014, to: 2018, calendar: true }, '', undefined, '調査中 (H26～H30年)'],
    [{}, '', undefined, DASH],
    [undefined, '%', undefined, DASH],
  ])('%j → %s', (baseline, unit, decimals, expected) => {
    expect(formatBaseline(baseline, unit, decimals)).toBe(expected);
  });
});

describe('formatAmount and formatSdgs', () => {
  it('writes thousand yen grouped, absent as —', () => {
    expect(formatAmount(2665000)).toBe('2,665,000');
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(undefined)).toBe(DASH);
  });
  it('writes goals as circled numbers', () => {
    expect(formatSdgs([4, 7, 17])).toBe('④ ⑦ ⑰');
    expect(formatSdgs([])).toBe('');
  });
});

// ---------------------------------------------------------------- round trips through the readers

const UNITS = ['', '%', '人', '件', '本', '事業', '回', '施設', '万円', '千円', '円', '万人', '位', '㎡'];
const unit = fc.constantFrom(...UNITS);
const value = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const positive = fc.double({ min: 0, max: 1e12, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n));

describe('written values read back', () => {
  it('formatQuantity → readQuantity gives the same value', () => {
    fc.assert(
      fc.property(value, unit, (n, u) => {
        const read = readQuantity(formatQuantity(n, u));
        expect(read.ok && read.value.value).toBe(n);
      }),
    );
  });

  it('formatQuantity with decimals → readQuantity gives the value the text shows', () => {
    fc.assert(
      fc.property(value, unit, fc.integer({ min: 0, max: 4 }), (n, u, decimals) => {
        const text = formatQuantity(n, u, decimals);
        const read = readQuantity(text);
        expect(read.ok && read.value.value).toBe(Number(formatNumber(n, decimals).replaceAll(',', '')));
        const digits = text.slice(0, text.length - u.length);
        expect(digits).toMatch(decimals === 0 ? /^-?\d{1,3}(,\d{3})*$/ : new RegExp(`^-?\\d{1,3}(,\\d{3})*\\.\\d{${decimals}}$`));
      }),
    );
  });

  const numberTarget: fc.Arbitrary<Target> = value;
  const rankTarget: fc.Arbitrary<Target> = fc.integer({ min: 1, max: 100_000 }).map((atMost) => ({ kind: 'rank', atMost }));
  const previousTarget: fc.Arbitrary<Target> = fc.record(
    { kind: fc.constant('previous-year' as const), base: positive, direction: fc.constantFrom('increase' as const, 'decrease' as const) },
    { requiredKeys: ['kind'] },
  );

  it('formatTarget → classifyTarget gives the same target (number, rank, previous-year)', () => {
    fc.assert(
      fc.property(fc.oneof(numberTarget, rankTarget, previousTarget), unit, (target, u) => {
        // A rank is counted in 位; a number in 位 would read as a number too.
        const read = classifyTarget(formatTarget(target, u), u);
        const expected = typeof target === 'object' && target.kind === 'previous-year' ? { direction: 'increase', ...target } : target;
        expect(read.ok && read.value).toEqual(expected);
      }),
    );
  });
});
