// Lines into rows: a row starts at a line with a No. (and perhaps a policy code); the
// lines after it add indicators, actuals and rates until the next row. Repeated lines of
// one No. (No. 11, 33) continue that row; an empty policy cell takes the row above's; a
// 事業評価 block printed above its row (No. 18) waits for the next row.
import type { Cell, SheetLine } from './cells.js';
import { isBaselineHeader, isCourse, isIndicatorHeader, looksLikeBaseline, splitLabel } from './cell-kinds.js';
import { readBlock } from './block.js';
import { isHeaderLine, readHeaderYears } from './header.js';
import { readIndicatorCells } from './indicator-cells.js';
import type { RawBlock, RawIndicator, RawRow, RawSheet, SheetYears } from './raw.js';
import type { Place, Reporter } from './report.js';
import { looksLikeBaselineCell, markerIndex, readRowHead } from './row-head.js';
import { despace } from './spaces.js';
import { sameProjectName } from './similar.js';

const REVISED = /※\s*中\s*期\s*目\s*標\s*改\s*訂\s*$/u;

interface Pending {
  indicators: RawIndicator[];
  block: RawBlock;
}

export function assemble(lines: SheetLine[], reporter: Reporter): RawSheet {
  const years: Partial<SheetYears> = {};
  const rows: RawRow[] = [];
  const byNo = new Map<number, RawRow>();
  let current: RawRow | undefined;
  let above: { code: string; title: string } | undefined;
  let pending: Pending | undefined;
  const firstYear = () => years.periods?.[0] ?? Number.NEGATIVE_INFINITY;

  for (const line of lines) {
    const place: Place = { page: line.page, line: line.line };
    if (isHeaderLine(line)) {
      readHeaderYears(line, years);
      continue;
    }
    const head = readRowHead(line.cells);
    if (head) {
      place.no = head.no;
      const known = byNo.get(head.no);
      if (known && !sameProjectName(despace(known.name), despace(head.name))) {
        reporter.unplaced(place, 'no', `No.${head.no} が別の事業「${despace(head.name)}」で再び現れました。この行は読みませんでした`, `No. ${head.no} appears again for another project ("${despace(head.name)}"); this line was not read`);
        continue;
      }
      const row = known ?? newRow(head.no, despace(head.name), place);
      if (!known) {
        if (head.policy) {
          row.policyCode = head.policy.code;
          row.policyTitle = head.policy.title;
          if (head.policy.romanOne) reporter.guessed(place, 'policy', `施策番号の (I) を (1) と読みました: ${head.policy.code}`, `read (I) in the policy code as (1): ${head.policy.code}`);
          above = { code: head.policy.code, title: head.policy.title };
        } else if (above) {
          row.policyCode = above.code;
          row.policyInherited = true;
        }
        if (head.sdgs) row.sdgs = head.sdgs;
        if (head.division) row.division = despace(head.division);
        rows.push(row);
        byNo.set(head.no, row);
      } else if (head.policy && head.policy.code !== known.policyCode) {
        reporter.unplaced(place, 'policy', `No.${head.no} の施策番号が行によって違います (${known.policyCode ?? '—'} / ${head.policy.code})`, `No. ${head.no} prints two policy codes (${known.policyCode ?? '—'} / ${head.policy.code})`);
      }
      current = row;
      if (pending) {
        row.indicators.unshift(...pending.indicators);
        mergeBlock(row, pending.block, reporter);
        reporter.guessed(place, 'evaluation', `No.${head.no} の行の上に印字された事業評価の欄と指標をこの行のものとしました`, `took the evaluation cells and indicator printed above No. ${head.no}'s line as its own`);
        pending = undefined;
      }
      readRowRest(head.rest, row, place, firstYear(), reporter);
      continue;
    }
    if (!current) {
      reporter.unplaced(place, undefined, `行の始まり (No.) より前の行を読めませんでした: ${preview(line.cells)}`, `a line before any row (No.) was not read: ${preview(line.cells)}`);
      continue;
    }
    place.no = current.no;
    const first = line.cells[0] as Cell;
    const firstLabel = splitLabel(first.text)?.label;
    if (firstLabel === '実績' || firstLabel === '達成率') {
      readResultLine(line.cells, current, place, firstYear(), reporter);
      continue;
    }
    const moved = readContinuation(line.cells, current, place, firstYear(), reporter);
    if (moved) {
      if (pending) reporter.unplaced(pending.block.place, 'evaluation', '行の上に印字された事業評価の欄の行が分かりません', 'cannot tell which row the evaluation cells printed above belong to');
      pending = moved;
    }
  }
  if (pending) reporter.unplaced(pending.block.place, 'evaluation', '事業評価の欄の後に行がありません', 'evaluation cells with no row after them');
  const sheet: RawSheet = { rows };
  if (years.periods && years.periods.length > 0) {
    sheet.years = { periods: years.periods, budgets: years.budgets ?? [] };
    if (years.evaluation !== undefined) sheet.years.evaluation = years.evaluation;
  }
  return sheet;
}

