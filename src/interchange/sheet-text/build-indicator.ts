// One indicator from the raw cells of every line that printed it (a project's rows may
// print the same indicator, each with some cells lost): the unit from the figures, then
// targets, actual, baseline and mid-term read with target-text.ts in that unit.
import type { Actual, Indicator, Period, Target } from '../../domain/model.js';
import { inUnit, readQuantity } from '../../domain/quantity.js';
import { classifyTarget, readBaseline, readMidTerm } from '../../domain/target-text.js';
import { compact } from './cells.js';
import { isDash } from './cell-kinds.js';
import type { RawIndicator } from './raw.js';
import type { Place, Reporter } from './report.js';
import { despace, despaceLabel } from './spaces.js';

const NOT_A_UNIT = /削減|増|減|向上|低下|改善|倍|[のをにへでとがはもや、。()（）]/u;
const FIGURE_IN_TEXT = /[0-9][0-9,.]*(%|[^0-9%削減増減向上低下改善倍のをにへでとがはもや、。()（）年度]{1,2}(?=削減|増|減|以上|以下|$))/u;
const PREVIOUS_YEAR_BRACKET = /前年度比[(（]([^()（）]*)[)）]/u;

/** The unit of the first figure among the texts: `181,809 万 円` → `万円`, `54.0 %` → `%`, `10位以内` → `位`. */
export function unitOf(texts: (string | undefined)[]): string {
  for (const text of texts) {
    if (text === undefined) continue;
    let c = compact(text).replace(/[(（][^()（）]*[)）]$/u, '');
    const bracket = PREVIOUS_YEAR_BRACKET.exec(compact(text));
    if (bracket) c = bracket[1] as string;
    const quantity = readQuantity(c);
    if (!quantity.ok) continue;
    const unit = (quantity.value.multiplier ?? '') + quantity.value.unit;
    if (quantity.value.unit.length <= 6 && !NOT_A_UNIT.test(quantity.value.unit)) return unit;
  }
  // No figure stands alone (`約20%削減` is a relative target): the unit written after the first numeral anywhere.
  for (const text of texts) {
    const match = text === undefined ? null : FIGURE_IN_TEXT.exec(compact(text).normalize('NFKC'));
    if (match) return match[1] as string;
  }
  return '';
}

/** Cells of the same indicator from several lines: the first printed value of each cell wins. */
export function mergeRaw(raws: RawIndicator[], reporter: Reporter): RawIndicator {
  const [first, ...others] = raws as [RawIndicator, ...RawIndicator[]];
  const merged: RawIndicator = { ...first, targets: [...first.targets] };
  for (const other of others) {
    merged.revised ||= other.revised;
    merged.baseline ??= other.baseline;
    merged.midTerm ??= other.midTerm;
    merged.actual ??= other.actual;
    merged.loneTarget ??= other.loneTarget;
    other.targets.forEach((t, i) => {
      if (t === undefined) return;
      const have = merged.targets[i];
      if (have === undefined) merged.targets[i] = t;
      else if (compact(have) !== compact(t)) {
        reporter.unplaced(other.place, `targets[${i}]`, `「${merged.name}」の目標が行によって違います (「${have}」/「${t}」)。最初のものを使いました`, `"${merged.name}" prints different targets on different rows ("${have}" / "${t}"); the first was used`);
      }
    });
  }
  return merged;
}

export interface BuildContext {
  periods: number[];
  reporter: Reporter;
}

