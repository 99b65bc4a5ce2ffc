// Values written as the sheet prints them: the inverse of quantity.ts and target-text.ts for
// display (pages, the xlsx sheet, the PDF). Each function gives `—` where the sheet prints —.
import { formatFiscalYear } from './era.js';
import type { Actual, Baseline, MidTerm, Target } from './model.js';
import { plainDecimal } from './quantity.js';

export const DASH = '—';

/** 2665000 → `2,665,000`; with `decimals`, exactly that many (59.9 → `59.9`, 54 → `54.0`). */
export function formatNumber(n: number, decimals?: number): string {
  const text = decimals === undefined ? plainDecimal(n) : fixed(n, decimals);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (point < 0 ? '' : digits.slice(point));
}

/** toFixed, but half away from zero on the decimal JavaScript writes (1.005 → 1.01). */
function fixed(n: number, decimals: number): string {
  const text = plainDecimal(Math.abs(n));
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  if (fraction.length <= decimals) {
    const padded = fraction.padEnd(decimals, '0');
    return (n < 0 ? '-' : '') + whole + (decimals > 0 ? `.${padded}` : '');
  }
  const kept = BigInt(whole + fraction.slice(0, decimals)) + (Number(fraction[decimals]) >= 5 ? 1n : 0n);
  const digits = kept.toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const body = decimals > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return (n < 0 && kept !== 0n ? '-' : '') + body;
}

/** `2,032人`, `59.9%` */
export function formatQuantity(n: number, unit: string, decimals?: number): string {
  return formatNumber(n, decimals) + unit;
}

export function formatTarget(target: Target | undefined, unit: string, decimals?: number): string {
  if (target === undefined) return DASH;
  if (typeof target === 'number') return formatQuantity(target, unit, decimals);
  switch (target.kind) {
    case 'previous-year': {
      const base = target.base === undefined ? '' : ` (${formatQuantity(target.base, unit, decimals)})`;
      return `前年度比${base} ${target.direction === 'decrease' ? '減' : '増'}`;
    }
    case 'rank':
      return `${formatNumber(target.atMost)}位以内`;
    case 'qualitative':
      return target.text;
    case 'none':
      return target.note ?? '単年度目標設定なし';
    case 'pending':
      return target.note ?? '設定予定';
  }
}

export function formatActual(actual: Actual | undefined, unit: string, decimals?: number): string {
  if (actual === undefined) return DASH;
  if (typeof actual === 'number') return formatQuantity(actual, unit, decimals);
  return actual.text;
}

/** `110.9%`, `49,243.4%`; null or absent → — */
export function formatRate(rate: number | null | undefined, rateDecimals: number): string {
  return rate === null || rate === undefined ? DASH : `${formatNumber(rate, rateDecimals)}%`;
}

/** The mid-term cell: the label as printed, else `62% (R6年度)`, `5本 (毎年度)`, `累計60件 (R5年度)`. */
export function formatMidTerm(midTerm: MidTerm | undefined, unit: string, decimals?: number): string {
  if (!midTerm) return DASH;
  if (midTerm.label) return midTerm.label;
  const target = formatTarget(midTerm.target, unit, decimals);
  const calendar = midTerm.calendar === true;
  const year = (y: number) => formatFiscalYear(y, { letter: true, calendar });
  switch (midTerm.basis) {
    case 'every-year':
      // readMidTerm keeps `(毎年)` as a calendar basis; write it back the same way.
      return `${target} (${calendar ? '毎年' : '毎年度'})`;
    case 'cumulative':
      return `累計${target}${midTerm.fiscalYear === undefined ? '' : ` (${year(midTerm.fiscalYear)})`}`;
    case 'span':
      return midTerm.from !== undefined && midTerm.to !== undefined ? `${target} (${spanText(midTerm.from, midTerm.to, calendar)})` : target;
    default:
      return midTerm.fiscalYear === undefined ? target : `${target} (${year(midTerm.fiscalYear)})`;
  }
}

function spanText(from: number, to: number, calendar: boolean): string {
  const suffix = calendar ? '年' : '年度';
  return `${formatFiscalYear(from, { letter: true, calendar }).slice(0, -suffix.length)}～${formatFiscalYear(to, { letter: true, calendar })}`;
}

/** The 現状値(基準値) cell: the label as printed, else `約450万円 (H29年度)`, or the text. */
export function formatBaseline(baseline: Baseline | undefined, unit: string, decimals?: number): string {
  if (!baseline) return DASH;
  if (baseline.label) return baseline.label;
  const value = baseline.value === undefined ? (baseline.text ?? DASH) : `${baseline.approx ? '約' : ''}${formatQuantity(baseline.value, unit, decimals)}`;
  const calendar = baseline.calendar === true;
  if (baseline.from !== undefined && baseline.to !== undefined) return `${value} (${spanText(baseline.from, baseline.to, calendar)})`;
  if (baseline.fiscalYear !== undefined) return `${value} (${formatFiscalYear(baseline.fiscalYear, { letter: true, calendar })})`;
  return value;
}

/** Thousand yen as printed: `2,665,000`; absent → — */
export function formatAmount(amount: number | undefined): string {
  return amount === undefined ? DASH : formatNumber(amount);
}

/** SDG goals as the sheet prints them: ④ ⑦ ⑰ */
export function formatSdgs(goals: readonly number[]): string {
  return goals.map((goal) => (goal >= 1 && goal <= 20 ? String.fromCodePoint(0x2460 + goal - 1) : String(goal))).join(' ');
}