function newRow(no: number, name: string, place: Place): RawRow {
  return { no, place: { ...place }, name, indicators: [] };
}

function setSummary(row: RawRow, printed: string): void {
  row.summaryPrinted = printed;
  row.summary = despace(printed);
}

function newIndicator(place: Place, name?: string): RawIndicator {
  const indicator: RawIndicator = { place: { ...place }, revised: false, targets: [] };
  if (name !== undefined) setName(indicator, name);
  return indicator;
}

function setName(indicator: RawIndicator, printed: string): void {
  const name = despace(printed).replace(/\n/gu, '');
  indicator.revised = REVISED.test(name);
  indicator.name = name.replace(REVISED, '').trim();
}

/** Splits cells at the 成果の方向性 cell: the indicator's cells before it, the 事業評価 block from it. */
function splitAtCourse(cells: Cell[]): { values: Cell[]; block: Cell[] } {
  const marker = markerIndex(cells);
  const course = cells.findIndex((c, i) => i > marker && isCourse(c.text));
  return course < 0 ? { values: cells, block: [] } : { values: cells.slice(0, course), block: cells.slice(course) };
}

function readRowRest(rest: Cell[], row: RawRow, place: Place, firstYear: number, reporter: Reporter): void {
  const { values, block } = splitAtCourse(rest);
  const m = markerIndex(values);
  const between = m < 0 ? values : values.slice(0, m);
  let name: string | undefined;
  let baseline: string | undefined;
  const header = m >= 0 && isIndicatorHeader((values[m] as Cell).text);
  if (header || m < 0) {
    if (between[0] && row.summary === undefined) setSummary(row, between[0].text);
    for (const cell of between.slice(1)) unplacedCell(cell, place, reporter);
  } else if (between.length === 1) {
    if (row.summary === undefined) setSummary(row, (between[0] as Cell).text);
    else name = (between[0] as Cell).text;
  } else if (between.length === 2) {
    const [a, b] = between as [Cell, Cell];
    if (looksLikeBaselineCell(b.text)) {
      name = a.text;
      baseline = b.text;
      if (row.summary === undefined) reporter.unplaced(place, 'summary', '事業・取組概要の欄がありません', 'the summary cell is missing');
    } else {
      if (row.summary === undefined) setSummary(row, a.text);
      name = b.text;
    }
  } else if (between.length >= 3) {
    if (row.summary === undefined) setSummary(row, (between[0] as Cell).text);
    for (const cell of between.slice(1, -2)) unplacedCell(cell, place, reporter);
    name = (between[between.length - 2] as Cell).text;
    baseline = (between[between.length - 1] as Cell).text;
  }
  if (m >= 0) {
    const indicator = newIndicator(place, name);
    if (baseline !== undefined) indicator.baseline = baseline;
    let from = m;
    if (header) {
      const next = values[m + 1];
      if (next && isBaselineHeader(next.text)) from = m + 1;
      reporter.guessed(place, 'indicators', '指標名と現状値の欄に見出しの語が印字されています。値は次の行の指標のものとしました', 'the indicator name and baseline cells print header words; the values were given to the indicator on the next line');
    }
    readIndicatorCells(values.slice(from), indicator, firstYear, place, reporter);
    row.indicators.push(indicator);
  }
  if (block.length > 0) {
    const read = readBlock(block, { ...place }, reporter);
    if (mergeBlock(row, read, reporter) === 'conflict') {
      reporter.unplaced(place, 'evaluation', `No.${row.no} の事業評価の欄が行によって違います。最初の行のものを使いました`, `No. ${row.no} prints different evaluation cells on its lines; the first line's were used`);
    }
  }
}

/** A line that adds an indicator (and perhaps an evaluation block) to the current row; returns a block meant for the next row. */
function readContinuation(cells: Cell[], row: RawRow, place: Place, firstYear: number, reporter: Reporter): Pending | undefined {
  const { values, block } = splitAtCourse(cells);
  const m = markerIndex(values);
  let indicator: RawIndicator | undefined;
  if (m > 0) {
    const before = values.slice(0, m);
    indicator = newIndicator(place, (before[0] as Cell).text);
    if (before.length >= 2) indicator.baseline = (before[before.length - 1] as Cell).text;
    for (const cell of before.slice(1, -1)) unplacedCell(cell, place, reporter);
    readIndicatorCells(values.slice(m), indicator, firstYear, place, reporter);
  } else if (m < 0 && values.length > 0) {
    const last = row.indicators[row.indicators.length - 1];
    if (last && last.name === undefined) fillNameless(values, last, place, firstYear, reporter);
    else for (const cell of values) unplacedCell(cell, place, reporter);
  } else if (m === 0) {
    for (const cell of values) unplacedCell(cell, place, reporter);
  }
  const read = block.length > 0 ? readBlock(block, { ...place }, reporter) : undefined;
  if (read && row.block && blocksConflict(row.block, read)) {
    return { indicators: indicator ? [indicator] : [], block: read };
  }
  if (indicator) row.indicators.push(indicator);
  if (read) mergeBlock(row, read, reporter);
  return undefined;
}

