import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFiscalYear, readFiscalYear, readYear, readYearSpan } from './era.js';

const FULL_WIDTH = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('readYear', () => {
  it.each([
    ['R3年度', 2021, false],
    ['令和3年度', 2021, false],
    ['令和元年度', 2019, false],
    ['R元年度', 2019, false],
    ['H29年度', 2017, false],
    ['平成31年度', 2019, false],
    ['平成32年度', 2020, false], // written before the era changed
    ['S63年度', 1988, false],
    ['昭和64年', 1989, true],
    ['T15年', 1926, true],
    ['R1年', 2019, true],
    ['2021年度', 2021, false],
    ['2021', 2021, false],
    ['R3', 2021, false],
    ['H24年 度', 2012, false], // the seed's PDF splits
    ['R2 年', 2020, true],
    ['H27年', 2015, true],
    ['Ｒ３年度', 2021, false],
    ['令和３年度', 2021, false],
    ['㋿3年度', 2021, false],
    [' r3年度 ', 2021, false],
    ['令和元年度 (2019)', 2019, false],
    ['M45年', 1912, true],
  ])('%s → %i (calendar %s)', (text, year, calendar) => {
    expect(readYear(text)).toEqual({ ok: true, value: { year, calendar } });
  });

  it.each([
    ['', '年度が空です / the fiscal year is empty'],
    ['十年度', '「十年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「十年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)'],
    ['R0年度', '「R0年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「R0年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)'],
    ['3年度', '「3年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「3年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)'],
    ['0000年度', '「0000年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「0000年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)'],
    ['21年度', '「21年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「21年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)'],
    ['X3年度', '「X3年度」は年度として読めません (例: R3年度、令和3年度、2021年度) / 「X3年度」 is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)'],
    [
      '令和元年度 (2020)',
      '「令和元年度 (2020)」の和暦と西暦が合いません (令和元年度は2019年度) / 「令和元年度 (2020)」: the era year and the Western year disagree (令和元年度 is 2019)',
    ],
  ])('refuses %j', (text, error) => {
    expect(readYear(text)).toEqual({ ok: false, error });
  });
});

describe('readFiscalYear', () => {
  it('reads a fiscal year to its Western start year', () => {
    expect(readFiscalYear('令和3年度')).toEqual({ ok: true, value: 2021 });
  });
  it('refuses a calendar year, saying how to write the fiscal one', () => {
    expect(readFiscalYear('R3年')).toEqual({
      ok: false,
      error: '「R3年」は暦年です。年度は「R3年度」のように書いてください / 「R3年」 is a calendar year; write a fiscal year like 「R3年度」',
    });
    expect(readFiscalYear('令和元年 (2019)')).toEqual({
      ok: false,
      error: '「令和元年 (2019)」は暦年です。年度は「令和元年度(2019)」のように書いてください / 「令和元年 (2019)」 is a calendar year; write a fiscal year like 「令和元年度(2019)」',
    });
  });
});

describe('readYearSpan', () => {
  it.each([
    ['R3～R5年', 2021, 2023, true],
    ['R3～5年度', 2021, 2023, false],
    ['H26～H30年度', 2014, 2018, false],
    ['H26～ H30年 度', 2014, 2018, false],
    ['R2～R6年度', 2020, 2024, false],
    ['R2〜R6年度', 2020, 2024, false],
    ['R2~R6年度', 2020, 2024, false],
    ['R2-R6年度', 2020, 2024, false],
    ['R2－R6年度', 2020, 2024, false],
    ['R3年度～R5年度', 2021, 2023, false],
    ['H30～R2年度', 2018, 2020, false],
    ['2019～2021年度', 2019, 2021, false],
    ['R3～2023年度', 2021, 2023, false],
    ['R3 ～ R5 年', 2021, 2023, true],
  ])('%s → %i…%i (calendar %s)', (text, from, to, calendar) => {
    expect(readYearSpan(text)).toEqual({ ok: true, value: { from, to, calendar } });
  });

  it.each([
    ['R5～R3年度', '「R5～R3年度」は終わりが始まりより前です / 「R5～R3年度」 ends before it starts'],
    ['R3年度～R5年', '「R3年度～R5年」は期間として読めません (例: R2～R6年度、R3～5年度) / 「R3年度～R5年」 is not a span of years (e.g. R2～R6年度, R3～5年度)'],
    ['R3～', '「R3～」は期間として読めません (例: R2～R6年度、R3～5年度) / 「R3～」 is not a span of years (e.g. R2～R6年度, R3～5年度)'],
    ['2019～21年度', '「2019～21年度」は期間として読めません (例: R2～R6年度、R3～5年度) / 「2019～21年度」 is not a span of years (e.g. R2～R6年度, R3～5年度)'],
    ['', '期間が空です / the span of years is empty'],
  ])('refuses %j', (text, error) => {
    expect(readYearSpan(text)).toEqual({ ok: false, error });
  });
});

