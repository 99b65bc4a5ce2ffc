// The bounds every hyoka/1 document is held to, whichever reader made it (JSON, workbook,
// CSV, sheet text), checked before anything else looks at it: a document past them is
// refused with the path, the same way on SQLite and PostgreSQL, instead of overflowing
// the stack, being stored by one database and failing on the other, or changing a number
// silently. docs/limits.md explains each.
//
// - Nesting: objects and arrays at most MAX_DEPTH deep (hyoka/1 itself needs 11), walked
//   without recursion so that any depth is measured safely.
// - Numbers: finite, below 10^15 in magnitude, at most 15 significant digits and 10
//   decimal places — what a double holds exactly as the decimal that was written (so
//   2^53 + 1 or 0.12345678901234567 cannot change on the way in), and what the exact
//   arithmetic of domain/decimal.ts keeps on its integer fast path.
// - Text and keys: no control characters other than tab, line feed and carriage return
//   (PostgreSQL cannot store NUL; the others are invisible and break CSV and sheets), no
//   lone surrogates (not Unicode: each database would store them differently). Keys at
//   most TEXT_LIMITS.identifier characters. The length of each text field is the schema's
//   (schema.ts, by TEXT_LIMITS); of text in unknown fields, validate.ts checks it.
import { both, characterCount, shown, type Problem } from './messages.js';
import { appendIndex, appendKey } from './json-path.js';

export const MAX_DEPTH = 32;

/** Characters (Unicode code points, as zod counts them) per kind of text field. */
export const TEXT_LIMITS = {
  /** keys, codes, references to them, units, grade and course labels, numerals written as text */
  identifier: 100,
  /** names, titles, bureaus, divisions, labels, notes, qualitative targets and actuals */
  name: 500,
  /** summaries, improvements, reasons, and every text of an unknown field */
  text: 10_000,
} as const;

export const NUMBER_LIMITS = { magnitude: 1e15, significantDigits: 15, decimals: 10 } as const;

/** Problems reported one by one; past this many, one more problem counts the rest. */
const MAX_REPORTED = 200;

const CONTROL_OR_LONE_SURROGATE = /[\0-\x08\x0b\x0c\x0e-\x1f]|\p{Cs}/u;
/** A quick first look (no Unicode mode): a control character, or any surrogate, paired or not. */
const CONTROL_OR_SURROGATE = /[\0-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]/;

