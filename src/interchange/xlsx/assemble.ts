// The rows of the data workbook's tables put back together into a hyoka/1 document (not yet
// validated): child rows join their parents by key (事業キー, 指標キー, No.), lists keep
// the rows' order, and every field remembers the cell it came from so that validation's
// problems (JSON paths) can be told by cell (`年度別!E12`).
import { appendKey } from '../json-path.js';
import { both, type WorkbookProblem } from './cells.js';
import { KNOWN_FIELDS, type RecordName } from '../record-fields.js';
import { addExtras, define, emptyListField, type Json } from './known-fields.js';
import type { ReadRow } from './read-rows.js';
import { ACHIEVED_LABELS, BETTER_LABELS, EMPTY_LIST } from './tables.js';
import { basisOf, numericKind, targetOf } from './value-cells.js';

export class Assembler {
  readonly places = new Map<string, string>();
  constructor(readonly problems: WorkbookProblem[]) {}

  problem(place: string, japanese: string, english: string): void {
    this.problems.push({ place, message: both(japanese, english) });
  }

  /** Copies the row's columns `names` onto `target` (those present), remembering their cells. */
  copy(target: Json, path: string, row: ReadRow, names: readonly string[]): void {
    this.places.set(path, row.place);
    for (const name of names) {
      if (!Object.hasOwn(row.values, name)) continue;
      define(target, name, row.values[name]);
      this.places.set(appendKey(path, name), row.places[name]!);
    }
  }

  /** The record's その他(JSON): an object whose fields have no column of their own. */
  extras(target: Json, path: string, row: ReadRow, record: RecordName, column = 'extra'): void {
    const extras = row.values[column];
    if (extras === undefined) return;
    const place = row.places[column]!;
    if (typeof extras !== 'object' || extras === null || Array.isArray(extras)) {
      this.problem(place, 'その他(JSON) は {…} の形で書いてください', 'その他(JSON) must be an object {…}');
      return;
    }
    const known = KNOWN_FIELDS[record];
    for (const [name, value] of Object.entries(extras)) {
      if (known.has(name) && !emptyListField(record, name, value)) {
        this.problem(place, `「${name}」には専用の列があります。その列に書いてください`, `"${name}" has a column of its own: write it there`);
        return;
      }
      this.places.set(appendKey(path, name), place);
    }
    addExtras(target, extras as Json);
  }

  /** A plain column and its (JSON) column for one value object; never both. */
  either(row: ReadRow, plain: readonly string[], json: string): 'plain' | 'json' | 'none' {
    const hasPlain = plain.some((name) => Object.hasOwn(row.values, name));
    if (Object.hasOwn(row.values, json)) {
      if (hasPlain) this.problem(row.places[json]!, `(JSON) の列と他の列の両方に値があります。どちらか一方にしてください`, 'both the (JSON) column and the plain columns hold a value: keep one');
      return 'json';
    }
    return hasPlain ? 'plain' : 'none';
  }

  /** The period's target (目標の種類 + 目標, or 目標(JSON)) and actual (実績 + 達成, or 実績(JSON)). */
  period(period: Json, path: string, row: ReadRow): void {
    const v = row.values;
    const targetPath = appendKey(path, 'target');
    if (this.either(row, ['targetKind', 'target'], 'targetJson') === 'json') {
      define(period, 'target', v.targetJson);
      this.places.set(targetPath, row.places.targetJson!);
    } else {
      const kind = v.targetKind as string | undefined;
      const read = targetOf(kind, v.target as string | number | undefined);
      const place = row.places.target ?? row.places.targetKind ?? row.place;
      if ('error' in read) this.problems.push({ place: read.inKind ? row.places.targetKind! : place, message: read.error });
      else if (read.target !== undefined) {
        define(period, 'target', read.target);
        this.places.set(targetPath, place);
      }
    }
    const actualPath = appendKey(path, 'actual');
    if (this.either(row, ['actual', 'achievedEntered'], 'actualJson') === 'json') {
      define(period, 'actual', v.actualJson);
      this.places.set(actualPath, row.places.actualJson!);
      return;
    }
    const achieved = v.achievedEntered;
    if (achieved !== undefined && achieved !== ACHIEVED_LABELS.yes && achieved !== ACHIEVED_LABELS.no) {
      this.problem(row.places.achievedEntered!, `「${String(achieved)}」ではなく「${ACHIEVED_LABELS.yes}」か「${ACHIEVED_LABELS.no}」を選んでください`, `choose ${ACHIEVED_LABELS.yes} or ${ACHIEVED_LABELS.no}`);
      return;
    }
    const actual = v.actual;
    if (actual === undefined) {
      if (achieved !== undefined) this.problem(row.places.achievedEntered!, '実績の文がありません。「実績」に書いてください', 'the actual text is missing: write it in 実績');
      return;
    }
    this.places.set(actualPath, row.places.actual!);
    // A text under a numeric kind is a numeral for validation to read ("59.9%"); elsewhere it is the qualitative actual.
    const numeral = typeof actual === 'number' || (numericKind(v.targetKind as string | undefined) && achieved === undefined) || (v.targetKind === undefined && typeof v.target === 'number');
    if (numeral && achieved === undefined) define(period, 'actual', actual);
    else define(period, 'actual', { text: String(actual), ...(achieved !== undefined && { achieved: achieved === ACHIEVED_LABELS.yes }) });
  }