export function buildIndicator(raw: RawIndicator, key: string, context: BuildContext): Indicator {
  const { periods, reporter } = context;
  const place: Place = raw.place;
  const name = raw.name as string;
  const unit = unitOf([...raw.targets, raw.loneTarget, raw.actual, raw.baseline, raw.midTerm]);
  const asUnit = unit === '' ? undefined : unit;
  const indicator: Indicator = { key, name, unit };
  if (raw.baseline !== undefined) {
    const baseline = readBaseline(despaceLabel(raw.baseline), asUnit);
    if (baseline) indicator.baseline = baseline;
  }
  if (raw.midTerm !== undefined) {
    const midTerm = readMidTerm(despaceLabel(raw.midTerm), asUnit);
    if (midTerm.ok && midTerm.value) indicator.midTerm = midTerm.value;
    else if (!midTerm.ok) reporter.unplaced(place, 'midTerm', `「${name}」の中期目標を読めません: ${midTerm.error}`, `cannot read the mid-term of "${name}"`);
  }
  const targets = [...raw.targets];
  if (raw.loneTarget !== undefined) placeLoneTarget(raw.loneTarget, targets, indicator, periods, asUnit, name, place, reporter);
  const list: Period[] = [];
  let rank = false;
  let decimals = 0;
  periods.forEach((fiscalYear, i) => {
    const text = targets[i];
    const actualText = i === 0 ? raw.actual : undefined;
    if (text === undefined && (actualText === undefined || isDash(actualText))) return;
    const period: Period = { fiscalYear };
    let target: Target | undefined;
    if (text !== undefined) {
      const read = classifyTarget(despace(text), asUnit);
      if (read.ok) target = read.value;
      else reporter.unplaced(place, `targets[${i}]`, `「${name}」の目標を読めません: ${read.error}`, `cannot read a target of "${name}"`);
      if (target !== undefined) period.target = target;
      if (typeof target === 'object' && target.kind === 'rank') rank = true;
      decimals = Math.max(decimals, decimalsOf(text));
    }
    if (actualText !== undefined && !isDash(actualText)) {
      const actual = readActual(despace(actualText), target, asUnit);
      if (actual === undefined) reporter.unplaced(place, 'actual', `「${name}」の実績「${actualText}」を数値として読めません`, `cannot read the actual "${actualText}" of "${name}" as a number`);
      else period.actual = actual;
      decimals = Math.max(decimals, decimalsOf(actualText));
    }
    list.push(period);
  });
  if (rank) indicator.better = 'lower';
  if (decimals > 0) indicator.decimals = Math.min(decimals, 4);
  if (list.length > 0) indicator.periods = list;
  return indicator;
}

/** A lone target after the R3 cells: the last year's when it equals a mid-term due that year, else the next year's. */
function placeLoneTarget(text: string, targets: (string | undefined)[], indicator: Indicator, periods: number[], unit: string | undefined, name: string, place: Place, reporter: Reporter): void {
  const value = classifyTarget(despace(text), unit);
  const mid = indicator.midTerm;
  const last = periods.length - 1;
  const dueLast = mid && mid.basis === 'by-year' && mid.fiscalYear === periods[last] && value.ok && value.value === mid.target;
  const index = dueLast ? last : periods.findIndex((_, i) => i > 0 && targets[i] === undefined);
  if (index <= 0 || index > last || targets[index] !== undefined) {
    reporter.unplaced(place, 'targets', `「${name}」の目標「${text}」の年度が分かりません`, `cannot tell the year of the target "${text}" of "${name}"`);
    return;
  }
  targets[index] = text;
  reporter.guessed(place, `targets[${index}]`, `「${name}」の年度の書かれていない目標「${text}」を${periods[index]}年度のものとしました${dueLast ? ' (中期目標と同じ値のため)' : ''}`, `took the undated target "${text}" of "${name}" as FY${periods[index]}'s${dueLast ? ' (it equals the mid-term due that year)' : ''}`);
}

function readActual(text: string, target: Target | undefined, unit: string | undefined): Actual | undefined {
  if (typeof target === 'object' && target.kind === 'qualitative') {
    const actual: Actual = { text };
    if (target.text === text) actual.achieved = true;
    return actual;
  }
  const quantity = readQuantity(compact(text));
  if (!quantity.ok) return undefined;
  if (unit === undefined) return quantity.value.value;
  const converted = inUnit(quantity.value, unit);
  return converted.ok ? converted.value : undefined;
}

function decimalsOf(text: string): number {
  const match = /[0-9]\.([0-9]+)/u.exec(compact(text).normalize('NFKC'));
  return match ? (match[1] as string).length : 0;
}
