// hyoka/1 records to table rows and back, by each table's layout (schema.ts): a row holds
// the record's value fields in columns (value objects as JSON text) and everything else in
// `extra`, so that a record read back equals the record written: unknown fields kept, `""`
// distinct from absent, `[]` distinct from an absent list. compute()'s fields are neither
// stored nor restored. No field is named here: the layouts derive them from the schema.
import type {
  Budget,
  Evaluation,
  HyokaDocument,
  Indicator,
  Organization,
  Period,
  PersonnelCost,
  Placement,
  Policy,
  PolicyEvaluation,
  Project,
} from '../domain/model.js';
import { KNOWN_FIELDS, RECORD_FIELDS } from '../interchange/record-fields.js';
import { emptyLists, extraOf, FILL, json } from './row-values.js';
import { COLUMNS, LAYOUTS, type Json, type Row, type TableLayout, type TableName } from './schema.js';

/** A row as built from a record, before it has its primary key. */
export type NewRow<T extends TableName> = Omit<Row<T>, 'id'>;

type Fields = Record<string, unknown>;

/** Adds the stored unknown fields back to a record. */
function withExtra<T extends object>(record: T, extra: Json): T {
  if (extra === null) return record;
  const fields = JSON.parse(extra) as Fields;
  for (const name of Object.keys(fields)) {
    Object.defineProperty(record, name, { value: fields[name], enumerable: true, writable: true, configurable: true });
  }
  return record;
}

function parse<T>(text: Json): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

function wasEmpty(emptyListNames: string | null, name: string): boolean {
  return emptyListNames !== null && emptyListNames.split(',').includes(name);
}

/** A child list as written: its records, `[]` when written empty, else absent. */
export function listAsWritten<T>(items: T[] | undefined, emptyListNames: string | null, name: string): T[] | undefined {
  if (items && items.length > 0) return items;
  return wasEmpty(emptyListNames, name) ? [] : undefined;
}

/**
 * The record of a row, in the schema's field order: `start` holds the fields the caller
 * knows (a row's policy code), `children` the lists read from other tables.
 */
function recordOf<R extends object>(table: TableName, row: object, start: Fields, children: Fields = {}): R {
  const layout = LAYOUTS[table];
  const record = start;
  for (const step of readPlans.get(layout)!) {
    if (step.list !== undefined) {
      const items = children[step.list] as unknown[] | undefined;
      if (step.required) record[step.list] = items ?? [];
      else {
        const written = listAsWritten(items, (row as { empty_lists?: string | null }).empty_lists ?? null, step.list);
        if (written !== undefined) record[step.list] = written;
      }
      continue;
    }
    const value = (row as Fields)[step.column] as string | number | null;
    if (value !== null) record[step.field] = step.kind === 'value' ? parse(value as string) : value;
  }
  return withExtra(record as R, (row as { extra: Json }).extra);
}

/** The row of a record as an object (what tests and single writes use; an import fills statements directly). */
function rowOf<T extends TableName>(table: T, record: object, ...place: unknown[]): NewRow<T> {
  const columns = COLUMNS[table];
  const values = new Array<unknown>(columns.length);
  FILL[table](values, 0, 0, record, ...place);
  const row: Fields = {};
  for (let i = 1; i < columns.length; i++) row[columns[i]!] = values[i];
  return row as NewRow<T>;
}

type ReadStep = { list: string; required: boolean } | { list?: undefined; field: string; column: string; kind: TableLayout['fields'][number]['kind'] };

/** Per layout: the fields to read, in the schema's order (value fields from columns, lists from children). */
const readPlans = new Map<TableLayout, ReadStep[]>(
  Object.values(LAYOUTS).map((layout) => {
    const fields = RECORD_FIELDS[layout.record];
    const steps: ReadStep[] = [];
    for (const name of fields.order) {
      const column = layout.fields.find((f) => f.field === name);
      const list = fields.lists.find((l) => l.name === name);
      if (column) steps.push({ field: name, column: column.column, kind: column.kind });
      else if (list) steps.push({ list: name, required: list.required });
    }
    return [layout, steps];
  }),
);

// ---------------------------------------------------------------- organization

export function organizationRow(doc: HyokaDocument): NewRow<'organizations'> {
  return {
    ...rowOf('organizations', doc.organization),
    plan: json(doc.plan),
    settings: json(doc.settings),
    document_extra: extraOf(doc, KNOWN_FIELDS.document),
    empty_lists: emptyLists(doc, LAYOUTS.organizations.optionalLists),
  };
}

