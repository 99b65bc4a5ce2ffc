// The values of one CSV row: fiscal years, keys, targets, actuals and amounts, read with the
// readers a hyoka/1 document's strings go through (2,032人, R3年度, full-width digits,
// 3,144,000千円). A cell that cannot be read adds a problem at its line and column and
// gives `undefined`; it is never read as zero or skipped.
import type { Actual, Target } from '../../domain/model.js';
import { classifyTarget } from '../../domain/target-text.js';
import { numberProblem } from '../bounds.js';
import { amountOf, fiscalYearOf, measureOf, rankOf } from '../numerals.js';
import { ACHIEVED, ACTUAL_KINDS, DIRECTIONS, TARGET_KINDS, englishOf } from './columns.js';
import { type CsvProblem, both, csvProblem } from './problems.js';
import type { Cell, CsvRecord } from './records.js';

/** What a group of columns says: absent (the file has none of them) or a value, possibly undefined (an empty cell). */
export type Read<T> = { present: false } | { present: true; ok: boolean; value: T | undefined };

const ABSENT = { present: false } as const;

export class RowReader {
  constructor(
    readonly record: CsvRecord,
    private readonly problems: CsvProblem[],
  ) {}

  problem(cell: Cell | undefined, message: string): undefined {
    this.problems.push(csvProblem(cell ? { line: cell.line, column: cell.column, header: cell.header } : { line: this.record.line }, message));
    return undefined;
  }

  /** A key (事業キー, 指標キー) as written; an empty one is a problem. */
  key(name: string, label: string): string | undefined {
    const cell = this.record.cell(name);
    if (!cell || cell.text === '') {
      return this.problem(cell, both(`${label}が空です。書き出した CSV の${label}をそのまま使ってください`, `the ${name} is empty; keep the key the exported CSV gave`));
    }
    return cell.text;
  }

  /** 年度 (2021, R3年度) or 年度(和暦); when both are written they must agree. */
  fiscalYear(): number | undefined {
    const western = this.record.cell('fiscalYear');
    const era = this.record.cell('fiscalYearEra');
    const read = (cell: Cell | undefined) => {
      if (!cell || cell.text.trim() === '') return undefined;
      const year = fiscalYearOf(cell.text.trim(), false);
      return year.ok ? year.value : this.problem(cell, year.error);
    };
    const a = read(western);
    const b = read(era);
    if (a !== undefined && b !== undefined && a !== b) {
      return this.problem(era, both(`年度 ${a} と和暦の年度「${era!.text.trim()}」が合いません。どちらかを直してください`, `the fiscal year ${a} and 「${era!.text.trim()}」 disagree; correct one of them`));
    }
    if (a === undefined && b === undefined && !this.hasProblemAt(western) && !this.hasProblemAt(era)) {
      return this.problem(western ?? era, both('年度が空です。2021 や R3年度 のように書いてください', 'the fiscal year is empty; write it like 2021 or R3年度'));
    }
    return a ?? b;
  }

  private hasProblemAt(cell: Cell | undefined): boolean {
    return cell !== undefined && this.problems.some((p) => p.line === cell.line && p.column === cell.column);
  }

  /** An amount in thousand yen (予算額, 人件費); an empty cell is none. */
  amount(name: string): Read<number> {
    const cell = this.record.cell(name);
    if (!cell) return ABSENT;
    if (cell.text.trim() === '') return { present: true, ok: true, value: undefined };
    const amount = amountOf(cell.text.trim());
    if (amount.ok) return { present: true, ok: true, value: amount.value };
    this.problem(cell, amount.error);
    return { present: true, ok: false, value: undefined };
  }

