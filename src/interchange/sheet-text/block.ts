// The 事業評価 block of a line, from 成果の方向性 on: 予算額 ×2, 事業費の増減, 人件費(目安),
// 事業評価, its 強化・見直した内容, then the 局施策評価 and its text (either may be missing).
import type { Cell } from './cells.js';
import { readAmount, readChange, readGrade } from './cell-kinds.js';
import type { RawBlock } from './raw.js';
import type { Place, Reporter } from './report.js';
import { despace } from './spaces.js';

export function readBlock(cells: Cell[], place: Place, reporter: Reporter): RawBlock {
  const block: RawBlock = { place, budgets: [] };
  const [courseCell, ...rest] = cells;
  if (courseCell) block.course = courseCell.text.replace(/\s+/gu, '');
  for (const cell of rest) {
    const amount = readAmount(cell.text);
    if (amount !== undefined && block.grade === undefined) {
      if (block.change === undefined && block.budgets.length < 2) block.budgets.push(amount);
      else if (block.personnelCost === undefined) block.personnelCost = amount;
      else unplaced(cell, place, reporter);
      continue;
    }
    const change = readChange(cell.text);
    if (change && block.change === undefined && block.grade === undefined) {
      block.change = change;
      continue;
    }
    const grade = readGrade(cell.text);
    if (grade) {
      if (block.grade === undefined) block.grade = grade;
      else if (block.policyGrade === undefined && block.policyText === undefined) block.policyGrade = grade;
      else unplaced(cell, place, reporter);
      continue;
    }
    const text = despace(cell.text);
    if (block.grade !== undefined && block.improvement === undefined && block.policyGrade === undefined) block.improvement = text;
    else if (block.grade !== undefined && block.policyText === undefined) block.policyText = text;
    else unplaced(cell, place, reporter);
  }
  return block;
}

function unplaced(cell: Cell, place: Place, reporter: Reporter): void {
  const shown = cell.text.length > 30 ? `${cell.text.slice(0, 30)}…` : cell.text;
  reporter.unplaced(place, 'evaluation', `事業評価の欄の「${shown}」の置き場所が分かりません`, `cannot place "${shown}" in the evaluation cells`);
}
