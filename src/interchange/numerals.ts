// The strings where numbers belong (interchange.md): what a person may write in place of
// a number, and the number it stands for. Each reader takes the field's value as written
// (a number or a string) and gives the canonical number, or the problem's message.
import { readYear } from '../domain/era.js';
import { type Quantity, inUnit, readQuantity } from '../domain/quantity.js';
import type { Reading } from '../domain/reading.js';
import { numberProblem } from './bounds.js';
import { messages } from './messages.js';

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const STARTS_WITH_DIGIT = /^\s*約?\s*[-－−▲△]?\s*[0-9０-９]/u;
const STARTS_WITH_KANJI_NUMERAL = /^\s*約?\s*[〇一二三四五六七八九十百千万億]/u;

const ok = (value: number): Reading<number> => ({ ok: true, value });
const fail = (error: string): Reading<number> => ({ ok: false, error });

/**
 * A numeral read from text lands within the bounds every number of a document is held to
 * (bounds.ts): `1,000,000,000,000,000,000千円` is refused like the number 1e21. (A number
 * written as a number is checked with every other, by boundsProblems.)
 */
function bounded(read: Reading<number>): Reading<number> {
  if (!read.ok) return read;
  const problem = numberProblem(read.value);
  return problem === undefined ? read : fail(problem);
}

/**
 * fiscalYear, from, to: a Western year, or `R3年度`, `令和3年度`, `2021年度`. A calendar
 * year (`R3年`) only where the record says `calendar: true`.
 */
export function fiscalYearOf(value: string | number, calendar: boolean): Reading<number> {
  let year = value;
  if (typeof value === 'string') {
    const read = readYear(value);
    if (!read.ok) return read;
    if (read.value.calendar && !calendar) {
      const fiscal = value.replace(/\s+/gu, '').replace(/年(?!度)/u, '年度');
      return fail(
        `「${value}」は暦年です。年度は「${fiscal}」のように書いてください (暦年なら calendar: true) / 「${value}」 is a calendar year; write a fiscal year like 「${fiscal}」 (or set calendar: true)`,
      );
    }
    year = read.value.year;
  }
  if (!Number.isInteger(year) || (year as number) < MIN_YEAR || (year as number) > MAX_YEAR) return fail(messages.fiscalYearRange(value));
  return ok(year as number);
}

type Role = 'target' | 'actual' | 'value';

/** A numeral string as a plain quantity: no 約 and no 以上/以下/…, which a number cannot keep. */
function plainQuantity(text: string, role: Role): Reading<Quantity> {
  const read = readQuantity(text);
  if (!read.ok) {
    const trimmed = text.trim();
    if (STARTS_WITH_DIGIT.test(trimmed) || STARTS_WITH_KANJI_NUMERAL.test(trimmed)) return read;
    if (role === 'target') return { ok: false, error: messages.nonNumericTarget(trimmed) };
    if (role === 'actual') return { ok: false, error: messages.nonNumericActual(trimmed) };
    return read;
  }
  if (read.value.approx) return { ok: false, error: messages.extraWord(text.trim(), '約') };
  if (read.value.qualifier) return { ok: false, error: messages.extraWord(text.trim(), read.value.qualifier) };
  return read;
}

/** target, actual, base, value: a numeral in the indicator's unit (or none), 千/万/百万/億 applied exactly. */
export function measureOf(value: string | number, unit: string, role: Role): Reading<number> {
  if (typeof value === 'number') return ok(value);
  const read = plainQuantity(value, role);
  if (!read.ok) return read;
  const converted = inUnit(read.value, unit);
  if (!converted.ok) return fail(messages.wrongUnit(value.trim(), `${read.value.multiplier ?? ''}${read.value.unit}`, unit));
  return bounded(converted);
}

/**
 * amount (thousand yen): a whole number ≥ 0; as text, a numeral without a unit is thousand
 * yen and one in yen is converted (`3,144,000千円`, `31.44億円`). A bare multiplier
 * (`5万`) is refused: 5万 thousand yen and 5万円 differ a thousandfold.
 */
export function amountOf(value: string | number): Reading<number> {
  let amount = value;
  if (typeof value === 'string') {
    const read = plainQuantity(value, 'value');
    if (!read.ok) return read;
    const { unit, multiplier } = read.value;
    if (unit === '' && multiplier === undefined) amount = read.value.value;
    else {
      const converted = unit === '' ? undefined : inUnit(read.value, '千円');
      if (!converted?.ok) return fail(messages.amountUnit(value.trim()));
      amount = converted.value;
    }
  }
  if (!Number.isInteger(amount) || (amount as number) < 0) return fail(messages.amount(value));
  return typeof value === 'string' ? bounded(ok(amount as number)) : ok(amount as number);
}

/** atMost: a whole number ≥ 1; as text with or without 位 (`10`, `10位`, `10位以内`). */
export function rankOf(value: string | number): Reading<number> {
  let rank = value;
  if (typeof value === 'string') {
    const read = readQuantity(value);
    if (!read.ok) return read;
    if (read.value.approx) return fail(messages.extraWord(value.trim(), '約'));
    // 以内 is what atMost means; any other qualifier would change it.
    if (read.value.qualifier !== undefined && read.value.qualifier !== '以内') return fail(messages.extraWord(value.trim(), read.value.qualifier));
    const converted = inUnit(read.value, '位');
    if (!converted.ok) return fail(messages.rank(value));
    rank = converted.value;
  }
  if (!Number.isInteger(rank) || (rank as number) < 1) return fail(messages.rank(value));
  return typeof value === 'string' ? bounded(ok(rank as number)) : ok(rank as number);
}