  /** The target from 目標の種類, 目標, 目標の基準値, 目標の方向 and 目標の順位, in the indicator's unit. */
  target(unit: string): Read<Target> {
    const cells = {
      kind: this.record.cell('targetKind'),
      text: this.record.cell('target'),
      base: this.record.cell('targetBase'),
      direction: this.record.cell('targetDirection'),
      rank: this.record.cell('targetRank'),
    };
    if (!cells.kind && !cells.text && !cells.base && !cells.direction && !cells.rank) return ABSENT;
    const before = this.problems.length;
    const value = this.targetValue(cells, unit);
    return { present: true, ok: this.problems.length === before, value };
  }

  private targetValue(cells: Record<'kind' | 'text' | 'base' | 'direction' | 'rank', Cell | undefined>, unit: string): Target | undefined {
    const filled = (cell: Cell | undefined) => cell !== undefined && cell.text.trim() !== '';
    const text = cells.text?.text ?? '';
    let kind: string | undefined;
    if (filled(cells.kind)) {
      kind = englishOf(TARGET_KINDS, cells.kind!.text);
      if (!kind) return this.problem(cells.kind, choose('目標の種類', 'target kind', cells.kind!.text, TARGET_KINDS));
    } else if (filled(cells.base) || filled(cells.direction)) kind = 'previous-year';
    else if (filled(cells.rank)) kind = 'rank';
    else if (text.trim() !== '') {
      const classified = classifyTarget(text, unit);
      return classified.ok ? this.bounded(cells.text, classified.value) : this.problem(cells.text, classified.error);
    } else return undefined;
    const stray = (kind === 'previous-year' ? [cells.rank] : kind === 'rank' ? [cells.base, cells.direction] : [cells.base, cells.direction, cells.rank]).find(filled);
    if (stray) {
      return this.problem(stray, both(`目標の種類が「${cells.kind?.text.trim() ?? kind}」なのに「${stray.header}」に値があります。どちらかを直してください`, `the target kind is ${kind} but 「${stray.header}」 has a value; correct one of them`));
    }
    switch (kind) {
      case 'number': {
        if (text.trim() === '') return this.problem(cells.text ?? cells.kind, both('数値の目標が空です。目標を書くか、目標の種類を空にしてください', 'the number target is empty; write it or clear the target kind'));
        const read = measureOf(text.trim(), unit, 'target');
        return read.ok ? read.value : this.problem(cells.text, read.error);
      }
      case 'qualitative':
        return { kind: 'qualitative', text };
      case 'none':
      case 'pending':
        return text === '' ? { kind } : { kind, note: text };
      case 'rank': {
        const cell = filled(cells.rank) ? cells.rank : cells.text;
        if (!filled(cell)) return this.problem(cells.rank ?? cells.kind, both('順位の目標が空です。目標の順位に 10 のように書いてください', 'the rank target is empty; write it in 目標の順位, e.g. 10'));
        const read = rankOf(cell!.text.trim());
        return read.ok ? { kind: 'rank', atMost: read.value } : this.problem(cell, read.error);
      }
      default:
        return this.previousYear(cells, unit);
    }
  }

  /** A target classified from its text, its numbers within the bounds of every document (bounds.ts). */
  private bounded(cell: Cell | undefined, target: Target | undefined): Target | undefined {
    if (target === undefined) return undefined;
    const numbers = typeof target === 'number' ? [target] : target.kind === 'previous-year' ? [target.base] : target.kind === 'rank' ? [target.atMost] : [];
    for (const n of numbers) {
      const problem = n === undefined ? undefined : numberProblem(n);
      if (problem !== undefined) return this.problem(cell, problem);
    }
    return target;
  }

