// The words of validation: every problem a hyoka/1 document can have, in Japanese with
// English beside it, saying what is wrong and what is expected. zod's issues are turned
// into these here; zod's own English never reaches a user.
import { quote } from '../domain/reading.js';
import { formatPath } from './json-path.js';

export interface Problem {
  path: string;
  message: string;
}

const SHOWN_LIMIT = 40;

/** A value as a message shows it: JSON, shortened when long. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  const chars = [...text];
  return chars.length > SHOWN_LIMIT ? `${chars.slice(0, SHOWN_LIMIT).join('')}…` : text;
}

/** Characters as people (and zod's length limits) count them: code points, not UTF-16 units. */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        i += 1;
      }
    }
  }
  return count;
}

/** 10,000 rather than 10000. */
const count = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-US') : String(n));

export const both = (japanese: string, english: string) => `${japanese} / ${english}`;

const TYPE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  string: ['文字列', 'a string'],
  number: ['数値', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['true か false ', 'true or false'],
  array: ['配列 […] ', 'an array […]'],
  object: ['オブジェクト {…} ', 'an object {…}'],
};

export const messages = {
  required: () => both('必須の項目です。値を書いてください', 'this field is required'),
  nullValue: () => both('null は使えません。値を書くか、項目ごと省いてください', 'null is not allowed: write a value or leave the field out'),
  wrongType(expected: string, input: unknown) {
    const [ja, en] = TYPE_WORDS[expected] ?? [expected, expected];
    return both(`${ja}で書いてください (${shown(input)} と書かれています)`, `must be ${en}, not ${shown(input)}`);
  },
  numeral: (input: unknown) =>
    both(
      `数値 (または "3,144,000" のような数字の文字列) で書いてください (${shown(input)} と書かれています)`,
      `must be a number, or a numeral string such as "3,144,000", not ${shown(input)}`,
    ),
  targetType: (input: unknown) =>
    both(
      `目標は数値か {"kind": …} のオブジェクトで書いてください (${shown(input)} と書かれています)`,
      `a target is a number or an object with "kind", not ${shown(input)}`,
    ),
  actualType: (input: unknown) =>
    both(
      `実績は数値か {"text": …} のオブジェクトで書いてください (${shown(input)} と書かれています)`,
      `an actual is a number or an object with "text", not ${shown(input)}`,
    ),
  oneOf(values: readonly unknown[], input: unknown) {
    const list = values.map((v) => shown(v));
    if (list.length === 1) return both(`${list[0]} と書いてください (${shown(input)} と書かれています)`, `must be ${list[0]}, not ${shown(input)}`);
    return both(`${shown(input)} は使えません。次のいずれかです: ${list.join('、')}`, `${shown(input)} is not allowed; use one of ${list.join(', ')}`);
  },
  kindMissing: (options: readonly unknown[]) => {
    const list = options.map((v) => shown(v));
    return both(`kind がありません。次のいずれかを書いてください: ${list.join('、')}`, `"kind" is missing; use one of ${list.join(', ')}`);
  },
  atLeast: (minimum: unknown, inclusive: boolean, input: unknown) =>
    inclusive
      ? both(`${minimum} 以上にしてください (${shown(input)} と書かれています)`, `must be at least ${minimum}, not ${shown(input)}`)
      : both(`${minimum} より大きくしてください (${shown(input)} と書かれています)`, `must be more than ${minimum}, not ${shown(input)}`),
  atMost: (maximum: unknown, inclusive: boolean, input: unknown) =>
    inclusive
      ? both(`${maximum} 以下にしてください (${shown(input)} と書かれています)`, `must be at most ${maximum}, not ${shown(input)}`)
      : both(`${maximum} より小さくしてください (${shown(input)} と書かれています)`, `must be less than ${maximum}, not ${shown(input)}`),
  tooLong: (maximum: unknown, length: number) =>
    both(`${count(maximum)} 文字以内にしてください (${count(length)} 文字あります)`, `at most ${count(maximum)} characters (this has ${count(length)})`),
  tooFewItems: (minimum: unknown) => both(`少なくとも ${minimum} 件必要です`, `needs at least ${minimum} item(s)`),
  invalid: (input: unknown) => both(`値が正しくありません (${shown(input)} と書かれています)`, `invalid value: ${shown(input)}`),

  // The strings where numbers belong.
  fiscalYearRange: (input: unknown) =>
    both(
      `年度は西暦4桁の整数か "R3年度" のような文字列で書いてください (${shown(input)} と書かれています)`,
      `a fiscal year is a four-digit Western year or text such as "R3年度", not ${shown(input)}`,
    ),
  extraWord: (text: string, word: string) =>
    both(`${quote(text)}の${quote(word)}は保存できません。数値だけを書いてください`, `${quote(text)}: ${word} cannot be stored; write the number alone`),
  nonNumericTarget: (text: string) =>
    both(
      `${quote(text)}は数値ではありません。数値でない目標は {"kind": "qualitative", "text": …} や {"kind": "none"} の形で書いてください`,
      `${quote(text)} is not a number; write a target that is not a number as an object such as {"kind": "qualitative", "text": …} or {"kind": "none"}`,
    ),
  nonNumericActual: (text: string) =>
    both(
      `${quote(text)}は数値ではありません。数値でない実績は {"text": …} の形で書いてください`,
      `${quote(text)} is not a number; write an actual that is not a number as {"text": …}`,
    ),
  wrongUnit: (text: string, unit: string, expected: string) =>
    both(
      `${quote(text)}の単位${quote(unit)}は指標の単位${quote(expected)}ではありません。単位を省くか${quote(expected)}で書いてください`,
      `${quote(text)}: the unit ${quote(unit)} is not the indicator's unit ${quote(expected)}; leave the unit out or use ${quote(expected)}`,
    ),
  amount: (input: unknown) =>
    both(
      `金額は千円単位の0以上の整数で書いてください (例: 3144000 または "3,144,000千円"; ${shown(input)} と書かれています)`,
      `an amount is a whole number of thousand yen, 0 or more (e.g. 3144000 or "3,144,000千円"), not ${shown(input)}`,
    ),
  amountUnit: (text: string) =>
    both(
      `${quote(text)}の単位は円で書くか、省いて千円単位の数にしてください (例: "3,144,000千円"、"3,144,000")`,
      `${quote(text)}: write the unit in yen, or leave it out for thousand yen (e.g. "3,144,000千円", "3,144,000")`,
    ),
  rank: (input: unknown) =>
    both(`順位は1以上の整数で書いてください (${shown(input)} と書かれています)`, `a rank is a whole number of 1 or more, not ${shown(input)}`),

  // Uniqueness and references.
  duplicate: (what: string, firstPath: string) =>
    both(`${what} が重複しています (${firstPath} と同じ)`, `duplicate ${what} (the same as ${firstPath})`),
  unknownPolicy: (code: string) =>
    both(`施策${quote(code)}は policies にありません`, `policy ${quote(code)} is not in policies`),
  unknownIndicator: (key: string) =>
    both(`指標${quote(key)}はこの事業の indicators にありません`, `indicator ${quote(key)} is not one of this project's indicators`),
  unknownGrade: (grade: string, grades: readonly string[]) =>
    both(
      `評価${quote(grade)}は grades にありません (${grades.join('、')})`,
      `grade ${quote(grade)} is not one of settings.grades (${grades.join(', ')})`,
    ),
  unknownCourse: (course: string, courses: readonly string[]) =>
    both(
      `方向性${quote(course)}は courses にありません (${courses.join('、')})`,
      `course ${quote(course)} is not one of settings.courses (${courses.join(', ')})`,
    ),

  // Records whose fields depend on each other.
  basisRequired: () =>
    both(
      'basis がありません (目標が pending のときを除き必須): "by-year"、"every-year"、"cumulative"、"span" のいずれか',
      'basis is required unless the target is pending: one of "by-year", "every-year", "cumulative", "span"',
    ),
  dueYearRequired: (basis: string) =>
    both(`basis が "${basis}" のときは fiscalYear (期限の年度) が必要です`, `fiscalYear (the year it is due) is required when basis is "${basis}"`),
  spanYearRequired: (field: string) =>
    both(`basis が "span" のときは from と to が必要です (${field} がありません)`, `from and to are required when basis is "span" (${field} is missing)`),
  spanReversed: (from: number, to: number) =>
    both(`from (${from}) が to (${to}) より後です`, `from (${from}) is after to (${to})`),
  textActualUnderNumber: () =>
    both(
      '数値・前年度比・順位の目標には数値の実績を書いてください',
      'a number, previous-year or rank target needs a numeric actual',
    ),
  duplicateSdg: (goal: number) => both(`SDGs ゴール ${goal} が重複しています`, `SDG goal ${goal} is listed twice`),
  duplicateLabel: (label: string) => both(`${quote(label)}が重複しています`, `${quote(label)} is listed twice`),
  bandCount: (bands: number, grades: number) =>
    both(
      `gradeBands は grades より1つ少なくしてください (grades ${grades} 個に対して gradeBands ${bands} 個、必要なのは ${grades - 1} 個)`,
      `gradeBands needs one entry fewer than grades (${grades} grades, ${bands} bands; ${grades - 1} needed)`,
    ),
  bandOrder: (previous: number) =>
    both(`前の値 (${previous}) より小さくしてください (大きい順に並べます)`, `must be less than the one before (${previous}): bands go from high to low`),

  jsonSyntax: (line: number, column: number, found: string | undefined) =>
    found === undefined
      ? both(`JSON が途中で終わっています (${line}行 ${column}列)`, `the JSON ends too early (line ${line}, column ${column})`)
      : both(
          `JSON の書き方が正しくありません (${line}行 ${column}列、${quote(found)}の所)`,
          `invalid JSON at line ${line}, column ${column} (at ${quote(found)})`,
        ),
};

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  origin?: string;
  errors?: readonly (readonly IssueLike[])[];
  note?: string;
  options?: readonly unknown[];
  discriminator?: string;
}

