// What a single cell of the sheet is, judged by its text alone: a policy code, a row
// number, SDG goals, a course, a grade, a budget change, an amount, a labelled value
// (目標 / 実績 / 達成率), a header word. Everything here is pure and never throws.
import { readYear, readYearSpan } from '../../domain/era.js';
import { defaultProfile } from '../../domain/profile.js';
import { compact } from './cells.js';
import { despace } from './spaces.js';

const ROMAN = '[IVXⅠ-Ⅻ]+';
// `I-2-(1)-②`, `II-3- (3)-①`, `VII-3- (I)-①` (a PDF's I for 1), then the title.
const POLICY = new RegExp(`^\\s*(${ROMAN})\\s*[-－‐]\\s*(\\d+)\\s*[-－‐]\\s*[(（]\\s*([0-9０-９Il]+)\\s*[)）]\\s*[-－‐]\\s*([①-⑳])\\s*(.*)$`, 'su');

export interface PolicyCell {
  code: string;
  title: string;
  /** The code was printed with `(I)` for `(1)`. */
  romanOne: boolean;
}

const ROMAN_FOLD: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X', Ⅺ: 'XI', Ⅻ: 'XII' };

export function readPolicyCell(text: string): PolicyCell | undefined {
  const match = POLICY.exec(text);
  if (!match) return undefined;
  const [, roman, chapter, section, circled, title] = match as unknown as string[];
  const romanOne = /[Il]/u.test(section as string);
  const sectionNumber = (section as string).replace(/[Il]/gu, '1').normalize('NFKC');
  const part = [...(roman as string)].map((c) => ROMAN_FOLD[c] ?? c).join('');
  return { code: `${part}-${chapter}-(${sectionNumber})-${circled}`, title: despace(title as string).replace(/\n/gu, ''), romanOne };
}

/** A row number: a whole number of 1 to 3 digits, alone in its cell. */
export function readRowNo(text: string): number | undefined {
  const c = compact(text).normalize('NFKC');
  if (!/^[1-9]\d{0,2}$/u.test(c)) return undefined;
  return Number(c);
}

const CIRCLED_FIRST = 0x2460; // ①

/** SDG goals printed `④ ⑦ ⑰` or `8 11 17`: distinct goals 1–17, or undefined when the cell is not a list of goals. */
export function readSdgs(text: string): number[] | undefined {
  const parts = text.trim().split(/[\s,、・]+/u).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const goals: number[] = [];
  for (const part of parts) {
    let goal: number;
    if (part.length === 1 && part.codePointAt(0)! >= CIRCLED_FIRST && part.codePointAt(0)! <= CIRCLED_FIRST + 16) {
      goal = part.codePointAt(0)! - CIRCLED_FIRST + 1;
    } else if (/^\d{1,2}$/u.test(part.normalize('NFKC'))) {
      goal = Number(part.normalize('NFKC'));
    } else return undefined;
    if (goal < 1 || goal > 17) return undefined;
    if (!goals.includes(goal)) goals.push(goal);
  }
  return goals;
}

export function isCourse(text: string): boolean {
  return defaultProfile.courses.includes(compact(text));
}

export function readGrade(text: string): string | undefined {
  const c = compact(text);
  return defaultProfile.grades.includes(c) ? c : undefined;
}

export function readChange(text: string): '増額' | '維持' | '減額' | undefined {
  const c = compact(text);
  return c === '増額' || c === '維持' || c === '減額' ? c : undefined;
}

/** A budget or personnel cost: digits with thousands separators, nothing else. */
export function readAmount(text: string): number | undefined {
  const c = compact(text).normalize('NFKC');
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)$/u.test(c)) return undefined;
  const n = Number(c.replace(/,/gu, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

export type Label = '目標' | '実績' | '達成率';

/** `目標 54.0 %` → label 目標 and the rest; `実績` alone → label with an empty rest. */
export function splitLabel(text: string): { label: Label; rest: string } | undefined {
  const match = /^(目\s*標|実\s*績|達\s*成\s*率)(?:\s+(.*)|$)/su.exec(text.trim());
  if (!match) return undefined;
  return { label: compact(match[1] as string) as Label, rest: (match[2] ?? '').trim() };
}

/** The header words that some rows print where the indicator's name and baseline belong. */
export function isIndicatorHeader(text: string): boolean {
  return compact(text) === '指標名等';
}
export function isBaselineHeader(text: string): boolean {
  return compact(text).startsWith('現状値');
}

const DASH = /^[—―\-－–‐−ー]+$/u;
export function isDash(text: string): boolean {
  return DASH.test(compact(text));
}

/** The years in a trailing bracket: `(H25年度)` → [2013, 2013], `(R2～R6年度)` → [2020, 2024], `(毎年度)` → 'every'. */
function dueOf(text: string): { from: number; to: number } | 'every' | undefined {
  const match = /[(（]([^()（）]*)[)）]\s*$/u.exec(compact(text));
  if (!match) return undefined;
  const inner = match[1] as string;
  if (inner === '毎年度' || inner === '毎年') return 'every';
  const span = readYearSpan(inner);
  if (span.ok) return { from: span.value.from, to: span.value.to };
  const year = readYear(inner);
  if (year.ok) return { from: year.value.year, to: year.value.year };
  return undefined;
}

/** A value dated before the sheet's first fiscal year: a baseline printed where a target or actual belongs. */
export function looksLikeBaseline(text: string, firstYear: number): boolean {
  const due = dueOf(text);
  return due !== undefined && due !== 'every' && due.to < firstYear && /[0-9０-９]/u.test(text);
}

/** A mid-term cell: a due bracket that is not all in the past (毎年度, R6年度, R2～R6年度). */
export function looksLikeMidTerm(text: string, firstYear: number): boolean {
  const due = dueOf(text);
  return due === 'every' || (due !== undefined && due.to >= firstYear);
}