  private previousYear(cells: Record<'kind' | 'text' | 'base' | 'direction', Cell | undefined>, unit: string): Target | undefined {
    const baseText = cells.base?.text.trim() ?? '';
    const directionText = cells.direction?.text.trim() ?? '';
    if (baseText === '' && directionText === '' && (cells.text?.text.trim() ?? '') !== '') {
      const classified = classifyTarget(cells.text!.text, unit);
      if (classified.ok && typeof classified.value === 'object' && classified.value.kind === 'previous-year') return this.bounded(cells.text, classified.value);
      return this.problem(cells.text, both('前年度比の目標は「目標の基準値」と「目標の方向」に書いてください (例: 120 と 減)', 'write a previous-year target in 目標の基準値 and 目標の方向 (e.g. 120 and 減)'));
    }
    const target: Target = { kind: 'previous-year' };
    if (baseText !== '') {
      const base = measureOf(baseText, unit, 'value');
      if (!base.ok) return this.problem(cells.base, base.error);
      target.base = base.value;
    }
    if (directionText !== '') {
      const direction = englishOf(DIRECTIONS, directionText);
      if (!direction) return this.problem(cells.direction, choose('目標の方向', 'direction', directionText, DIRECTIONS));
      target.direction = direction as 'increase' | 'decrease';
    }
    return target;
  }

  /** The actual: a number in the indicator's unit, or a text (under a qualitative target, or where 実績の種類 says so). */
  actual(unit: string, target: Target | undefined): Read<Actual> {
    const kindCell = this.record.cell('actualKind');
    const cell = this.record.cell('actual');
    const achievedCell = this.record.cell('actualAchieved');
    if (!kindCell && !cell && !achievedCell) return ABSENT;
    const before = this.problems.length;
    const value = this.actualValue(kindCell, cell, achievedCell, unit, target);
    return { present: true, ok: this.problems.length === before, value };
  }

  private actualValue(kindCell: Cell | undefined, cell: Cell | undefined, achievedCell: Cell | undefined, unit: string, target: Target | undefined): Actual | undefined {
    const text = cell?.text ?? '';
    const kindText = kindCell?.text.trim() ?? '';
    const achievedText = achievedCell?.text.trim() ?? '';
    const kind = kindText === '' ? undefined : englishOf(ACTUAL_KINDS, kindText);
    if (kindText !== '' && !kind) return this.problem(kindCell, choose('実績の種類', 'actual kind', kindText, ACTUAL_KINDS));
    let achieved: boolean | undefined;
    if (achievedText !== '') {
      const word = englishOf(ACHIEVED, achievedText);
      if (!word) return this.problem(achievedCell, choose('実績の達成', 'achieved', achievedText, ACHIEVED));
      achieved = word === 'true';
    }
    if (kind === undefined && text === '') {
      if (achieved !== undefined) return this.problem(achievedCell, both('実績がないのに「実績の達成」に値があります。実績を書くか、達成を空にしてください', 'achieved is set but there is no actual; write the actual or clear achieved'));
      return undefined;
    }
    const qualitative = kind === 'qualitative' || (kind === undefined && (achieved !== undefined || (typeof target === 'object' && target.kind === 'qualitative')));
    if (qualitative) return achieved === undefined ? { text } : { text, achieved };
    if (achieved !== undefined) return this.problem(achievedCell, both('数値の実績には「実績の達成」を書けません (達成は自動で計算します)', 'a number actual takes no 実績の達成 (achievement is computed)'));
    if (text.trim() === '') return this.problem(cell ?? kindCell, both('数値の実績が空です。実績を書くか、実績の種類を空にしてください', 'the number actual is empty; write it or clear the actual kind'));
    const read = measureOf(text.trim(), unit, 'actual');
    if (read.ok) return read.value;
    return this.problem(cell, `${read.error}。${both('数値で書くか、文の実績なら「実績の種類」を「定性」にしてください', 'write a number, or set 実績の種類 to 定性 for a text')}`);
  }
}

function choose(ja: string, en: string, written: string, values: readonly (readonly [string, string])[]): string {
  const list = values.map(([word]) => `「${word}」`).join('');
  return both(`${ja}「${written}」は使えません。${list}のどれかを書いてください`, `「${written}」 is not a ${en}; write one of ${values.map(([word, english]) => `${word} (${english})`).join(', ')}`);
}
