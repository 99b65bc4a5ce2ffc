// The PDCA sheet laid out as on paper: bound by bureau (each bureau's rows under its own
// heading, numbered from No. 1 as its published sheet is), rows grouped by policy (the 施策
// cell and the 局施策評価 cells span the group), each row as tall as its indicators' lines
// (目標 / 実績 / 達成率, three per indicator). Pure: the page renders this, the tests read it.
import { formatFiscalYear } from '../../domain/era.js';
import type { Policy } from '../../domain/model.js';
import type { Sheet, SheetRow } from '../../interchange/sheet-rows.js';

/** The three printed lines of one indicator, in order. */
export const PERIOD_LINES = [
  { key: 'target', ja: '目標', en: 'Target' },
  { key: 'actual', ja: '実績', en: 'Actual' },
  { key: 'rate', ja: '達成率', en: 'Achievement rate' },
] as const;

export interface SheetLabels {
  /** `R3年度`, `R4年度`, `R5年度`: the indicator columns. */
  periods: string[];
  /** `R4年度予算額(千円)`, `R5年度予算額(千円)` */
  budgets: string[];
  /** `R3年度事業評価` */
  grade: string;
  /** `R3年度局施策評価` */
  policyGrade: string;
  /** `R5年度に向けて強化・見直した内容` */
  improvement: string;
}

export interface SheetRowView {
  row: SheetRow;
  /** Table lines the row takes: three per indicator, at least one. */
  lines: number;
}

export interface PolicyGroupView {
  policy: Policy;
  policyGrade?: string;
  policyImprovement?: string;
  rows: SheetRowView[];
  lines: number;
}

/** One bureau's rows of the sheet (or of the page shown). */
export interface BureauSheetView {
  /** Absent for rows of projects that name no bureau. */
  bureau?: string;
  groups: PolicyGroupView[];
  rowCount: number;
}

export interface SheetView {
  labels: SheetLabels;
  bureaus: BureauSheetView[];
  rowCount: number;
}

export function sheetLabels(sheet: Pick<Sheet, 'fiscalYear' | 'periodYears' | 'budgetYears'>): SheetLabels {
  const letter = (year: number) => formatFiscalYear(year, { letter: true });
  const toward = sheet.budgetYears[sheet.budgetYears.length - 1] ?? sheet.fiscalYear + 2;
  return {
    periods: sheet.periodYears.map(letter),
    budgets: sheet.budgetYears.map((year) => `${letter(year)}予算額(千円)`),
    grade: `${letter(sheet.fiscalYear)}事業評価`,
    policyGrade: `${letter(sheet.fiscalYear)}局施策評価`,
    improvement: `${letter(toward)}に向けて強化・見直した内容`,
  };
}

/**
 * Consecutive rows of a bureau form its section; consecutive rows under the same policy in it
 * form one group, as the paper prints one 施策 cell and one 局施策評価 over them (a policy
 * evaluation is a bureau's).
 */
export function sheetView(sheet: Sheet): SheetView {
  const bureaus: BureauSheetView[] = [];
  for (const row of sheet.rows) {
    let section = bureaus[bureaus.length - 1];
    if (!section || section.bureau !== row.bureau) {
      section = { ...(row.bureau !== undefined && { bureau: row.bureau }), groups: [], rowCount: 0 };
      bureaus.push(section);
    }
    section.rowCount += 1;
    const view: SheetRowView = { row, lines: Math.max(1, row.indicators.length * PERIOD_LINES.length) };
    const last = section.groups[section.groups.length - 1];
    if (last && last.policy.code === row.policy.code) {
      last.rows.push(view);
      last.lines += view.lines;
      continue;
    }
    section.groups.push({
      policy: row.policy,
      ...(row.policyGrade !== undefined && { policyGrade: row.policyGrade }),
      ...(row.policyImprovement !== undefined && { policyImprovement: row.policyImprovement }),
      rows: [view],
      lines: view.lines,
    });
  }
  return { labels: sheetLabels(sheet), bureaus, rowCount: sheet.rows.length };
}
