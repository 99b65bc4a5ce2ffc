// Values as the sheet writes them: `2,032人`, `約450万円`, `80,400百万円`, `177.4万人`,
// `59.9 %`, `80%以上`, `1,500,0 00件` (digits split by the PDF). Only the numeral is
// NFKC-normalised; the unit is compared width-folded, never NFKC'd (NFKC turns ① into 1).
import { type Reading, failure, quote, success } from './reading.js';

export type Qualifier = '以上' | '以下' | '以内' | '未満' | '超';
export type Multiplier = '千' | '万' | '百万' | '億';

export interface Quantity {
  /** The numeral as written, before any multiplier: `約450万円` → 450. */
  value: number;
  /** What follows the multiplier: `約450万円` → `円`; `''` when there is none. */
  unit: string;
  /** 約 */
  approx: boolean;
  qualifier?: Qualifier;
  multiplier?: Multiplier;
}

const EXPONENT: Readonly<Record<Multiplier, number>> = { 千: 3, 万: 4, 百万: 6, 億: 8 };
// 百万 before any single character, so that `80,400百万円` is not read as 80,400 百 万円.
const MULTIPLIERS: readonly Multiplier[] = ['百万', '千', '万', '億'];
const QUALIFIERS: readonly Qualifier[] = ['以上', '以下', '以内', '未満', '超'];
const NUMERAL_CHAR = /[0-9０-９,，.．]/u;
const MINUS = new Set(['-', '－', '−', '▲', '△']);
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;

/** Full-width ASCII (Ｒ, ％, ０) to ASCII: enough to compare units without NFKC's other foldings. */
function widthFold(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function notANumber(text: string): Reading<never> {
  return failure(`${quote(text)}は数値ではありません`, `${quote(text)} is not a number`);
}

export function readQuantity(text: string): Reading<Quantity> {
  const compact = text.replace(/\s+/gu, '');
  let at = 0;
  const approx = compact.startsWith('約');
  if (approx) at += 1;
  const negative = MINUS.has(compact[at] ?? '');
  if (negative) at += 1;
  const start = at;
  while (at < compact.length && NUMERAL_CHAR.test(compact[at] as string)) at += 1;
  if (at === start) return notANumber(text.trim());
  const numeral = compact.slice(start, at).normalize('NFKC');
  if (!PLAIN.test(numeral) && !GROUPED.test(numeral)) {
    if (/^\d[\d,]*(?:\.\d+)?$/.test(numeral)) {
      return failure(
        `${quote(text.trim())}の桁区切りのカンマの位置が正しくありません (例: 1,500,000)`,
        `${quote(text.trim())} has misplaced thousands separators (e.g. 1,500,000)`,
      );
    }
    return notANumber(text.trim());
  }
  const decimal = canonicalDecimal(numeral.replace(/,/g, ''), negative);
  const value = Number(decimal);
  if (plainDecimal(value) !== decimal) {
    return failure(
      `${quote(text.trim())}は桁数が多すぎて正確に扱えません`,
      `${quote(text.trim())} has too many digits to be kept exactly`,
    );
  }
  let rest = compact.slice(at);
  const multiplier = MULTIPLIERS.find((m) => rest.startsWith(m));
  if (multiplier) rest = rest.slice(multiplier.length);
  const qualifier = QUALIFIERS.find((q) => rest.endsWith(q));
  if (qualifier) rest = rest.slice(0, rest.length - qualifier.length);
  const quantity: Quantity = { value, unit: rest, approx };
  if (qualifier) quantity.qualifier = qualifier;
  if (multiplier) quantity.multiplier = multiplier;
  return success(quantity);
}

/**
 * The quantity expressed in `unit` (`万円`, `円`, `%`, `''`), scaling by the multipliers on
 * either side exactly (177.4万人 in 人 is 1774000, not 1773999.9999999998). A quantity
 * written without a unit is taken to be in the requested one (`450万` in 円 is 4500000,
 * `-1` in 万円 is -1).
 */
export function inUnit(quantity: Quantity, unit: string): Reading<number> {
  const multiplier = quantity.multiplier ? EXPONENT[quantity.multiplier] : 0;
  if (quantity.unit === '') return success(scale(quantity.value, multiplier));
  const have = splitUnit(quantity.unit);
  const want = splitUnit(unit);
  if (have.base !== want.base) {
    return failure(
      `単位${quote(quantity.unit || '(なし)')}は${quote(unit || '(なし)')}に換算できません`,
      `the unit ${quote(quantity.unit || '(none)')} cannot be expressed in ${quote(unit || '(none)')}`,
    );
  }
  return success(scale(quantity.value, multiplier + have.exponent - want.exponent));
}

/** `万円` → 10^4 × `円`; the base is width-folded so that `％` and `%` agree. */
function splitUnit(unit: string): { exponent: number; base: string } {
  const folded = widthFold(unit.replace(/\s+/gu, ''));
  const multiplier = MULTIPLIERS.find((m) => folded.startsWith(m) && folded.length > m.length);
  if (!multiplier) return { exponent: 0, base: folded };
  return { exponent: EXPONENT[multiplier], base: folded.slice(multiplier.length) };
}

/** value × 10^exponent, by moving the decimal point in the text rather than multiplying in floating point. */
export function scale(value: number, exponent: number): number {
  if (exponent === 0) return value;
  const digits = plainDecimal(Math.abs(value));
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point);
  const fraction = point < 0 ? '' : digits.slice(point + 1);
  return Number(canonicalDecimal(movePoint(whole + fraction, whole.length + exponent), value < 0));
}

/** The decimal JavaScript writes for `n`, without exponent notation (1e-7 → 0.0000001). */
export function plainDecimal(n: number): string {
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const point = mantissa.indexOf('.');
  const pointAt = point < 0 ? mantissa.length : point;
  return canonicalDecimal(movePoint(mantissa.replace('.', ''), pointAt + Number(text.slice(e + 1))), negative);
}

/** Digits with the decimal point placed before the digit at `pointAt` (which may fall outside them). */
function movePoint(digits: string, pointAt: number): string {
  if (pointAt <= 0) return `0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** Leading zeros and trailing fractional zeros dropped; `-0` is `0`. */
function canonicalDecimal(digits: string, negative: boolean): string {
  let [whole = '', fraction = ''] = digits.split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}