describe('formatFiscalYear', () => {
  it.each([
    [2019, {}, '令和元年度'],
    [2019, { western: true }, '令和元年度 (2019)'],
    [2021, {}, '令和3年度'],
    [2021, { letter: true }, 'R3年度'],
    [2019, { letter: true, calendar: true }, 'R1年'],
    [2018, {}, '平成30年度'],
    [1989, {}, '平成元年度'],
    [1988, {}, '昭和63年度'],
    [1926, {}, '昭和元年度'],
    [1912, {}, '大正元年度'],
    [1868, {}, '明治元年度'],
    [1867, { western: true }, '1867年度'],
  ])('%i %j → %s', (year, options, text) => {
    expect(formatFiscalYear(year, options)).toBe(text);
  });

  it('names each year by the era of its 31 December, as Intl does', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let year = 1868; year <= 2200; year++) {
      expect(formatFiscalYear(year, { calendar: true }), String(year)).toBe(intl.format(new Date(Date.UTC(year, 11, 31))));
    }
  });
});

describe('properties', () => {
  // Years as people write them (most read), beside noise (most refused), so both outcomes are drawn often.
  const era = fc.constantFrom('', 'R', 'H', 'S', 'T', 'M', 'r', '令和', '平成', '昭和', '大正', '明治');
  const digits = fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.constant('元'), fc.integer({ min: 1000, max: 9999 }).map(String));
  const suffix = fc.constantFrom('', '年度', '年', '年 度');
  const written = fc.tuple(era, digits, suffix).map((parts) => parts.join(''));
  const span = fc.tuple(written, fc.constantFrom('～', '〜', '~', '-'), era, digits, suffix).map((parts) => parts.join(''));
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.stringMatching(/^[RHSTM令和平成元 ０-９0-9～〜~\-年度()]{0,14}$/),
    written,
    span,
  );

  /** A Western year as the readers give one: a whole number of four digits, from 明治 1 (1868) on where an era names it. */
  const isYear = (year: number) => Number.isSafeInteger(year) && year >= 1000 && year <= 9999;

  it('never throw, and give a Western year (a span in order) or a bilingual message', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const expectMessage = (read: { ok: false; error: string }) => expect(read.error).toMatch(/\S \/ \S/);
        const year = readYear(text);
        if (year.ok) {
          expect(isYear(year.value.year), `${text} → ${year.value.year}`).toBe(true);
          // Read back from what it is written as: the same year, of the same kind (up to 3000:
          // later years are era years of four digits, 令和1000年度, which no reader takes).
          if (year.value.year <= 3000) expect(readYear(formatFiscalYear(year.value.year, { calendar: year.value.calendar }))).toEqual(year);
        } else expectMessage(year);
        const fiscal = readFiscalYear(text);
        if (fiscal.ok) expect(year).toEqual({ ok: true, value: { year: fiscal.value, calendar: false } });
        else expectMessage(fiscal);
        const span = readYearSpan(text);
        if (span.ok) {
          expect(isYear(span.value.from) && isYear(span.value.to), `${text} → ${span.value.from}–${span.value.to}`).toBe(true);
          expect(span.value.from).toBeLessThanOrEqual(span.value.to);
        } else expectMessage(span);
      }),
      { numRuns: 500 },
    );
  });

  it('read back what formatFiscalYear writes, in every form, with full-width digits and stray spaces', () => {
    const options = fc.record({ western: fc.boolean(), calendar: fc.boolean(), letter: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 3000 }), options, fc.boolean(), fc.nat(12), (year, option, wide, space) => {
        let text = formatFiscalYear(year, option);
        if (wide) text = FULL_WIDTH(text);
        text = `${text.slice(0, space)} ${text.slice(space)}`;
        expect(readYear(text)).toEqual({ ok: true, value: { year, calendar: option.calendar } });
      }),
      { numRuns: 400 },
    );
  });

  it('read back spans written with either era form and any separator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1868, max: 2300 }),
        fc.nat(40),
        fc.constantFrom('～', '〜', '~', '-', '－'),
        fc.boolean(),
        (from, length, separator, calendar) => {
          const to = from + length;
          const text = `${formatFiscalYear(from, { letter: true, calendar })}${separator}${formatFiscalYear(to, { calendar })}`;
          expect(readYearSpan(text)).toEqual({ ok: true, value: { from, to, calendar } });
        },
      ),
      { numRuns: 300 },
    );
  });
});
