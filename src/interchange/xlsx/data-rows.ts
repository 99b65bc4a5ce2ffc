// A hyoka/1 document as the data workbook's rows: one list per table, each row keyed by the
// columns' machine names (tables.ts). Records keep their document order, so reading the
// rows back rebuilds every list in the same order.
import type { Evaluation, HyokaDocument, PersonnelCost, Project } from '../../domain/model.js';
import { extrasOf, KNOWN } from './known-fields.js';
import { ACHIEVED_LABELS, BETTER_LABELS, EMPTY_LIST } from './tables.js';
import { actualCells, baselineCells, midTermCells, targetCells } from './value-cells.js';

export type RowValue = string | number | boolean | null | undefined;
export type DataRow = Record<string, RowValue>;

/** Rows per table name (TableSpec.table). */
export type DataRows = Record<string, DataRow[]>;

const json = (value: object | undefined) => (value === undefined ? undefined : JSON.stringify(value));
const goals = (list: readonly number[] | undefined) => (list === undefined ? undefined : list.length === 0 ? EMPTY_LIST : list.join(', '));
const keys = (list: readonly string[] | undefined) => (list === undefined ? undefined : list.length === 0 ? EMPTY_LIST : list.join(', '));
/** 人件費(行) / 事業評価(行): なし marks a row's own empty list; a row's entries carry its No. */
const own = (list: readonly unknown[] | undefined) => (list !== undefined && list.length === 0 ? EMPTY_LIST : undefined);

/** The 設定 rows: key, label, value (text, number, or JSON for lists and objects). */
export function settingsRows(doc: Pick<HyokaDocument, 'organization' | 'plan' | 'settings'> & Partial<HyokaDocument>): DataRow[] {
  const settings = doc.settings;
  const row = (key: string, label: string, value: RowValue | object) => ({
    key,
    label,
    value: value !== null && typeof value === 'object' ? JSON.stringify(value) : value,
  });
  return [
    row('organization.name', '団体名 / organization name', doc.organization.name),
    row('organization.code', '団体コード / organization code', doc.organization.code),
    row('organization.extra', '団体のその他(JSON) / other fields', extrasOf(doc.organization, KNOWN.organization)),
    row('plan.name', '基本計画の名前 / plan name', doc.plan?.name),
    row('plan.extra', '基本計画のその他(JSON) / other fields', doc.plan && extrasOf(doc.plan, KNOWN.plan)),
    row('settings.grades', '評価の段階(JSON) / grades, best first', settings?.grades),
    row('settings.gradeBands', '評価の境目(%、JSON) / grade bands', settings?.gradeBands),
    row('settings.courses', '成果の方向性(JSON) / courses', settings?.courses),
    row('settings.budgetFlatBand', '維持とみなす増減(%) / budget flat band', settings?.budgetFlatBand),
    row('settings.rateDecimals', '達成率の小数桁数 / rate decimals', settings?.rateDecimals),
    // {} here keeps an empty `settings: {}` apart from none at all.
    row('settings.extra', '設定のその他(JSON) / other settings', settings && (extrasOf(settings, KNOWN.settings) ?? (Object.keys(settings).length === 0 ? {} : undefined))),
    row('document.extra', '文書のその他(JSON) / other fields', extrasOf(doc, KNOWN.document)),
  ];
}

export function dataRows(doc: HyokaDocument): DataRows {
  const rows: DataRows = {
    Settings: settingsRows(doc),
    Policies: doc.policies.map((policy) => ({ code: policy.code, title: policy.title, extra: json(extrasOf(policy, KNOWN.policy)) })),
    Projects: [],
    Placements: [],
    Indicators: [],
    Periods: [],
    Budgets: [],
    PersonnelCosts: [],
    Evaluations: [],
    PolicyEvaluations: (doc.policyEvaluations ?? []).map((evaluation) => ({
      policy: evaluation.policy,
      bureau: evaluation.bureau,
      fiscalYear: evaluation.fiscalYear,
      grade: evaluation.grade,
      improvement: evaluation.improvement,
      extra: json(extrasOf(evaluation, KNOWN.policyEvaluation)),
    })),
  };
  for (const project of doc.projects) addProject(rows, project);
  return rows;
}

function addProject(rows: DataRows, project: Project): void {
  const key = project.key;
  rows.Projects!.push({
    key,
    name: project.name,
    bureau: project.bureau,
    division: project.division,
    summary: project.summary,
    sdgs: goals(project.sdgs),
    extra: json(extrasOf(project, KNOWN.project)),
  });
  for (const placement of project.placements) {
    rows.Placements!.push({
      project: key,
      policy: placement.policy,
      no: placement.no,
      summary: placement.summary,
      sdgs: goals(placement.sdgs),
      indicators: keys(placement.indicators),
      personnelCosts: own(placement.personnelCosts),
      evaluations: own(placement.evaluations),
      extra: json(extrasOf(placement, KNOWN.placement)),
    });
  }
  for (const indicator of project.indicators ?? []) {
    rows.Indicators!.push({
      project: key,
      key: indicator.key,
      name: indicator.name,
      unit: indicator.unit,
      better: indicator.better === undefined ? undefined : BETTER_LABELS[indicator.better],
      decimals: indicator.decimals,
      ...baselineCells(indicator.baseline),
      ...midTermCells(indicator.midTerm),
      extra: json(extrasOf(indicator, KNOWN.indicator)),
    });
    for (const period of indicator.periods ?? []) {
      rows.Periods!.push({
        project: key,
        indicator: indicator.key,
        fiscalYear: period.fiscalYear,
        ...targetCells(period.target),
        ...actualCells(period.actual, ACHIEVED_LABELS),
        extra: json(extrasOf(period, KNOWN.period)),
        achievementRate: period.achievementRate,
        achieved: period.achieved === undefined || period.achieved === null ? undefined : period.achieved ? ACHIEVED_LABELS.yes : ACHIEVED_LABELS.no,
        midTermProgress: period.midTermProgress,
      });
    }
  }
  for (const budget of project.budgets ?? []) {
    rows.Budgets!.push({ project: key, fiscalYear: budget.fiscalYear, amount: budget.amount, extra: json(extrasOf(budget, KNOWN.budget)), change: budget.change });
  }
  const costs = (list: PersonnelCost[] | undefined, no: number | undefined) => {
    for (const cost of list ?? []) rows.PersonnelCosts!.push({ project: key, no, fiscalYear: cost.fiscalYear, amount: cost.amount, extra: json(extrasOf(cost, KNOWN.personnelCost)) });
  };
  const evaluations = (list: Evaluation[] | undefined, no: number | undefined) => {
    for (const evaluation of list ?? []) {
      rows.Evaluations!.push({
        project: key,
        no,
        fiscalYear: evaluation.fiscalYear,
        grade: evaluation.grade,
        gradeReason: evaluation.gradeReason,
        course: evaluation.course,
        improvement: evaluation.improvement,
        extra: json(extrasOf(evaluation, KNOWN.evaluation)),
        suggestedGrade: evaluation.suggestedGrade,
      });
    }
  };
  costs(project.personnelCosts, undefined);
  evaluations(project.evaluations, undefined);
  for (const placement of project.placements) {
    costs(placement.personnelCosts, placement.no);
    evaluations(placement.evaluations, placement.no);
  }
}
