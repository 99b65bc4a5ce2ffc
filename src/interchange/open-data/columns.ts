// The columns of the open data's project list (事業一覧): one row per project for one
// evaluated fiscal year, with the later budget year's figures and the year's evaluation.
// The periods and budgets datasets reuse the CSV tables' columns (../csv/columns.ts).
import { BUDGET_CHANGES, type Column } from '../csv/columns.js';

export const PROJECT_COLUMNS: readonly Column[] = [
  { name: 'organizationCode', header: '全国地方公共団体コード', type: 'code', role: 'key', ja: '総務省の全国地方公共団体コード (6桁、検査数字付き)', en: "the organization's 6-digit local government code (with check digit)" },
  { name: 'organizationName', header: '地方公共団体名', type: 'string', role: 'label', ja: '団体名', en: 'name of the organization' },
  { name: 'fiscalYear', header: '評価年度', type: 'integer', role: 'key', ja: '実績を評価した年度 (西暦)', en: 'the fiscal year whose results are evaluated (Western year)' },
  { name: 'fiscalYearEra', header: '評価年度(和暦)', type: 'string', role: 'label', ja: '評価年度の和暦表記', en: 'the evaluated fiscal year in the Japanese era' },
  { name: 'projectKey', header: '事業キー', type: 'code', role: 'key', ja: '事業を識別するキー', en: 'the key that identifies the project' },
  { name: 'projectName', header: '事業名', type: 'string', role: 'label', ja: '主な事業・取組の名称', en: 'name of the project' },
  { name: 'bureau', header: '局', type: 'string', role: 'label', ja: '所管する局', en: 'the bureau in charge' },
  { name: 'division', header: '所管課', type: 'string', role: 'label', ja: '所管する課', en: 'the division in charge' },
  { name: 'policyCodes', header: '施策コード', type: 'string', role: 'label', ja: '事業が位置づけられた施策のコード。複数は「;」区切り', en: "codes of the policies the project serves, separated by ';'" },
  { name: 'rowNumbers', header: 'No.', type: 'string', role: 'label', ja: 'PDCAシートの行番号。複数は「;」区切り', en: "the project's row numbers on the PDCA sheet, separated by ';'" },
  { name: 'sdgs', header: 'SDGsゴール', type: 'string', role: 'label', ja: '関連する SDGs のゴール番号 (1–17)、「;」区切り', en: "related SDG goal numbers (1–17), separated by ';'" },
  { name: 'summary', header: '事業・取組概要', type: 'string', role: 'label', ja: '事業の概要', en: 'summary of the project' },
  { name: 'budgetYear', header: '予算年度', type: 'integer', role: 'label', ja: '予算額の年度 (評価年度の2年後、シートの後の予算年度)', en: "the budget's fiscal year (two years after the evaluated one, the sheet's later budget year)" },
  { name: 'budget', header: '予算額(千円)', type: 'integer', role: 'label', unit: '千円', ja: '予算年度の予算額', en: 'budget of the budget year' },
  { name: 'previousBudget', header: '前年度予算額(千円)', type: 'integer', role: 'label', unit: '千円', ja: '予算年度の前年度の予算額', en: 'budget of the year before the budget year' },
  { name: 'budgetChange', header: '事業費の増減', type: 'string', role: 'computed', values: BUDGET_CHANGES, ja: '前年度と比べた予算額の増減', en: 'change of the budget against the year before' },
  { name: 'personnelCost', header: '人件費(目安)(千円)', type: 'integer', role: 'label', unit: '千円', ja: '予算年度の人件費の目安 (行ごとの額がある場合はその合計)', en: "estimated personnel cost of the budget year (the rows' own figures added where they have them)" },
  { name: 'grade', header: '事業評価', type: 'string', role: 'label', ja: '評価年度の事業評価。行ごとに異なる場合は空で「行ごとの評価」を参照', en: 'the grade of the evaluated year; empty where rows differ (see 行ごとの評価)' },
  { name: 'suggestedGrade', header: '評価の目安', type: 'string', role: 'computed', ja: '達成率から自動で求めた評価の目安', en: 'the grade suggested from the achievement rates' },
  { name: 'course', header: '成果の方向性', type: 'string', role: 'label', ja: '今後の方向性 (拡大・継続・改善…)', en: 'the course for the project (拡大, 継続, 改善…)' },
  { name: 'improvement', header: '強化・見直した内容', type: 'string', role: 'label', ja: '次年度に向けて強化・見直した内容', en: 'what is strengthened or revised for the next year' },
  { name: 'byRow', header: '行ごとの評価', type: 'string', role: 'label', ja: '行 (No.) ごとに評価が異なる場合の各行の事業評価と成果の方向性', en: 'grade and course of each row (No.) where the rows differ' },
];
