// The sheet's target, mid-term and baseline cells as text, read into the model's forms.
// For the importers of old sheets; a hyoka/1 document writes these as JSON already.
import { readYear, readYearSpan } from './era.js';
import type { Baseline, MidTerm, MidTermBasis, Target } from './model.js';
import { type Quantity, inUnit, readQuantity } from './quantity.js';
import { type Reading, failure, quote, success } from './reading.js';

// The sheet's "no value" marks: —, ―, －, - and the long vowel mark a PDF sometimes gives for them.
const DASH_ONLY = /^[—―\-－–‐−ー]+$/u;
const PREVIOUS_YEAR = /^前年度比(?:[(（]([^()（）]*)[)）])?(増加?|減少?)$/u;
const RANK = /位以内$/u;
// Words that make a figure relative (約20%削減, 10%増) or a sentence rather than a unit.
const NOT_A_UNIT = /削減|増|減|向上|低下|改善|倍|[のをにへでとがはもや、。()（）]/u;
const UNIT_MAX_LENGTH = 6;

function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Text as a note or label: trimmed, runs of spaces made one. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

function isAbsent(text: string): boolean {
  const c = compact(text);
  return c === '' || DASH_ONLY.test(c);
}

/**
 * A number read from text, in the indicator's unit when one is given. Without one, what
 * follows the numeral must look like a unit; with one, it must convert to it.
 */
function numberIn(quantity: Quantity, unit: string | undefined): number | undefined {
  if (unit !== undefined) {
    const converted = inUnit(quantity, unit);
    return converted.ok ? converted.value : undefined;
  }
  const written = quantity.unit;
  if (written.length > UNIT_MAX_LENGTH || NOT_A_UNIT.test(written)) return undefined;
  return quantity.value;
}

/**
 * A target cell, in the order of domain.md: — or empty → no target (`undefined`);
 * 設定なし → none; …時に設定 / …設定予定 → pending; N位以内 → rank; 前年度比 (N) 増|減 →
 * previous-year; a numeral with a unit → the number; anything else → qualitative.
 * A rank or previous-year target whose figure cannot be read is an error, not a guess.
 */
export function classifyTarget(text: string, unit?: string): Reading<Target | undefined> {
  if (isAbsent(text)) return success(undefined);
  const c = compact(text);
  if (c.endsWith('設定なし')) return success({ kind: 'none', note: tidy(text) });
  if (c.endsWith('時に設定') || c.endsWith('設定予定')) return success({ kind: 'pending', note: tidy(text) });
  if (RANK.test(c)) return readRank(text);
  const previous = PREVIOUS_YEAR.exec(c);
  if (previous) return readPreviousYear(text, previous[1], previous[2] as string, unit);
  const quantity = readQuantity(c);
  if (quantity.ok) {
    const value = numberIn(quantity.value, unit);
    if (value !== undefined) return success(value);
  }
  return success({ kind: 'qualitative', text: tidy(text) });
}

function readRank(text: string): Reading<Target> {
  const quantity = readQuantity(text);
  if (!quantity.ok) return quantity;
  const { value, unit } = quantity.value;
  if (unit !== '位' || quantity.value.multiplier || !Number.isInteger(value) || value < 1) {
    return failure(
      `${quote(text.trim())}の順位は1以上の整数で書いてください (例: 10位以内)`,
      `${quote(text.trim())}: write the rank as a whole number of 1 or more (e.g. 10位以内)`,
    );
  }
  return success({ kind: 'rank', atMost: value });
}

function readPreviousYear(text: string, bracket: string | undefined, word: string, unit: string | undefined): Reading<Target> {
  const direction = word.startsWith('増') ? 'increase' : 'decrease';
  if (bracket === undefined || bracket === '') return success({ kind: 'previous-year', direction });
  const quantity = readQuantity(bracket);
  if (!quantity.ok) {
    return failure(
      `${quote(text.trim())}の前年度の値${quote(bracket)}は数値ではありません`,
      `${quote(text.trim())}: the previous year's figure ${quote(bracket)} is not a number`,
    );
  }
  if (unit === undefined) return success({ kind: 'previous-year', base: quantity.value.value, direction });
  const base = inUnit(quantity.value, unit);
  if (!base.ok) return base;
  return success({ kind: 'previous-year', base: base.value, direction });
}

interface Due {
  basis: MidTermBasis;
  fiscalYear?: number;
  from?: number;
  to?: number;
  calendar: boolean;
}