/** The line under a row that printed header words: the indicator's name, baseline, actual and rate (No. 5–7). */
function fillNameless(values: Cell[], indicator: RawIndicator, place: Place, firstYear: number, reporter: Reporter): void {
  const [nameCell, ...rest] = values as [Cell, ...Cell[]];
  setName(indicator, nameCell.text);
  let at = 0;
  if (rest[0] && (looksLikeBaselineCell(rest[0].text) || looksLikeBaseline(rest[0].text, firstYear)) && indicator.baseline === undefined) {
    indicator.baseline = rest[0].text;
    at = 1;
  }
  const [actual, rate, ...more] = rest.slice(at);
  if (actual) indicator.actual = actual.text;
  if (rate) indicator.rate = rate.text;
  for (const cell of more) unplacedCell(cell, place, reporter);
  reporter.guessed(place, 'indicators', `「${indicator.name}」を上の行の目標の指標とし、続く値を実績と達成率としました`, `took "${indicator.name}" as the indicator of the targets above, and the values after it as its actual and rate`);
}

/** `実績 | 2,961 人`, `達成率 | 109.7 %`, `実績 | 40 事業 | 達成率 | 100.0 %`, `実績 | 79.3% (H25年度) | 83.1 %`. */
function readResultLine(cells: Cell[], row: RawRow, place: Place, firstYear: number, reporter: Reporter): void {
  let awaiting: '実績' | '達成率' | undefined;
  let target: RawIndicator | undefined;
  const put = (label: '実績' | '達成率', text: string) => {
    if (label === '実績') {
      target = pick(row, (i) => i.actual === undefined);
      if (!target) return unplacedText(text, place, reporter);
      target.actual = text;
      return;
    }
    const holder = target && target.rate === undefined ? target : pick(row, (i) => i.rate === undefined);
    if (holder) holder.rate = text;
    else if (row.indicators[row.indicators.length - 1]?.rate?.replace(/\s+/gu, '') !== text.replace(/\s+/gu, '')) unplacedText(text, place, reporter);
  };
  for (const cell of cells) {
    const labelled = splitLabel(cell.text);
    if (labelled && labelled.label !== '目標') {
      if (labelled.rest) put(labelled.label, labelled.rest);
      awaiting = labelled.rest ? undefined : labelled.label;
      continue;
    }
    if (awaiting === '実績' && looksLikeBaseline(cell.text, firstYear)) {
      const holder = pick(row, (i) => i.actual === undefined);
      if (holder && holder.baseline === undefined) {
        holder.baseline = cell.text;
        reporter.guessed(place, 'baseline', `実績の行の「${cell.text}」は年度が過去のため現状値としました`, `"${cell.text}" on the actual line is dated before the sheet's years, so it was taken as the baseline`);
        continue;
      }
    }
    if (awaiting) {
      put(awaiting, cell.text);
      awaiting = undefined;
    } else unplacedCell(cell, place, reporter);
  }
}

/** The row's last indicator when it qualifies, else its first that does. */
function pick(row: RawRow, wants: (i: RawIndicator) => boolean): RawIndicator | undefined {
  const last = row.indicators[row.indicators.length - 1];
  if (last && wants(last)) return last;
  return row.indicators.find(wants);
}

function blocksConflict(a: RawBlock, b: RawBlock): boolean {
  return a.course !== b.course || a.budgets.join() !== b.budgets.join();
}

/** Adds a block's cells to the row's; a second block that repeats the first fills its gaps. */
function mergeBlock(row: RawRow, block: RawBlock, reporter: Reporter): 'ok' | 'conflict' {
  if (!row.block) {
    row.block = block;
    return 'ok';
  }
  const have = row.block;
  if (blocksConflict(have, block)) return 'conflict';
  have.change ??= block.change;
  have.personnelCost ??= block.personnelCost;
  have.grade ??= block.grade;
  if (block.improvement !== undefined && have.improvement === undefined) have.improvement = block.improvement;
  else if (block.improvement !== undefined && block.improvement !== have.improvement) {
    if (have.policyText === undefined && block.policyGrade === undefined) {
      have.policyText = block.improvement;
      reporter.guessed(block.place, 'policyEvaluation', '改善内容の欄に別の文が印字されています。局施策評価の文としました', 'the improvement cell prints another text; it was taken as the policy evaluation text');
    } else {
      reporter.unplaced(block.place, 'improvement', '改善内容が行によって違います。最初の行のものを使いました', 'the improvement text differs between lines; the first was used');
    }
  }
  if (block.policyGrade !== undefined) have.policyGrade ??= block.policyGrade;
  if (block.policyText !== undefined && have.policyText === undefined) have.policyText = block.policyText;
  return 'ok';
}

function preview(cells: Cell[]): string {
  const text = cells.map((c) => c.text).join(' | ');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function unplacedText(text: string, place: Place, reporter: Reporter): void {
  const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  reporter.unplaced(place, undefined, `「${shown}」の置き場所が分かりません`, `cannot place "${shown}"`);
}

function unplacedCell(cell: Cell, place: Place, reporter: Reporter): void {
  unplacedText(cell.text, place, reporter);
}
