// The left part of a row's line: [施策番号・施策名] No. [SDGs] 事業名 所管課 [概要]
// [指標名 [現状値]], up to the 目標 label or the header words a row printed in their place.
import type { Cell } from './cells.js';
import { compact } from './cells.js';
import { type PolicyCell, isBaselineHeader, isDash, isIndicatorHeader, readPolicyCell, readRowNo, readSdgs, splitLabel } from './cell-kinds.js';

export interface RowHead {
  policy?: PolicyCell;
  no: number;
  sdgs?: number[];
  name: string;
  division?: string;
  /** The cells after the division (or the name, when no division was printed). */
  rest: Cell[];
}

const DIVISION = /(?:課|室|所|局|部|センター|係|担当|事務所)$/u;
const DIVISION_MAX = 16;

/** The head of a row's line, or undefined when the line does not start a row. */
export function readRowHead(cells: Cell[]): RowHead | undefined {
  let at = 0;
  const policy = cells[0] ? readPolicyCell(cells[0].text) : undefined;
  if (policy) at += 1;
  const no = cells[at] ? readRowNo((cells[at] as Cell).text) : undefined;
  if (no === undefined) return undefined;
  at += 1;
  if (cells.length - at < 2) return undefined;
  const sdgs = readSdgs((cells[at] as Cell).text);
  if (sdgs) at += 1;
  const nameCell = cells[at];
  if (!nameCell || splitLabel(nameCell.text)) return undefined;
  at += 1;
  const head: RowHead = { no, name: nameCell.text, rest: [] };
  if (policy) head.policy = policy;
  if (sdgs) head.sdgs = sdgs;
  const divisionCell = cells[at];
  if (divisionCell && isDivision(divisionCell.text)) {
    head.division = divisionCell.text;
    at += 1;
  }
  head.rest = cells.slice(at);
  return head;
}

function isDivision(text: string): boolean {
  const c = compact(text);
  return c.length <= DIVISION_MAX && DIVISION.test(c);
}

/** The index of the cell where an indicator's values start: a 目標 label or the 指標名等 header word. */
export function markerIndex(cells: Cell[]): number {
  return cells.findIndex((c) => splitLabel(c.text)?.label === '目標' || isIndicatorHeader(c.text) || isBaselineHeader(c.text));
}

const SENTENCE = /[のをにへでとがはもや、。()（）～~「」]/u;

/** A baseline cell: —, or a figure with a short unit and perhaps a year bracket (`64人`, `80,400 百万円 (R2 年)`). */
export function looksLikeBaselineCell(text: string): boolean {
  if (isDash(text)) return true;
  const c = compact(text).normalize('NFKC');
  const match = /^約?[0-9][0-9,.]*(.*)$/u.exec(c);
  if (!match) return false;
  const unit = (match[1] as string).replace(/[(（][^()（）]*[)）]$/u, '');
  return unit.length <= 6 && !SENTENCE.test(unit);
}
