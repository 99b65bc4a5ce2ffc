// A hyoka/1 document as the data workbook's rows: one list per table, each row keyed by the
// columns' machine names (tables.ts). Records keep their document order, so reading the
// rows back rebuilds every list in the same order.
import type { Evaluation, HyokaDocument, PersonnelCost, Project } from '../../domain/model.js';
import { KNOWN_FIELDS as KNOWN } from '../record-fields.js';
import { extrasOf, extrasWithEmptyLists } from './known-fields.js';
import {
  ACHIEVED_LABELS,
  BETTER_LABELS,
  BUDGETS_TABLE,
  EMPTY_LIST,
  EVALUATIONS_TABLE,
  INDICATORS_TABLE,
  PERIODS_TABLE,
  PERSONNEL_TABLE,
  PLACEMENTS_TABLE,
  plainColumns,
  POLICIES_TABLE,
  POLICY_EVALUATIONS_TABLE,
  PROJECTS_TABLE,
  type ColumnSpec,
  type TableSpec,
} from './tables.js';
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

/** A plain column's cell: the field as it is, lists of goals and keys as the clerk writes them. */
function cellOf(column: ColumnSpec, value: unknown): RowValue {
  if (column.kind === 'goals') return goals(value as number[] | undefined);
  if (column.kind === 'keys') return keys(value as string[] | undefined);
  return value as RowValue;
}

/**
 * The cells of a record's plain columns (tables.ts plainColumns), then its その他(JSON) with
 * its optional lists written `[]` (a row's own empty lists have their なし instead).
 */
function cells(spec: TableSpec, record: object, except: readonly string[] = []): DataRow {
  const row: DataRow = {};
  for (const column of plainColumns(spec, except)) row[column.name] = cellOf(column, (record as Record<string, unknown>)[column.name]);
  const name = spec.record!;
  row.extra = json(name === 'placement' ? extrasOf(record, KNOWN.placement) : extrasWithEmptyLists(record, name, KNOWN[name]));
  return row;
}

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
    row('document.extra', '文書のその他(JSON) / other fields', extrasWithEmptyLists(doc, 'document', KNOWN.document)),
  ];
}

export function dataRows(doc: HyokaDocument): DataRows {
  const rows: DataRows = {
    Settings: settingsRows(doc),
    Policies: doc.policies.map((policy) => cells(POLICIES_TABLE, policy)),
    Projects: [],
    Placements: [],
    Indicators: [],
    Periods: [],
    Budgets: [],
    PersonnelCosts: [],
    Evaluations: [],
    PolicyEvaluations: (doc.policyEvaluations ?? []).map((evaluation) => cells(POLICY_EVALUATIONS_TABLE, evaluation)),
  };
  for (const project of doc.projects) addProject(rows, project);
  return rows;
}

function addProject(rows: DataRows, project: Project): void {
  const key = project.key;
  rows.Projects!.push(cells(PROJECTS_TABLE, project));
  for (const placement of project.placements) {
    rows.Placements!.push({
      project: key,
      ...cells(PLACEMENTS_TABLE, placement),
      personnelCosts: own(placement.personnelCosts),
      evaluations: own(placement.evaluations),
    });
  }
  for (const indicator of project.indicators ?? []) {
    rows.Indicators!.push({
      project: key,
      ...cells(INDICATORS_TABLE, indicator, ['better']),
      better: indicator.better === undefined ? undefined : BETTER_LABELS[indicator.better],
      ...baselineCells(indicator.baseline),
      ...midTermCells(indicator.midTerm),
    });
    for (const period of indicator.periods ?? []) {
      rows.Periods!.push({
        project: key,
        indicator: indicator.key,
        ...cells(PERIODS_TABLE, period, ['target', 'actual']),
        ...targetCells(period.target),
        ...actualCells(period.actual, ACHIEVED_LABELS),
        achievementRate: period.achievementRate,
        achieved: period.achieved === undefined || period.achieved === null ? undefined : period.achieved ? ACHIEVED_LABELS.yes : ACHIEVED_LABELS.no,
        midTermProgress: period.midTermProgress,
      });
    }
  }
  for (const budget of project.budgets ?? []) rows.Budgets!.push({ project: key, ...cells(BUDGETS_TABLE, budget), change: budget.change });
  const costs = (list: PersonnelCost[] | undefined, no: number | undefined) => {
    for (const cost of list ?? []) rows.PersonnelCosts!.push({ project: key, no, ...cells(PERSONNEL_TABLE, cost) });
  };
  const evaluations = (list: Evaluation[] | undefined, no: number | undefined) => {
    for (const evaluation of list ?? []) {
      rows.Evaluations!.push({ project: key, no, ...cells(EVALUATIONS_TABLE, evaluation), suggestedGrade: evaluation.suggestedGrade });
    }
  };
  costs(project.personnelCosts, undefined);
  evaluations(project.evaluations, undefined);
  for (const placement of project.placements) {
    costs(placement.personnelCosts, placement.no);
    evaluations(placement.evaluations, placement.no);
  }
}
