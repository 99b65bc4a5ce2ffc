// The relational shape of hyoka/1 data, as kysely sees it. Records (policies, projects,
// rows, indicators, periods, budgets, …) are tables; value objects (targets, actuals,
// baselines, mid-terms, plan, settings) and unknown fields are JSON text, identical on
// SQLite and PostgreSQL so that one code path reads and writes both and nothing is
// re-ordered or re-formatted on the way (settings are kept exactly as written).
//
// Every table carries `org_id` or hangs below one that does: policies and projects belong
// to an organization; rows, indicators, budgets, personnel costs and evaluations to a
// project; periods to an indicator; policy evaluations to a policy.
//
// Common columns: `position` keeps list order; `extra` holds the record's unknown fields
// (JSON, null when none); `empty_lists` names the optional lists written as `[]` (comma
// separated, null when none), so that `[]` and an absent list come back as written.

import type * as records from '../interchange/schema.js';
import { RECORD_FIELDS, type RecordName, type ValueKind } from '../interchange/record-fields.js';
import { snakeCase, type FieldColumns, type Json } from './field-columns.js';
import type { AccountTables } from './accounts-schema.js';
import type { ChangeLogTable } from './change-log.js';
import type { CycleTables } from './repositories/cycles.js';
import type { PublicationsTable } from './repositories/publications.js';

export type { Json };

// The columns of every record table are its fields (FieldColumns: from the zod shape)
// plus those that place the row (id, parents, position) and the common ones.

export interface OrganizationsTable extends FieldColumns<typeof records.organizationSchema> {
  id: number;
  /** The document's `plan`. */
  plan: Json;
  /** The document's `settings`, exactly as written. */
  settings: Json;
  /** Unknown fields of `organization`. */
  extra: Json;
  /** Unknown fields at the top level of the document. */
  document_extra: Json;
  empty_lists: string | null;
}

export interface PoliciesTable extends FieldColumns<typeof records.policySchema> {
  id: number;
  org_id: number;
  position: number;
  extra: Json;
}

export interface ProjectsTable extends FieldColumns<typeof records.projectSchema> {
  id: number;
  org_id: number;
  position: number;
  extra: Json;
  empty_lists: string | null;
}

const PLACEMENT_RENAMED = { indicators: 'indicator_keys' } as const;

/**
 * A row of the sheet (No.): a project placed under a policy. Null columns mean the project's.
 * `indicator_keys`: keys of the project's indicators shown on this row (JSON list).
 */
export interface PlacementsTable extends FieldColumns<typeof records.placementSchema, typeof PLACEMENT_RENAMED, 'policy'> {
  id: number;
  project_id: number;
  policy_id: number;
  position: number;
  extra: Json;
  empty_lists: string | null;
}

export interface IndicatorsTable extends FieldColumns<typeof records.indicatorSchema> {
  id: number;
  project_id: number;
  position: number;
  extra: Json;
  empty_lists: string | null;
}

export interface PeriodsTable extends FieldColumns<typeof records.periodSchema> {
  id: number;
  indicator_id: number;
  position: number;
  extra: Json;
}

export interface BudgetsTable extends FieldColumns<typeof records.budgetSchema> {
  id: number;
  project_id: number;
  position: number;
  extra: Json;
}

/** 人件費(目安) of a project (placement_id null) or of one of its rows. */
export interface PersonnelCostsTable extends FieldColumns<typeof records.personnelCostSchema> {
  id: number;
  project_id: number;
  placement_id: number | null;
  position: number;
  extra: Json;
}

/** 事業評価 of a project (placement_id null) or of one of its rows. */
export interface EvaluationsTable extends FieldColumns<typeof records.evaluationSchema> {
  id: number;
  project_id: number;
  placement_id: number | null;
  position: number;
  extra: Json;
}

/** 局施策評価 */
export interface PolicyEvaluationsTable extends FieldColumns<typeof records.policyEvaluationSchema, {}, 'policy'> {
  id: number;
  policy_id: number;
  position: number;
  extra: Json;
}

