// The page header of the sheet: `【Plan】 計画 / 【Do】 実施 …`, then the column titles
// (`R4年度 予算額 (千円)`, `R3年度 事業 評価`) and a second line `指標名等 | 現状値 (基準値) |
// R3年度 | R4年度 | R5年度`. The years it names date every period, budget and evaluation.
import { readYear } from '../../domain/era.js';
import type { SheetLine } from './cells.js';
import { compact } from './cells.js';
import { isIndicatorHeader } from './cell-kinds.js';
import type { SheetYears } from './raw.js';

const HEADER_WORDS = /【\s*(?:Plan|Do|Check|Action)\s*】|施策番号|主な事業|所管課名|事業・取組概要/u;
const LEADING_YEAR = /^((?:令和|平成|R|H)(?:\d{1,2}|元))年度/u;

export function isHeaderLine(line: SheetLine): boolean {
  if (line.cells.some((c) => HEADER_WORDS.test(compact(c.text)))) return true;
  const first = line.cells[0];
  return first !== undefined && isIndicatorHeader(first.text) && line.cells.some((c) => pureYear(c.text) !== undefined);
}

function pureYear(text: string): number | undefined {
  const c = compact(text);
  if (!/年度$/u.test(c)) return undefined;
  const read = readYear(c);
  return read.ok && !read.value.calendar ? read.value.year : undefined;
}

function leadingYear(text: string): number | undefined {
  const match = LEADING_YEAR.exec(compact(text).normalize('NFKC'));
  if (!match) return undefined;
  const read = readYear(`${match[1]}年度`);
  return read.ok ? read.value.year : undefined;
}

/** Reads the years a header line names into `years`, keeping what earlier lines gave. */
export function readHeaderYears(line: SheetLine, years: Partial<SheetYears>): void {
  const first = line.cells[0];
  if (first && isIndicatorHeader(first.text)) {
    const periods = line.cells.map((c) => pureYear(c.text)).filter((y): y is number => y !== undefined);
    if (periods.length > 0) years.periods = periods.slice(0, 3);
    return;
  }
  const budgets: number[] = [];
  const bare: number[] = [];
  for (const cell of line.cells) {
    const c = compact(cell.text);
    const year = leadingYear(c);
    if (year === undefined || c.includes('に向けて')) continue;
    if (c.includes('予算')) budgets.push(year);
    else if (c.includes('事業評価')) years.evaluation = year;
    else if (c.includes('局施策')) years.evaluation ??= year;
    else if (pureYear(c) !== undefined) bare.push(year);
  }
  // The two-line header prints the years alone, in the order 予算額, 予算額, 事業評価, 局施策評価.
  if (budgets.length === 0 && bare.length >= 2) budgets.push(bare[0] as number, bare[1] as number);
  if (years.evaluation === undefined && bare.length >= 3) years.evaluation = bare[2];
  if (budgets.length > 0) years.budgets = budgets.slice(0, 2);
}
