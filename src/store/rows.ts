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
import { LAYOUTS, type Json, type Row, type TableLayout, type TableName } from './schema.js';

/** A row as built from a record, before it has its primary key. */
export type NewRow<T extends TableName> = Omit<Row<T>, 'id'>;

type Fields = Record<string, unknown>;

/** The record's unknown fields as JSON, or null when it has none. */
function extraOf(record: object, fields: ReadonlySet<string>): Json {
  let extra: Fields | undefined;
  for (const name of Object.keys(record)) {
    if (fields.has(name)) continue;
    const value = (record as Fields)[name];
    if (value === undefined) continue;
    extra ??= {};
    // defineProperty: a field named __proto__ must stay a field, not become a prototype.
    Object.defineProperty(extra, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return extra ? JSON.stringify(extra) : null;
}

/** Adds the stored unknown fields back to a record. */
function withExtra<T extends object>(record: T, extra: Json): T {
  if (extra === null) return record;
  const fields = JSON.parse(extra) as Fields;
  for (const name of Object.keys(fields)) {
    Object.defineProperty(record, name, { value: fields[name], enumerable: true, writable: true, configurable: true });
  }
  return record;
}

function json(value: unknown): Json {
  if (value === undefined) return null;
  // Most targets and actuals are plain numbers: String() writes what JSON.stringify would.
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value);
}

function parse<T>(text: Json): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/** Names of the record's optional lists written as `[]`. */
function emptyLists(record: object, names: readonly string[]): string | null {
  let found: string | null = null;
  for (const name of names) {
    const value = (record as Fields)[name];
    if (Array.isArray(value) && value.length === 0) found = found === null ? name : `${found},${name}`;
  }
  return found;
}

function wasEmpty(emptyListNames: string | null, name: string): boolean {
  return emptyListNames !== null && emptyListNames.split(',').includes(name);
}

/** A child list as written: its records, `[]` when written empty, else absent. */
export function listAsWritten<T>(items: T[] | undefined, emptyListNames: string | null, name: string): T[] | undefined {
  if (items && items.length > 0) return items;
  return wasEmpty(emptyListNames, name) ? [] : undefined;
}

/** The row of a record: the values of the place columns (parents, position) in order, then the layout's columns. */
type RowBuilder = (record: object, ...place: unknown[]) => Fields;

/** The row of `record` in `table`, read field by field (what compiled builders do in one object literal). */
function genericBuilder(layout: TableLayout): RowBuilder {
  const known = KNOWN_FIELDS[layout.record];
  return (record, ...place) => {
    const row: Fields = {};
    layout.place.forEach((column, i) => (row[column] = place[i]));
    for (const { field, column, kind } of layout.fields) {
      const value = (record as Fields)[field];
      row[column] = value === undefined ? null : kind === 'value' ? json(value) : value;
    }
    row.extra = extraOf(record, known);
    if (layout.optionalLists.length > 0) row.empty_lists = emptyLists(record, layout.optionalLists);
    return row;
  };
}

// An import builds a row for every record it writes (two million for a large city): one
// object literal per table, generated from the layout, is as fast as the hand-written ones
// it replaces, where the field-by-field loop made flattening a 10,000-project document about
// a sixth slower. The text holds only names from the schema and the layouts, each written
// with JSON.stringify; nothing from a document is ever part of it.
function compiledBuilder(layout: TableLayout): RowBuilder {
  const name = JSON.stringify;
  const parameters = layout.place.map((_, i) => `p${i}`);
  const properties = [
    ...layout.place.map((column, i) => `${name(column)}: p${i}`),
    ...layout.fields.map(({ field, column, kind }) =>
      kind === 'value' ? `${name(column)}: json(r[${name(field)}])` : `${name(column)}: r[${name(field)}] ?? null`,
    ),
    '"extra": extraOf(r, known)',
    ...(layout.optionalLists.length > 0 ? ['"empty_lists": emptyLists(r, lists)'] : []),
  ];
  const source = `return function (r, ${parameters.join(', ')}) { return { ${properties.join(', ')} }; };`;
  try {
    return new Function('json', 'extraOf', 'emptyLists', 'known', 'lists', source)(json, extraOf, emptyLists, KNOWN_FIELDS[layout.record], layout.optionalLists) as RowBuilder;
  } catch (error) {
    // Code generation disallowed (node --disallow-code-generation-from-strings): the plain loop.
    if (!(error instanceof EvalError)) throw error;
    return genericBuilder(layout);
  }
}

/** Each table's row builder: `build.periods(period, indicatorId, position)`. */
const build = Object.fromEntries(Object.entries(LAYOUTS).map(([table, layout]) => [table, compiledBuilder(layout)])) as {
  [T in TableName]: (record: object, ...place: unknown[]) => NewRow<T>;
};

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
    ...build.organizations(doc.organization),
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
  return build.policies(policy, orgId, position);
}

export function toPolicy(row: Row<'policies'>): Policy {
  return recordOf('policies', row, {});
}

export function policyEvaluationRow(evaluation: PolicyEvaluation, policyId: number, position: number): NewRow<'policy_evaluations'> {
  return build.policy_evaluations(evaluation, policyId, position);
}

export function toPolicyEvaluation(row: Row<'policy_evaluations'>, policy: string): PolicyEvaluation {
  return recordOf('policy_evaluations', row, { policy });
}

// ---------------------------------------------------------------- projects and rows

export function projectRow(project: Project, orgId: number, position: number): NewRow<'projects'> {
  return build.projects(project, orgId, position);
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
  return build.placements(placement, projectId, policyId, position);
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
  return build.indicators(indicator, projectId, position);
}

export function toIndicator(row: Row<'indicators'>, periods: Period[]): Indicator {
  return recordOf('indicators', row, {}, { periods });
}

export function periodRow(period: Period, indicatorId: number, position: number): NewRow<'periods'> {
  return build.periods(period, indicatorId, position);
}

export function toPeriod(row: Row<'periods'>): Period {
  return recordOf('periods', row, {});
}

// ---------------------------------------------------------------- money and evaluations

export function budgetRow(budget: Budget, projectId: number, position: number): NewRow<'budgets'> {
  return build.budgets(budget, projectId, position);
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
  return build.personnel_costs(cost, projectId, placementId, position);
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
  return build.evaluations(evaluation, projectId, placementId, position);
}

export function toEvaluation(row: Row<'evaluations'>): Evaluation {
  return recordOf('evaluations', row, {});
}
