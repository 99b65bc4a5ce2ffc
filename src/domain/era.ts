// Fiscal years (年度) and calendar years (年) as people write them: R3年度, 令和元年度,
// H26～H30年度, R3～5年度, 2021年度, with the stray spaces and full-width digits of a PDF's
// text layer. A fiscal year is stored as the Western year it starts in (R3年度 = 2021).
import { type Reading, failure, quote, success } from './reading.js';

interface Era {
  name: string;
  letter: string;
  /** Western year = offset + era year; offset + 1 is the era's first year, counted from its 31 December. */
  offset: number;
}

// Newest first, so the first era whose first year is not after Y names Y. Each era is
// counted from the year whose 31 December falls in it, as the sheet labels a fiscal year
// (FY2019 → 令和元年度, though 令和 began on 1 May 2019).
const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', offset: 2018 },
  { name: '平成', letter: 'H', offset: 1988 },
  { name: '昭和', letter: 'S', offset: 1925 },
  { name: '大正', letter: 'T', offset: 1911 },
  { name: '明治', letter: 'M', offset: 1867 },
];

const ERA_BY_TOKEN = new Map<string, Era>();
for (const era of ERAS) {
  ERA_BY_TOKEN.set(era.name, era);
  ERA_BY_TOKEN.set(era.letter, era);
  ERA_BY_TOKEN.set(era.letter.toLowerCase(), era);
}

const ERA = '(令和|平成|昭和|大正|明治|[RHSTMrhstm])';
const SUFFIX = '(年度|年)';
// After NFKC, ～ is ~; 〜 (U+301C) and the dashes stay themselves.
const SEPARATOR = '[~〜\\-‐‑–—―−]';
// formatFiscalYear's `令和元年度 (2019)` reads back: the bracketed Western year must agree.
const SINGLE = new RegExp(`^(?:${ERA}(\\d{1,3}|元)|([1-9]\\d{3}))${SUFFIX}?(?:\\((\\d{4})\\))?$`);
const SPAN = new RegExp(`^(?:${ERA}(\\d{1,3}|元)|([1-9]\\d{3}))${SUFFIX}?${SEPARATOR}${ERA}?(\\d{1,4}|元)${SUFFIX}?$`);

export interface YearReading {
  year: number;
  /** 年 rather than 年度: the sheet counts calendar years here (R1年, H27年). */
  calendar: boolean;
}

export interface YearSpanReading {
  from: number;
  to: number;
  calendar: boolean;
}

/** Year text is not a name, so NFKC is safe here: it folds digits and also ㋿ → 令和. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function eraYear(era: Era, digits: string): number | undefined {
  const n = digits === '元' ? 1 : Number(digits);
  return n >= 1 ? era.offset + n : undefined;
}

function notAYear(text: string): Reading<never> {
  return failure(
    `${quote(text)}は年度として読めません (例: R3年度、令和3年度、2021年度)`,
    `${quote(text)} is not a fiscal year (e.g. R3年度, 令和3年度, 2021年度)`,
  );
}

/** One year: `R3年度`, `令和元年度`, `H24年 度`, `R1年` (calendar), `2021年度`, `2021`. */
export function readYear(text: string): Reading<YearReading> {
  const compact = normalise(text);
  if (compact === '') return failure('年度が空です', 'the fiscal year is empty');
  const match = SINGLE.exec(compact);
  if (!match) return notAYear(text);
  const [, eraToken, eraDigits, western, suffix, check] = match;
  const year = eraToken !== undefined ? eraYear(ERA_BY_TOKEN.get(eraToken) as Era, eraDigits as string) : Number(western);
  if (year === undefined) return notAYear(text);
  if (check !== undefined && Number(check) !== year) {
    return failure(
      `${quote(text)}の和暦と西暦が合いません (${formatFiscalYear(year)}は${year}年度)`,
      `${quote(text)}: the era year and the Western year disagree (${formatFiscalYear(year)} is ${year})`,
    );
  }
  return success({ year, calendar: suffix === '年' });
}

/** A fiscal year for a field that holds one: like readYear, but a calendar year (年) is refused. */
export function readFiscalYear(text: string): Reading<number> {
  const read = readYear(text);
  if (!read.ok) return read;
  if (read.value.calendar) {
    const fiscal = normalise(text).replace(/年(?!度)/u, '年度');
    return failure(
      `${quote(text)}は暦年です。年度は${quote(fiscal)}のように書いてください`,
      `${quote(text)} is a calendar year; write a fiscal year like ${quote(fiscal)}`,
    );
  }
  return success(read.value.year);
}

/** A span, inclusive: `R3～R5年`, `R3～5年度` (the era carried over), `H26～H30年度`, `R2-R6年度`. */
export function readYearSpan(text: string): Reading<YearSpanReading> {
  const compact = normalise(text);
  if (compact === '') return failure('期間が空です', 'the span of years is empty');
  const match = SPAN.exec(compact);
  if (!match) return notASpan(text);
  const [, era1, digits1, western1, suffix1, era2, digits2, suffix2] = match as unknown as (string | undefined)[];
  const firstEra = era1 !== undefined ? (ERA_BY_TOKEN.get(era1) as Era) : undefined;
  const from = firstEra ? eraYear(firstEra, digits1 as string) : Number(western1);
  const secondEra = era2 !== undefined ? ERA_BY_TOKEN.get(era2) : firstEra;
  // Four digits with no era of their own are a Western year (R3～2023年度); fewer carry the first era.
  const western2 = era2 === undefined && (digits2 as string).length === 4;
  let to: number | undefined;
  if (western2) to = (digits2 as string).startsWith('0') ? undefined : Number(digits2);
  else if (secondEra && (digits2 as string).length <= 3) to = eraYear(secondEra, digits2 as string);
  if (from === undefined || to === undefined) return notASpan(text);
  if (suffix1 !== undefined && suffix2 !== undefined && suffix1 !== suffix2) return notASpan(text);
  if (to < from) {
    return failure(`${quote(text)}は終わりが始まりより前です`, `${quote(text)} ends before it starts`);
  }
  return success({ from, to, calendar: (suffix2 ?? suffix1) === '年' });
}

function notASpan(text: string): Reading<never> {
  return failure(
    `${quote(text)}は期間として読めません (例: R2～R6年度、R3～5年度)`,
    `${quote(text)} is not a span of years (e.g. R2～R6年度, R3～5年度)`,
  );
}

export interface FormatYearOptions {
  /** Add the Western year: `令和元年度 (2019)`. */
  western?: boolean;
  /** A calendar year: 年 instead of 年度. */
  calendar?: boolean;
  /** The sheet's short form: `R3年度`, `R1年` (digits, never 元). */
  letter?: boolean;
}

/** 2019 → `令和元年度`: labelled by the era on 31 December of the year; before 明治, the Western year. */
export function formatFiscalYear(year: number, options: FormatYearOptions = {}): string {
  const suffix = options.calendar ? '年' : '年度';
  const era = Number.isInteger(year) ? ERAS.find((e) => year > e.offset) : undefined;
  if (!era) return `${year}${suffix}`;
  const n = year - era.offset;
  const label = options.letter ? `${era.letter}${n}${suffix}` : `${era.name}${n === 1 ? '元' : n}${suffix}`;
  return options.western ? `${label} (${year})` : label;
}
