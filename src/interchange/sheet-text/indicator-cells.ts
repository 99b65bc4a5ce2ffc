// The cells of one indicator on one line, from its 目標 label (or the header words a row
// printed in its place) up to the 成果の方向性 cell. Two layouts occur:
// - targets first: `目標 | R3 | R4 | R5 | 中期目標`, placed by column relative to the label
//   (a blank cell is a lost or empty target), possibly with a baseline printed first (No. 16);
// - inline: `目標 X | 実績 Y | 達成率 Z` and then, in any order, the mid-term and up to
//   three more targets (No. 24–26 print R3, R4, R5 after the R3 cells; No. 23 and 17 one).
import type { Cell } from './cells.js';
import { isDash, looksLikeBaseline, looksLikeMidTerm, splitLabel } from './cell-kinds.js';
import type { RawIndicator } from './raw.js';
import type { Place, Reporter } from './report.js';

const YEARS = 3;

/** Fills `indicator` from `cells` (the first is the 目標 label or the 現状値 header word). */
export function readIndicatorCells(cells: Cell[], indicator: RawIndicator, firstYear: number, place: Place, reporter: Reporter): void {
  if (cells.length === 0) return;
  const inline = cells.some((c) => splitLabel(c.text)?.label === '実績');
  if (inline) readInline(cells, indicator, firstYear, place, reporter);
  else readTargetsFirst(cells, indicator, firstYear, place, reporter);
}

function readTargetsFirst(cells: Cell[], indicator: RawIndicator, firstYear: number, place: Place, reporter: Reporter): void {
  const [marker, ...rest] = cells as [Cell, ...Cell[]];
  const markerRest = splitLabel(marker.text)?.rest ?? '';
  // `目標 X` carries the first year's target in the label's own column.
  const values: Cell[] = markerRest ? [{ col: marker.col, text: markerRest }, ...rest] : rest;
  const base = markerRest ? marker.col : marker.col + 1;
  let shift = 0;
  values.forEach((cell, i) => {
    const text = cell.text;
    if (i === 0 && indicator.baseline === undefined && looksLikeBaseline(text, firstYear)) {
      indicator.baseline = text;
      shift += 1;
      reporter.guessed(place, 'baseline', `目標の行の「${text}」は年度が過去のため現状値としました`, `"${text}" on the target line is dated before the sheet's years, so it was taken as the baseline`);
      return;
    }
    if (looksLikeMidTerm(text, firstYear)) {
      setMidTerm(indicator, text, place, reporter);
      return;
    }
    const index = cell.col - base - shift;
    if (index >= 0 && index < YEARS && indicator.targets[index] === undefined) indicator.targets[index] = text;
    else if (index >= YEARS && indicator.midTerm === undefined) indicator.midTerm = text;
    else reporter.unplaced(place, 'targets', `目標の行の「${text}」の年度が分かりません`, `cannot tell which year "${text}" on the target line belongs to`);
  });
}

type Awaiting = '目標' | '実績' | '達成率' | undefined;

function readInline(cells: Cell[], indicator: RawIndicator, firstYear: number, place: Place, reporter: Reporter): void {
  const extras: string[] = [];
  let awaiting: Awaiting;
  let seenActual = false;
  const put = (label: '目標' | '実績' | '達成率', text: string) => {
    if (label === '目標') indicator.targets[0] = text;
    else if (label === '実績') indicator.actual = text;
    else indicator.rate = text;
  };
  for (const cell of cells) {
    const labelled = splitLabel(cell.text);
    if (labelled) {
      if (labelled.label === '実績') seenActual = true;
      if (labelled.rest) put(labelled.label, labelled.rest);
      awaiting = labelled.rest ? undefined : labelled.label;
      continue;
    }
    const text = cell.text;
    if (awaiting) {
      if (awaiting === '実績' && indicator.baseline === undefined && looksLikeBaseline(text, firstYear)) {
        indicator.baseline = text;
        reporter.guessed(place, 'baseline', `実績の行の「${text}」は年度が過去のため現状値としました`, `"${text}" on the actual line is dated before the sheet's years, so it was taken as the baseline`);
        continue;
      }
      put(awaiting, text);
      awaiting = undefined;
      continue;
    }
    if (!seenActual) {
      // Between 目標 X and 実績: targets of the later years, in order.
      const free = indicator.targets.findIndex((t, i) => i > 0 && t === undefined);
      const index = free < 0 ? indicator.targets.length : free;
      if (index < YEARS) indicator.targets[index] = text;
      else extras.push(text);
      continue;
    }
    if (looksLikeMidTerm(text, firstYear)) setMidTerm(indicator, text, place, reporter);
    else extras.push(text);
  }
  if (indicator.midTerm === undefined && extras.length > 0 && isDash(extras[extras.length - 1] as string)) extras.pop();
  placeExtras(extras, indicator, place, reporter);
}

/** Targets printed after the R3 目標 / 実績 / 達成率 cells. */
function placeExtras(extras: string[], indicator: RawIndicator, place: Place, reporter: Reporter): void {
  if (extras.length === 0) return;
  if (extras.length >= YEARS) {
    const [r3, r4, r5, ...more] = extras as [string, string, string, ...string[]];
    if (indicator.targets[0] !== undefined && compactEq(indicator.targets[0], r3) === false) {
      reporter.unplaced(place, 'targets', `R3の目標が「${indicator.targets[0]}」と「${r3}」の二通り印字されています`, `the first year's target is printed twice, as "${indicator.targets[0]}" and "${r3}"`);
    }
    indicator.targets[0] ??= r3;
    indicator.targets[1] = r4;
    indicator.targets[2] = r5;
    reporter.guessed(place, 'targets', '達成率の後の3つの値を各年度の目標としました', 'took the three values after the achievement rate as the yearly targets');
    for (const text of more) reporter.unplaced(place, 'targets', `「${text}」の置き場所が分かりません`, `cannot place "${text}"`);
    return;
  }
  if (extras.length === 2) {
    indicator.targets[1] = extras[0];
    indicator.targets[2] = extras[1];
    reporter.guessed(place, 'targets', '達成率の後の2つの値を後の2年度の目標としました', 'took the two values after the R3 cells as the targets of the two later years');
    return;
  }
  indicator.loneTarget = extras[0];
}

function setMidTerm(indicator: RawIndicator, text: string, place: Place, reporter: Reporter): void {
  if (indicator.midTerm === undefined) indicator.midTerm = text;
  else reporter.unplaced(place, 'midTerm', `中期目標が二つあります (「${indicator.midTerm}」と「${text}」)`, `two mid-term targets ("${indicator.midTerm}" and "${text}")`);
}

function compactEq(a: string, b: string): boolean {
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');
}