  /** 現状値 and 中期目標 of an indicator row. */
  indicatorValues(indicator: Json, path: string, row: ReadRow): void {
    const v = row.values;
    const better = v.better;
    if (better !== undefined) {
      const found = (Object.keys(BETTER_LABELS) as (keyof typeof BETTER_LABELS)[]).find((key) => BETTER_LABELS[key] === better);
      if (found) define(indicator, 'better', found);
      else this.problem(row.places.better!, `向きは「${BETTER_LABELS.higher}」か「${BETTER_LABELS.lower}」を選んでください`, `choose ${BETTER_LABELS.higher} (higher is better) or ${BETTER_LABELS.lower}`);
    }
    const baseline = this.either(row, ['baselineValue', 'baselineYear', 'baselineLabel'], 'baseline');
    const baselinePath = appendKey(path, 'baseline');
    if (baseline === 'json') {
      define(indicator, 'baseline', v.baseline);
      this.places.set(baselinePath, row.places.baseline!);
    } else if (baseline === 'plain') {
      const value: Json = {};
      this.fields(value, baselinePath, row, { baselineValue: 'value', baselineYear: 'fiscalYear', baselineLabel: 'label' });
      define(indicator, 'baseline', value);
    }
    const midTerm = this.either(row, ['midTermTarget', 'midTermBasis', 'midTermYear', 'midTermLabel'], 'midTerm');
    const midTermPath = appendKey(path, 'midTerm');
    if (midTerm === 'json') {
      define(indicator, 'midTerm', v.midTerm);
      this.places.set(midTermPath, row.places.midTerm!);
    } else if (midTerm === 'plain') {
      const value: Json = {};
      this.places.set(midTermPath, row.places.midTermTarget ?? row.place);
      this.fields(value, midTermPath, row, { midTermTarget: 'target', midTermYear: 'fiscalYear', midTermLabel: 'label' });
      if (v.midTermBasis !== undefined) {
        const basis = basisOf(String(v.midTermBasis));
        if (basis) define(value, 'basis', basis);
        else this.problem(row.places.midTermBasis!, '中期目標の基準を一覧から選んでください (目標年度・毎年度・累計・期間)', 'choose the basis from the list');
      }
      define(indicator, 'midTerm', value);
    }
  }

  private fields(target: Json, path: string, row: ReadRow, names: Record<string, string>): void {
    for (const [column, field] of Object.entries(names)) {
      if (!Object.hasOwn(row.values, column)) continue;
      define(target, field, row.values[column]);
      this.places.set(appendKey(path, field), row.places[column]!);
    }
  }

  /** なし in 人件費(行) / 事業評価(行): the row's own empty list. */
  ownList(row: ReadRow, column: string): boolean {
    const value = row.values[column];
    if (value === undefined) return false;
    if (value === EMPTY_LIST) return true;
    this.problem(row.places[column]!, `空にするか「${EMPTY_LIST}」と書いてください (行ごとの値は No. を付けて別のシートに書きます)`, `leave empty or write ${EMPTY_LIST}; a row's own entries go on their sheet with its No.`);
    return false;
  }
}