/** The bracket at the end of a cell: (R6年度), (毎年度), (R2～R6年度), (R3～R5年). */
function splitDue(text: string): { head: string; due?: Due } {
  const match = /^(.*?)[(（]([^()（）]*)[)）]\s*$/su.exec(text);
  if (!match) return { head: text };
  const head = match[1] as string;
  const inner = compact(match[2] as string);
  if (inner === '毎年度' || inner === '毎年') return { head, due: { basis: 'every-year', calendar: inner === '毎年' } };
  const span = readYearSpan(inner);
  if (span.ok) return { head, due: { basis: 'span', ...span.value } };
  const year = readYear(inner);
  if (year.ok) return { head, due: { basis: 'by-year', fiscalYear: year.value.year, calendar: year.value.calendar } };
  return { head: text };
}

// A label's words before the figure (登録者数計3,100人, 新規移住相談者数200人) name what is counted.
const COUNTED_PREFIX = /^(.*?(?:計|数|延べ|延))(約?[0-9０-９].*)$/su;

/**
 * A mid-term cell: `累計60件 (R5年度)`, `62% (R6年度)`, `A (毎年度)`, `19件 (R2～R6年度)`,
 * `450人 (R3～R5年)`, `登録者数計3,100人 (R5年度)`, or a pending text with no due date.
 * — or empty → `undefined`. The label keeps the wording as printed.
 */
export function readMidTerm(text: string, unit?: string): Reading<MidTerm | undefined> {
  if (isAbsent(text)) return success(undefined);
  const label = text.trim();
  const { head, due } = splitDue(label);
  let figure = head.trim();
  const cumulative = compact(figure).startsWith('累計');
  if (cumulative) figure = figure.replace(/^\s*累\s*計/u, '');
  let target = classifyTarget(figure, unit);
  if (target.ok && typeof target.value === 'object' && target.value.kind === 'qualitative') {
    const counted = COUNTED_PREFIX.exec(compact(figure));
    const plain = counted ? classifyTarget(counted[2] as string, unit) : undefined;
    if (plain?.ok && typeof plain.value === 'number') target = plain;
  }
  if (!target.ok) return target;
  if (target.value === undefined) {
    return failure(`中期目標${quote(label)}に目標がありません`, `the mid-term ${quote(label)} has no target`);
  }
  const midTerm: MidTerm = { target: target.value };
  if (due) {
    if (cumulative && due.basis === 'by-year') midTerm.basis = 'cumulative';
    else midTerm.basis = due.basis;
    if (due.fiscalYear !== undefined) midTerm.fiscalYear = due.fiscalYear;
    if (due.from !== undefined) midTerm.from = due.from;
    if (due.to !== undefined) midTerm.to = due.to;
    if (due.calendar) midTerm.calendar = true;
  } else if (typeof target.value !== 'object' || target.value.kind !== 'pending') {
    return failure(
      `中期目標${quote(label)}に期限がありません (例: (R6年度)、(毎年度)、(R2～R6年度))`,
      `the mid-term ${quote(label)} has no due date (e.g. (R6年度), (毎年度), (R2～R6年度))`,
    );
  }
  midTerm.label = label;
  return success(midTerm);
}

/**
 * A baseline cell: `51.8% (H29年度)`, `約450万円 (H24年度)`, `24件 (H26～H30年度)`, `64人`,
 * or words (`現状把握のための調査継続`). The value is in the indicator's unit when one is
 * given. — or empty → `undefined`. A baseline need not be a number, so this never fails.
 */
export function readBaseline(text: string, unit?: string): Baseline | undefined {
  if (isAbsent(text)) return undefined;
  const label = text.trim();
  const { head, due } = splitDue(label);
  const baseline: Baseline = {};
  const quantity = readQuantity(head);
  const value = quantity.ok ? numberIn(quantity.value, unit) : undefined;
  if (quantity.ok && value !== undefined) {
    baseline.value = value;
    if (quantity.value.approx) baseline.approx = true;
  } else {
    baseline.text = tidy(head);
  }
  if (due?.fiscalYear !== undefined) baseline.fiscalYear = due.fiscalYear;
  if (due?.from !== undefined) baseline.from = due.from;
  if (due?.to !== undefined) baseline.to = due.to;
  if (due?.calendar) baseline.calendar = true;
  if (baseline.value !== undefined || due) baseline.label = label;
  return baseline;
}
