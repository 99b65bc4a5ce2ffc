// The dashboard as one CSV: every table of the page, one after the other, each line naming
// the table it belongs to, so a spreadsheet can filter by the first column.
import type { CsvTable } from './csv.js';
import { ATTENTION_LABELS } from './dashboard-attention.js';
import type { DashboardView } from './dashboard.js';

const HEADER = ['表', '項目', '年度', '件数', '金額(千円)', 'No.', '内容'] as const;

export function dashboardCsv(view: DashboardView): CsvTable {
  const rows: (string | number | null)[][] = [];
  const y = view.fiscalYear;
  for (const count of view.grades) rows.push(['事業評価', count.grade ?? '未評価', y, count.rows, null, null, null]);
  for (const bin of view.rateBins) rows.push(['達成率の分布', bin.label, y, bin.periods, null, null, null]);
  rows.push(['達成率の分布', '達成率なし', y, view.periodsWithoutRate, null, null, null]);
  for (const share of view.budgetByBureau) rows.push(['局別予算額', share.name, view.budgetYear, share.projects, share.amount, null, null]);
  for (const share of view.budgetBySdg) rows.push(['SDGsゴール別予算額', `ゴール${share.name}`, view.budgetYear, share.projects, share.amount, null, null]);
  rows.push(['予算額合計', '合計', view.budgetYear, view.projects, view.budgetTotal, null, null]);
  for (const item of view.attention) {
    const label = ATTENTION_LABELS[item.kind][0];
    const subject = item.projectName && item.projectName !== item.subject ? `${item.projectName}: ${item.subject}` : item.subject;
    rows.push([`要注意: ${label}`, subject, y, null, null, item.nos.join(' '), item.detail]);
  }
  if (!view.comparison) return { header: HEADER, rows };
  for (const entry of view.comparison.grades) {
    const grade = entry.grade ?? '未評価';
    rows.push(['前年度との比較: 事業評価', grade, view.previousYear, entry.previous, null, null, null]);
    rows.push(['前年度との比較: 事業評価', grade, y, entry.current, null, null, null]);
  }
  const { previous, current } = view.comparison.budget;
  rows.push(['前年度との比較: 予算額合計', '合計', previous.fiscalYear, null, previous.amount, null, null]);
  rows.push(['前年度との比較: 予算額合計', '合計', current.fiscalYear, null, current.amount, null, null]);
  return { header: HEADER, rows };
}