export function toOrganization(row: Row<'organizations'>): Organization {
  return recordOf('organizations', row, {});
}

/** The document around its lists, which the caller fills in. */
export function toDocument(
  row: Row<'organizations'>,
  lists: { policies: Policy[]; projects: Project[]; policyEvaluations: PolicyEvaluation[] },
): HyokaDocument {
  const doc: HyokaDocument = { format: 'hyoka/1', organization: toOrganization(row), policies: lists.policies, projects: lists.projects };
  const plan = parse<HyokaDocument['plan']>(row.plan);
  if (plan !== undefined) doc.plan = plan;
  const settings = parse<HyokaDocument['settings']>(row.settings);
  if (settings !== undefined) doc.settings = settings;
  const policyEvaluations = listAsWritten(lists.policyEvaluations, row.empty_lists, 'policyEvaluations');
  if (policyEvaluations !== undefined) doc.policyEvaluations = policyEvaluations;
  return withExtra(doc, row.document_extra);
}

// ---------------------------------------------------------------- policies

export function policyRow(policy: Policy, orgId: number, position: number): NewRow<'policies'> {
  return rowOf('policies', policy, orgId, position);
}

export function toPolicy(row: Row<'policies'>): Policy {
  return recordOf('policies', row, {});
}

export function policyEvaluationRow(evaluation: PolicyEvaluation, policyId: number, position: number): NewRow<'policy_evaluations'> {
  return rowOf('policy_evaluations', evaluation, policyId, position);
}

export function toPolicyEvaluation(row: Row<'policy_evaluations'>, policy: string): PolicyEvaluation {
  return recordOf('policy_evaluations', row, { policy });
}

// ---------------------------------------------------------------- projects and rows

export function projectRow(project: Project, orgId: number, position: number): NewRow<'projects'> {
  return rowOf('projects', project, orgId, position);
}

export interface ProjectChildren {
  budgets: Budget[];
  personnelCosts: PersonnelCost[];
  indicators: Indicator[];
  evaluations: Evaluation[];
  placements: Placement[];
}

export function toProject(row: Row<'projects'>, children: ProjectChildren): Project {
  return recordOf('projects', row, {}, children as unknown as Fields);
}

export function placementRow(placement: Placement, projectId: number, policyId: number, position: number): NewRow<'placements'> {
  return rowOf('placements', placement, projectId, policyId, position);
}

export function toPlacement(
  row: Row<'placements'>,
  policy: string,
  children: { personnelCosts: PersonnelCost[]; evaluations: Evaluation[] },
): Placement {
  return recordOf('placements', row, { policy }, children);
}

// ---------------------------------------------------------------- indicators and periods

export function indicatorRow(indicator: Indicator, projectId: number, position: number): NewRow<'indicators'> {
  return rowOf('indicators', indicator, projectId, position);
}

export function toIndicator(row: Row<'indicators'>, periods: Period[]): Indicator {
  return recordOf('indicators', row, {}, { periods });
}

export function periodRow(period: Period, indicatorId: number, position: number): NewRow<'periods'> {
  return rowOf('periods', period, indicatorId, position);
}

export function toPeriod(row: Row<'periods'>): Period {
  return recordOf('periods', row, {});
}

// ---------------------------------------------------------------- money and evaluations

export function budgetRow(budget: Budget, projectId: number, position: number): NewRow<'budgets'> {
  return rowOf('budgets', budget, projectId, position);
}

export function toBudget(row: Row<'budgets'>): Budget {
  return recordOf('budgets', row, {});
}

export function personnelCostRow(
  cost: PersonnelCost,
  projectId: number,
  placementId: number | null,
  position: number,
): NewRow<'personnel_costs'> {
  return rowOf('personnel_costs', cost, projectId, placementId, position);
}

export function toPersonnelCost(row: Row<'personnel_costs'>): PersonnelCost {
  return recordOf('personnel_costs', row, {});
}

export function evaluationRow(
  evaluation: Evaluation,
  projectId: number,
  placementId: number | null,
  position: number,
): NewRow<'evaluations'> {
  return rowOf('evaluations', evaluation, projectId, placementId, position);
}

export function toEvaluation(row: Row<'evaluations'>): Evaluation {
  return recordOf('evaluations', row, {});
}
