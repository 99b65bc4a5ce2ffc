// A project page as one CSV: Plan, Do, Check and Action lines, each naming its part, with
// the values written as the page shows them.
import type { CsvTable } from './csv.js';
import type { ActionView, ProjectView } from './project.js';

const HEADER = ['区分', 'No.', '年度', '項目', '値', '内容'] as const;

type Line = (string | number | null)[];

export function projectCsv(view: ProjectView): CsvTable {
  const rows: Line[] = [];
  rows.push(['Plan 事業', null, null, view.key, view.name, [view.bureau, view.division].filter(Boolean).join(' ')]);
  rows.push(['Plan 概要', null, null, '事業・取組概要', view.plan.summary, null]);
  rows.push(['Plan SDGs', null, null, 'SDGsゴール', view.plan.sdgs.join(' '), null]);
  for (const placement of view.plan.placements) {
    rows.push(['Plan 施策', placement.no, null, placement.policyCode, placement.policyTitle, placement.summary]);
  }
  for (const cost of view.costs) {
    rows.push(['Do 予算額', null, cost.fiscalYear, '予算額(千円)', cost.budget ?? null, cost.change]);
    // Each figure as the sheet prints it, with its rows; a total only where there are several, labelled.
    for (const share of cost.personnelCosts) rows.push(['Do 人件費', share.nos.join(' '), cost.fiscalYear, '人件費(目安)(千円)', share.amount, null]);
    if (cost.personnelCosts.length > 1) rows.push(['Do 人件費合計', null, cost.fiscalYear, '人件費(目安)の合計(千円)', cost.personnelCostTotal ?? null, null]);
    rows.push(['Do 総コスト', null, cost.fiscalYear, '総コスト(千円)', cost.total ?? null, null]);
  }
  for (const indicator of view.indicators) {
    const nos = indicator.nos.join(' ');
    rows.push(['Check 指標', nos, null, indicator.name, indicator.baseline, '現状値(基準値)']);
    rows.push(['Check 指標', nos, null, indicator.name, indicator.midTerm, '中期目標']);
    for (const revision of indicator.revisions) {
      rows.push(['Check 中期目標改訂', nos, revision.fiscalYear ?? null, indicator.name, revision.previous ?? null, revision.reason]);
    }
    for (const period of indicator.periods) {
      rows.push(['Check 目標', nos, period.fiscalYear, indicator.name, period.target, null]);
      rows.push(['Check 実績', nos, period.fiscalYear, indicator.name, period.actual, period.achieved === null ? null : period.achieved ? '達成' : '未達成']);
      rows.push(['Check 達成率', nos, period.fiscalYear, indicator.name, period.rate, null]);
      rows.push(['Check 中期目標に対する進捗', nos, period.fiscalYear, indicator.name, period.midTermProgress, null]);
    }
  }
  for (const action of view.actions) rows.push(...actionLines('Action', action));
  for (const action of view.earlier) rows.push(...actionLines('過去の評価', action));
  return { header: HEADER, rows };
}

function actionLines(part: string, action: ActionView): Line[] {
  const nos = action.nos.join(' ');
  const lines: Line[] = [
    [`${part} 事業評価`, nos, action.fiscalYear, '事業評価', action.grade ?? null, action.suggestedGrade === null ? null : `提案: ${action.suggestedGrade}`],
    [`${part} 成果の方向性`, nos, action.fiscalYear, '成果の方向性', action.course ?? null, null],
    [`${part} 強化・見直した内容`, nos, action.fiscalYear, '強化・見直した内容', action.improvement ?? null, null],
  ];
  if (action.gradeReason !== undefined) lines.splice(1, 0, [`${part} 評価の理由`, nos, action.fiscalYear, '評価の理由', action.gradeReason, null]);
  return lines;
}
