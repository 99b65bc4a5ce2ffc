import { describe, expect, it } from 'vitest';
import { midTermProgressAt } from './mid-term-progress.js';
import type { Indicator, MidTerm, Period } from './model.js';
import { buildIndicator, period } from './test-factory.js';

function progressOf(midTerm: MidTerm | undefined, periods: Period[], better?: Indicator['better']): (number | null)[] {
  const indicator = buildIndicator({ periods, ...(midTerm ? { midTerm } : {}), ...(better ? { better } : {}) });
  return periods.map((_, i) => midTermProgressAt(indicator, i, 1));
}

describe('midTermProgressAt', () => {
  it('by-year: this period’s actual against the mid-term number (No. 5: 59.9 of 62%)', () => {
    const midTerm: MidTerm = { target: 62, basis: 'by-year', fiscalYear: 2024 };
    expect(progressOf(midTerm, [period(54.0, 59.9, 2021), period(61.0, undefined, 2022)])).toEqual([96.6, null]);
  });

  it('every-year with lower polarity: the mid-term over the actual', () => {
    const midTerm: MidTerm = { target: 50, basis: 'every-year' };
    expect(progressOf(midTerm, [period(50, 40, 2021), period(50, 0, 2022)], 'lower')).toEqual([125, null]);
  });

  it('cumulative from the first period (No. 11: 累計60件, 10 in R3)', () => {
    const midTerm: MidTerm = { target: 60, basis: 'cumulative', fiscalYear: 2023 };
    const periods = [period(10, 10, 2021), period(20, 20, 2022), period(30, undefined, 2023)];
    expect(progressOf(midTerm, periods)).toEqual([16.7, 50, null]);
  });

  it('cumulative sums the decimals exactly', () => {
    const midTerm: MidTerm = { target: 0.3, basis: 'cumulative', fiscalYear: 2022 };
    expect(progressOf(midTerm, [period(0.1, 0.1, 2021), period(0.2, 0.2, 2022)])).toEqual([33.3, 100]);
  });

  it('cumulative from `from`: null before it, and null once a counted year lacks an actual', () => {
    const midTerm: MidTerm = { target: 100, basis: 'cumulative', fiscalYear: 2023, from: 2021 };
    const periods = [period(5, 5, 2020), period(10, 10, 2021), period(10, undefined, 2022), period(10, 30, 2023)];
    expect(progressOf(midTerm, periods)).toEqual([null, 10, null, null]);
  });

  it('span from…to (No. 10: 450人 over R3～R5年): null after `to`', () => {
    const midTerm: MidTerm = { target: 450, basis: 'span', from: 2021, to: 2023, calendar: true };
    const periods = [period(100, 362, 2021), period(100, 100, 2022), period(100, 50, 2023), period(100, 10, 2024)];
    expect(progressOf(midTerm, periods)).toEqual([80.4, 102.7, 113.8, null]);
  });

  it('span starting before the first period counts a year without an actual (No. 23: 19件, R2～R6)', () => {
    const midTerm: MidTerm = { target: 19, basis: 'span', from: 2020, to: 2024 };
    expect(progressOf(midTerm, [period(4, 7, 2021), period(7, undefined, 2022)])).toEqual([null, null]);
  });

  it('counts years, not list positions', () => {
    const midTerm: MidTerm = { target: 60, basis: 'cumulative', fiscalYear: 2023, from: 2021 };
    expect(progressOf(midTerm, [period(20, 20, 2022), period(10, 10, 2021)])).toEqual([50, 16.7]);
  });

  it.each<[string, MidTerm | undefined]>([
    ['no mid-term', undefined],
    ['a qualitative mid-term (A 毎年度)', { target: { kind: 'qualitative', text: 'A' }, basis: 'every-year' }],
    ['a pending mid-term', { target: { kind: 'pending', note: '令和5年度中に設定予定' } }],
    ['a number without basis', { target: 62 }],
    ['a span without from', { target: 10, basis: 'span', to: 2023 }],
    ['a mid-term of 0', { target: 0, basis: 'cumulative', fiscalYear: 2023 }],
  ])('is null with %s', (_name, midTerm) => {
    expect(progressOf(midTerm, [period(10, 10, 2021)])).toEqual([null]);
  });

  it('is null for a text actual and for an index past the periods', () => {
    const indicator = buildIndicator({
      midTerm: { target: 10, basis: 'by-year', fiscalYear: 2023 },
      periods: [period({ kind: 'qualitative', text: 'A' }, { text: 'A', achieved: true })],
    });
    expect(midTermProgressAt(indicator, 0, 1)).toBeNull();
    expect(midTermProgressAt(indicator, 1, 1)).toBeNull();
  });
});
