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

/** JSON text of a value object or list, or null when absent. */
export type Json = string | null;

export interface OrganizationsTable {
  id: number;
  code: string | null;
  name: string;
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

export interface PoliciesTable {
  id: number;
  org_id: number;
  position: number;
  code: string;
  title: string;
  extra: Json;
}

export interface ProjectsTable {
  id: number;
  org_id: number;
  position: number;
  key: string;
  name: string;
  bureau: string | null;
  division: string;
  summary: string | null;
  sdgs: Json;
  extra: Json;
  empty_lists: string | null;
}

/** A row of the sheet (No.): a project placed under a policy. Null columns mean the project's. */
export interface PlacementsTable {
  id: number;
  project_id: number;
  policy_id: number;
  position: number;
  no: number;
  summary: string | null;
  sdgs: Json;
  /** Keys of the project's indicators shown on this row (JSON list). */
  indicator_keys: Json;
  extra: Json;
  empty_lists: string | null;
}

export interface IndicatorsTable {
  id: number;
  project_id: number;
  position: number;
  key: string;
  name: string;
  unit: string;
  better: string | null;
  decimals: number | null;
  baseline: Json;
  mid_term: Json;
  extra: Json;
  empty_lists: string | null;
}

export interface PeriodsTable {
  id: number;
  indicator_id: number;
  position: number;
  fiscal_year: number;
  target: Json;
  actual: Json;
  extra: Json;
}

export interface BudgetsTable {
  id: number;
  project_id: number;
  position: number;
  fiscal_year: number;
  amount: number;
  extra: Json;
}

/** 人件費(目安) of a project (placement_id null) or of one of its rows. */
export interface PersonnelCostsTable {
  id: number;
  project_id: number;
  placement_id: number | null;
  position: number;
  fiscal_year: number;
  amount: number;
  extra: Json;
}

/** 事業評価 of a project (placement_id null) or of one of its rows. */
export interface EvaluationsTable {
  id: number;
  project_id: number;
  placement_id: number | null;
  position: number;
  fiscal_year: number;
  grade: string | null;
  grade_reason: string | null;
  course: string | null;
  improvement: string | null;
  extra: Json;
}

/** 局施策評価 */
export interface PolicyEvaluationsTable {
  id: number;
  policy_id: number;
  position: number;
  bureau: string | null;
  fiscal_year: number;
  grade: string | null;
  improvement: string | null;
  extra: Json;
}

export interface Database {
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
}

/** The tables of hyoka/1 records (organization_revisions is bookkeeping, not a record). */
export type TableName = Exclude<keyof Database, 'organization_revisions'>;
export type Row<T extends TableName> = Database[T];

/**
 * The columns of each table in write order (id first). Raw statements (bulk writes, the
 * benchmark's baseline) take their column lists from here, never from user input.
 */
export const COLUMNS: { readonly [T in TableName]: readonly (keyof Database[T] & string)[] } = {
  organizations: ['id', 'code', 'name', 'plan', 'settings', 'extra', 'document_extra', 'empty_lists'],
  policies: ['id', 'org_id', 'position', 'code', 'title', 'extra'],
  projects: ['id', 'org_id', 'position', 'key', 'name', 'bureau', 'division', 'summary', 'sdgs', 'extra', 'empty_lists'],
  placements: ['id', 'project_id', 'policy_id', 'position', 'no', 'summary', 'sdgs', 'indicator_keys', 'extra', 'empty_lists'],
  indicators: ['id', 'project_id', 'position', 'key', 'name', 'unit', 'better', 'decimals', 'baseline', 'mid_term', 'extra', 'empty_lists'],
  periods: ['id', 'indicator_id', 'position', 'fiscal_year', 'target', 'actual', 'extra'],
  budgets: ['id', 'project_id', 'position', 'fiscal_year', 'amount', 'extra'],
  personnel_costs: ['id', 'project_id', 'placement_id', 'position', 'fiscal_year', 'amount', 'extra'],
  evaluations: ['id', 'project_id', 'placement_id', 'position', 'fiscal_year', 'grade', 'grade_reason', 'course', 'improvement', 'extra'],
  policy_evaluations: ['id', 'policy_id', 'position', 'bureau', 'fiscal_year', 'grade', 'improvement', 'extra'],
};