export const boundsMessages = {
  tooDeep: () =>
    both(
      `入れ子が深すぎます (オブジェクトと配列は ${MAX_DEPTH} 段まで)`,
      `nested too deeply (objects and arrays at most ${MAX_DEPTH} levels deep)`,
    ),
  control: (text: string) => {
    const bad = CONTROL_OR_LONE_SURROGATE.exec(text);
    const code = bad ? `U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : '';
    const at = bad ? bad.index + 1 : 0;
    return both(
      `${at} 文字目に使えない文字 ${code} があります (タブ・改行以外の制御文字や、対になっていないサロゲートは使えません)。消してください`,
      `character ${at} is ${code}, which is not allowed (control characters other than tab and line breaks, and unpaired surrogates): delete it`,
    );
  },
  keyControl: (key: string) =>
    both(`項目名 ${shown(key)} に使えない文字があります (制御文字など)`, `the field name ${shown(key)} contains a character that is not allowed (a control character or an unpaired surrogate)`),
  keyLength: (key: string) =>
    both(
      `項目名が長すぎます (${characterCount(key)} 文字、上限 ${TEXT_LIMITS.identifier} 文字): ${shown(key)}`,
      `a field name is too long (${characterCount(key)} characters; at most ${TEXT_LIMITS.identifier}): ${shown(key)}`,
    ),
  nonFinite: (value: number) => both(`有限の数で書いてください (${String(value)} と読めます)`, `must be a finite number, not ${String(value)}`),
  numberTooLarge: (value: number) =>
    both(
      `数が大きすぎます (${String(value)})。絶対値は 10の15乗 (1,000,000,000,000,000) 未満にしてください`,
      `the number ${String(value)} is too large: its magnitude must be below 10^15 (1,000,000,000,000,000)`,
    ),
  numberTooPrecise: (value: number) =>
    both(
      `数の桁が多すぎます (${String(value)})。有効数字 ${NUMBER_LIMITS.significantDigits} 桁、小数 ${NUMBER_LIMITS.decimals} 桁までにしてください`,
      `the number ${String(value)} has too many digits: at most ${NUMBER_LIMITS.significantDigits} significant digits and ${NUMBER_LIMITS.decimals} decimal places`,
    ),
  more: (count: number) => both(`ほかに ${count} 件の同じ種類の問題があります`, `${count} more problem(s) of these kinds`),
};

const FAST_SCALE = 1e6;

/** The message of a number past the bounds, or undefined when it is within them. */
export function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return boundsMessages.nonFinite(value);
  const magnitude = Math.abs(value);
  if (magnitude >= NUMBER_LIMITS.magnitude) return boundsMessages.numberTooLarge(value);
  // Most numbers are integers or have a few decimals: then the decimal String() writes
  // has at most 15 digits (an integer k below 10^15 read as k ÷ 10^6), with no text made.
  if (Number.isInteger(value) || (magnitude < 1e9 && Math.round(value * FAST_SCALE) / FAST_SCALE === value)) return undefined;
  return withinDigits(value) ? undefined : boundsMessages.numberTooPrecise(value);
}

function withinDigits(value: number): boolean {
  const match = /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return false;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const digits = `${whole}${fraction}`.replace(/^0+/, '').replace(/0+$/, '');
  const decimals = fraction.length - Number(exponent);
  return digits.length <= NUMBER_LIMITS.significantDigits && decimals <= NUMBER_LIMITS.decimals;
}

/** True when the text has a control character (other than tab, CR, LF) or a lone surrogate. */
export function hasForbiddenCharacter(text: string): boolean {
  return CONTROL_OR_SURROGATE.test(text) && CONTROL_OR_LONE_SURROGATE.test(text);
}

export interface BoundsResult {
  problems: Problem[];
  /** Nested past MAX_DEPTH: nothing else should walk the value. */
  tooDeep: boolean;
}

/**
 * Recursive, but never deeper than MAX_DEPTH + 1 calls: a container past it is reported,
 * not entered. The path is kept as a stack of segments and written out only for a problem.
 */
class BoundsWalk {
  readonly problems: Problem[] = [];
  count = 0;
  tooDeep = false;
  private readonly segments: (string | number)[] = [];

  private path(last?: string | number): string {
    let path = '';
    for (const segment of last === undefined ? this.segments : [...this.segments, last]) {
      path = typeof segment === 'number' ? appendIndex(path, segment) : appendKey(path, segment);
    }
    return path;
  }

  report(message: string, last?: string | number): void {
    this.count += 1;
    if (this.count <= MAX_REPORTED) this.problems.push({ path: this.path(last), message });
  }

  /** One value, at `depth` containers deep when it is a container itself. */
  value(value: unknown, depth: number, segment: string | number | undefined): void {
    if (typeof value === 'string') {
      if (hasForbiddenCharacter(value)) this.report(boundsMessages.control(value), segment);
      return;
    }
    if (typeof value === 'number') {
      const message = numberProblem(value);
      if (message !== undefined) this.report(message, segment);
      return;
    }
    if (typeof value !== 'object' || value === null || this.tooDeep) return;
    if (segment !== undefined) this.segments.push(segment);
    if (depth > MAX_DEPTH) {
      this.report(boundsMessages.tooDeep());
      this.tooDeep = true;
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.value(value[i], depth + 1, i);
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (key.length > TEXT_LIMITS.identifier && characterCount(key) > TEXT_LIMITS.identifier) this.report(boundsMessages.keyLength(key));
        else if (hasForbiddenCharacter(key)) this.report(boundsMessages.keyControl(key));
        else this.value(record[key], depth + 1, key);
      }
    }
    if (segment !== undefined) this.segments.pop();
  }
}

/** Every place in a parsed value that is past the bounds, each with its path. */
export function boundsProblems(input: unknown): BoundsResult {
  const walk = new BoundsWalk();
  walk.value(input, 1, undefined);
  const problems = walk.problems;
  if (walk.count > MAX_REPORTED) problems.push({ path: '', message: boundsMessages.more(walk.count - MAX_REPORTED) });
  return { problems, tooDeep: walk.tooDeep };
}