export interface Database extends AccountTables, CycleTables, PublicationsTable {
  organizations: OrganizationsTable;
  policies: PoliciesTable;
  projects: ProjectsTable;
  placements: PlacementsTable;
  indicators: IndicatorsTable;
  periods: PeriodsTable;
  budgets: BudgetsTable;
  personnel_costs: PersonnelCostsTable;
  evaluations: EvaluationsTable;
  policy_evaluations: PolicyEvaluationsTable;
  organization_revisions: { org_id: number; revision: number };
  change_log: ChangeLogTable;
}

/** The tables of hyoka/1 records (organization_revisions is bookkeeping, accounts are no records). */
export type TableName = Exclude<keyof Database, 'organization_revisions' | 'change_log' | keyof AccountTables | keyof CycleTables | keyof PublicationsTable>;
export type Row<T extends TableName> = Database[T];

/** One declaration per table: the record it holds and the columns that place its rows. */
interface TableDeclaration {
  record: RecordName;
  /** Columns after id and before the record's fields: parents, then position. */
  place: readonly string[];
  /** Fields whose column is not their name in snake_case. */
  renamed?: Readonly<Record<string, string>>;
  /** Fields held by a place column instead (a row's policy code, as policy_id). */
  placed?: readonly string[];
}

const DECLARATIONS: { readonly [T in TableName]: TableDeclaration } = {
  organizations: { record: 'organization', place: [] },
  policies: { record: 'policy', place: ['org_id', 'position'] },
  projects: { record: 'project', place: ['org_id', 'position'] },
  placements: { record: 'placement', place: ['project_id', 'policy_id', 'position'], renamed: PLACEMENT_RENAMED, placed: ['policy'] },
  indicators: { record: 'indicator', place: ['project_id', 'position'] },
  periods: { record: 'period', place: ['indicator_id', 'position'] },
  budgets: { record: 'budget', place: ['project_id', 'position'] },
  personnel_costs: { record: 'personnelCost', place: ['project_id', 'placement_id', 'position'] },
  evaluations: { record: 'evaluation', place: ['project_id', 'placement_id', 'position'] },
  policy_evaluations: { record: 'policyEvaluation', place: ['policy_id', 'position'], placed: ['policy'] },
};

/** A value field and the column holding it. */
export interface FieldColumn {
  field: string;
  column: string;
  kind: ValueKind;
}

/** How a table holds its record, derived from its declaration and the record's fields. */
export interface TableLayout {
  record: RecordName;
  /** Columns between id and the fields: parents, then position. */
  place: readonly string[];
  /** The value fields with columns, in the schema's order. */
  fields: readonly FieldColumn[];
  /** Optional lists of child records, whose `[]` empty_lists keeps apart from absent. */
  optionalLists: readonly string[];
  /** Every column in write order (id first). */
  columns: readonly string[];
}

function layoutOf(declaration: TableDeclaration): TableLayout {
  const record = RECORD_FIELDS[declaration.record];
  const fields = record.values
    .filter((value) => !declaration.placed?.includes(value.name))
    .map((value) => ({ field: value.name, column: declaration.renamed?.[value.name] ?? snakeCase(value.name), kind: value.kind }));
  // The organization's row also holds the document around it: its plan, settings and unknown fields.
  const document = declaration.record === 'organization';
  const lists = (document ? RECORD_FIELDS.document : record).lists.filter((list) => !list.required).map((list) => list.name);
  const columns = [
    'id',
    ...declaration.place,
    ...fields.map((f) => f.column),
    ...(document ? ['plan', 'settings'] : []),
    'extra',
    ...(document ? ['document_extra'] : []),
    ...(lists.length > 0 ? ['empty_lists'] : []),
  ];
  return { record: declaration.record, place: declaration.place, fields, optionalLists: lists, columns };
}

export const LAYOUTS: { readonly [T in TableName]: TableLayout } = Object.fromEntries(
  Object.entries(DECLARATIONS).map(([table, declaration]) => [table, layoutOf(declaration)]),
) as { [T in TableName]: TableLayout };

/**
 * The columns of each table in write order (id first). Raw statements (bulk writes, the
 * benchmark's baseline) take their column lists from here, never from user input.
 */
export const COLUMNS = Object.fromEntries(Object.entries(LAYOUTS).map(([table, layout]) => [table, layout.columns])) as {
  readonly [T in TableName]: readonly (keyof Database[T] & string)[];
};