function isRootTypeMismatch(issues: readonly IssueLike[]): boolean {
  return issues.length === 1 && issues[0]?.code === 'invalid_type' && issues[0].path.length === 0;
}

/**
 * The problems for one of zod's issues (parsed with `reportInput`). A union is followed
 * into the one option the value was meant for (an object target into its kind), so the
 * message names the field that is wrong rather than "no option matched".
 */
export function problemsOfIssue(issue: IssueLike, prefix: readonly PropertyKey[] = []): Problem[] {
  const segments = [...prefix, ...issue.path];
  const path = formatPath(segments);
  const input = issue.input;
  if (issue.code === 'invalid_union' && issue.note === undefined && input !== undefined && input !== null) {
    const meant = (issue.errors ?? []).filter((branch) => !isRootTypeMismatch(branch));
    if (meant.length === 1) return (meant[0] as readonly IssueLike[]).flatMap((inner) => problemsOfIssue(inner, segments));
  }
  return [{ path, message: messageOf(issue, segments) }];
}

function messageOf(issue: IssueLike, segments: readonly PropertyKey[]): string {
  const input = issue.input;
  if (issue.code === 'invalid_union' && issue.note !== undefined) {
    const kind = (input as { kind?: unknown } | undefined)?.kind;
    return kind === undefined ? messages.kindMissing(issue.options ?? []) : messages.oneOf(issue.options ?? [], kind);
  }
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value')) {
    return messages.required();
  }
  if (input === null) return messages.nullValue();
  switch (issue.code) {
    case 'invalid_type':
      return messages.wrongType(issue.expected ?? '', input);
    case 'invalid_union': {
      const expected = new Set((issue.errors ?? []).map((branch) => branch[0]?.expected));
      const field = segments[segments.length - 1];
      if (expected.has('object')) return field === 'actual' ? messages.actualType(input) : messages.targetType(input);
      if (expected.has('number') && expected.has('string')) return messages.numeral(input);
      return messages.invalid(input);
    }
    case 'invalid_value':
      return messages.oneOf(issue.values ?? [], input);
    case 'too_small':
      return issue.origin === 'array' ? messages.tooFewItems(issue.minimum) : messages.atLeast(issue.minimum, issue.inclusive ?? true, input);
    case 'too_big':
      if (issue.origin === 'string' && typeof input === 'string') return messages.tooLong(issue.maximum, characterCount(input));
      return messages.atMost(issue.maximum, issue.inclusive ?? true, input);
    default:
      return messages.invalid(input);
  }
}
