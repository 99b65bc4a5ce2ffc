// hyoka/1 records to table rows and back. A row holds the record's known fields in
// columns (value objects as JSON text) and everything else in `extra`, so that a record
// read back equals the record written: unknown fields kept, `""` distinct from absent,
// `[]` distinct from an absent list. compute()'s fields are neither stored nor restored.
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
import type { Json, Row, TableName } from './schema.js';

/** A row as built from a record, before it has its primary key. */
export type NewRow<T extends TableName> = Omit<Row<T>, 'id'>;

// The fields each record stores in columns, plus compute()'s, which are dropped.
const KNOWN = {
  document: ['format', 'organization', 'plan', 'settings', 'policies', 'projects', 'policyEvaluations'],
  organization: ['name', 'code'],
  policy: ['code', 'title'],
  project: ['key', 'name', 'bureau', 'division', 'summary', 'sdgs', 'budgets', 'personnelCosts', 'indicators', 'evaluations', 'placements'],
  placement: ['policy', 'no', 'summary', 'sdgs', 'personnelCosts', 'indicators', 'evaluations'],
  indicator: ['key', 'name', 'unit', 'better', 'decimals', 'baseline', 'midTerm', 'periods'],
  period: ['fiscalYear', 'target', 'actual', 'achievementRate', 'achieved', 'midTermProgress'],
  budget: ['fiscalYear', 'amount', 'change'],
  personnelCost: ['fiscalYear', 'amount'],
  evaluation: ['fiscalYear', 'grade', 'gradeReason', 'course', 'improvement', 'suggestedGrade'],
  policyEvaluation: ['policy', 'fiscalYear', 'bureau', 'grade', 'improvement'],
} as const;
const known = Object.fromEntries(
  Object.entries(KNOWN).map(([kind, fields]) => [kind, new Set<string>(fields)]),
) as unknown as { [K in keyof typeof KNOWN]: ReadonlySet<string> };

/** The record's unknown fields as JSON, or null when it has none. */
function extraOf(record: object, fields: ReadonlySet<string>): Json {
  let extra: Record<string, unknown> | undefined;
  for (const name of Object.keys(record)) {
    if (fields.has(name)) continue;
    const value = (record as Record<string, unknown>)[name];
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
  const fields = JSON.parse(extra) as Record<string, unknown>;
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
    const value = (record as Record<string, unknown>)[name];
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

function put<T extends object, K extends keyof T>(record: T, name: K, value: T[K] | null | undefined): void {
  if (value !== null && value !== undefined) record[name] = value;
}

// ---------------------------------------------------------------- organization

export function organizationRow(doc: HyokaDocument): NewRow<'organizations'> {
  return {
    code: doc.organization.code ?? null,
    name: doc.organization.name,
    plan: json(doc.plan),
    settings: json(doc.settings),
    extra: extraOf(doc.organization, known.organization),
    document_extra: extraOf(doc, known.document),
    empty_lists: emptyLists(doc, ['policyEvaluations']),
  };
}

export function toOrganization(row: Row<'organizations'>): Organization {
  const organization: Organization = { name: row.name };
  put(organization, 'code', row.code);
  return withExtra(organization, row.extra);
}

/** The document around its lists, which the caller fills in. */
export function toDocument(
  row: Row<'organizations'>,
  lists: { policies: Policy[]; projects: Project[]; policyEvaluations: PolicyEvaluation[] },
): HyokaDocument {
  const doc: HyokaDocument = { format: 'hyoka/1', organization: toOrganization(row), policies: lists.policies, projects: lists.projects };
  put(doc, 'plan', parse<HyokaDocument['plan']>(row.plan));
  put(doc, 'settings', parse<HyokaDocument['settings']>(row.settings));
  put(doc, 'policyEvaluations', listAsWritten(lists.policyEvaluations, row.empty_lists, 'policyEvaluations'));
  return withExtra(doc, row.document_extra);
}

// ---------------------------------------------------------------- policies

export function policyRow(policy: Policy, orgId: number, position: number): NewRow<'policies'> {
  return { org_id: orgId, position, code: policy.code, title: policy.title, extra: extraOf(policy, known.policy) };
}

export function toPolicy(row: Row<'policies'>): Policy {
  return withExtra({ code: row.code, title: row.title }, row.extra);
}

export function policyEvaluationRow(evaluation: PolicyEvaluation, policyId: number, position: number): NewRow<'policy_evaluations'> {
  return {
    policy_id: policyId,
    position,
    bureau: evaluation.bureau ?? null,
    fiscal_year: evaluation.fiscalYear,
    grade: evaluation.grade ?? null,
    improvement: evaluation.improvement ?? null,
    extra: extraOf(evaluation, known.policyEvaluation),
  };
}

export function toPolicyEvaluation(row: Row<'policy_evaluations'>, policy: string): PolicyEvaluation {
  const evaluation: PolicyEvaluation = { policy, fiscalYear: row.fiscal_year };
  put(evaluation, 'bureau', row.bureau);
  put(evaluation, 'grade', row.grade);
  put(evaluation, 'improvement', row.improvement);
  return withExtra(evaluation, row.extra);
}

// ---------------------------------------------------------------- projects and rows

const PROJECT_LISTS = ['budgets', 'personnelCosts', 'indicators', 'evaluations'] as const;
const PLACEMENT_LISTS = ['personnelCosts', 'evaluations'] as const;

export function projectRow(project: Project, orgId: number, position: number): NewRow<'projects'> {
  return {
    org_id: orgId,
    position,
    key: project.key,
    name: project.name,
    bureau: project.bureau ?? null,
    division: project.division,
    summary: project.summary ?? null,
    sdgs: json(project.sdgs),
    extra: extraOf(project, known.project),
    empty_lists: emptyLists(project, PROJECT_LISTS),
  };
}

export interface ProjectChildren {
  budgets: Budget[];
  personnelCosts: PersonnelCost[];
  indicators: Indicator[];
  evaluations: Evaluation[];
  placements: Placement[];
}

export function toProject(row: Row<'projects'>, children: ProjectChildren): Project {
  const project = { key: row.key, name: row.name } as Project;
  put(project, 'bureau', row.bureau);
  project.division = row.division;
  put(project, 'summary', row.summary);
  put(project, 'sdgs', parse<number[]>(row.sdgs));
  put(project, 'budgets', listAsWritten(children.budgets, row.empty_lists, 'budgets'));
  put(project, 'personnelCosts', listAsWritten(children.personnelCosts, row.empty_lists, 'personnelCosts'));
  put(project, 'indicators', listAsWritten(children.indicators, row.empty_lists, 'indicators'));
  put(project, 'evaluations', listAsWritten(children.evaluations, row.empty_lists, 'evaluations'));
  project.placements = children.placements;
  return withExtra(project, row.extra);
}

export function placementRow(placement: Placement, projectId: number, policyId: number, position: number): NewRow<'placements'> {
  return {
    project_id: projectId,
    policy_id: policyId,
    position,
    no: placement.no,
    summary: placement.summary ?? null,
    sdgs: json(placement.sdgs),
    indicator_keys: json(placement.indicators),
    extra: extraOf(placement, known.placement),
    empty_lists: emptyLists(placement, PLACEMENT_LISTS),
  };
}

export function toPlacement(
  row: Row<'placements'>,
  policy: string,
  children: { personnelCosts: PersonnelCost[]; evaluations: Evaluation[] },
): Placement {
  const placement: Placement = { policy, no: row.no };
  put(placement, 'summary', row.summary);
  put(placement, 'sdgs', parse<number[]>(row.sdgs));
  put(placement, 'personnelCosts', listAsWritten(children.personnelCosts, row.empty_lists, 'personnelCosts'));
  put(placement, 'indicators', parse<string[]>(row.indicator_keys));
  put(placement, 'evaluations', listAsWritten(children.evaluations, row.empty_lists, 'evaluations'));
  return withExtra(placement, row.extra);
}

// ---------------------------------------------------------------- indicators and periods

export function indicatorRow(indicator: Indicator, projectId: number, position: number): NewRow<'indicators'> {
  return {
    project_id: projectId,
    position,
    key: indicator.key,
    name: indicator.name,
    unit: indicator.unit,
    better: indicator.better ?? null,
    decimals: indicator.decimals ?? null,
    baseline: json(indicator.baseline),
    mid_term: json(indicator.midTerm),
    extra: extraOf(indicator, known.indicator),
    empty_lists: emptyLists(indicator, ['periods']),
  };
}

export function toIndicator(row: Row<'indicators'>, periods: Period[]): Indicator {
  const indicator: Indicator = { key: row.key, name: row.name, unit: row.unit };
  put(indicator, 'better', row.better as Indicator['better'] | null);
  put(indicator, 'decimals', row.decimals);
  put(indicator, 'baseline', parse<Indicator['baseline']>(row.baseline));
  put(indicator, 'midTerm', parse<Indicator['midTerm']>(row.mid_term));
  put(indicator, 'periods', listAsWritten(periods, row.empty_lists, 'periods'));
  return withExtra(indicator, row.extra);
}

export function periodRow(period: Period, indicatorId: number, position: number): NewRow<'periods'> {
  return {
    indicator_id: indicatorId,
    position,
    fiscal_year: period.fiscalYear,
    target: json(period.target),
    actual: json(period.actual),
    extra: extraOf(period, known.period),
  };
}

export function toPeriod(row: Row<'periods'>): Period {
  const period: Period = { fiscalYear: row.fiscal_year };
  put(period, 'target', parse<Period['target']>(row.target));
  put(period, 'actual', parse<Period['actual']>(row.actual));
  return withExtra(period, row.extra);
}

// ---------------------------------------------------------------- money and evaluations

export function budgetRow(budget: Budget, projectId: number, position: number): NewRow<'budgets'> {
  return {
    project_id: projectId,
    position,
    fiscal_year: budget.fiscalYear,
    amount: budget.amount,
    extra: extraOf(budget, known.budget),
  };
}

export function toBudget(row: Row<'budgets'>): Budget {
  return withExtra({ fiscalYear: row.fiscal_year, amount: row.amount }, row.extra);
}

export function personnelCostRow(
  cost: PersonnelCost,
  projectId: number,
  placementId: number | null,
  position: number,
): NewRow<'personnel_costs'> {
  return {
    project_id: projectId,
    placement_id: placementId,
    position,
    fiscal_year: cost.fiscalYear,
    amount: cost.amount,
    extra: extraOf(cost, known.personnelCost),
  };
}

export function toPersonnelCost(row: Row<'personnel_costs'>): PersonnelCost {
  return withExtra({ fiscalYear: row.fiscal_year, amount: row.amount }, row.extra);
}

export function evaluationRow(
  evaluation: Evaluation,
  projectId: number,
  placementId: number | null,
  position: number,
): NewRow<'evaluations'> {
  return {
    project_id: projectId,
    placement_id: placementId,
    position,
    fiscal_year: evaluation.fiscalYear,
    grade: evaluation.grade ?? null,
    grade_reason: evaluation.gradeReason ?? null,
    course: evaluation.course ?? null,
    improvement: evaluation.improvement ?? null,
    extra: extraOf(evaluation, known.evaluation),
  };
}

export function toEvaluation(row: Row<'evaluations'>): Evaluation {
  const evaluation: Evaluation = { fiscalYear: row.fiscal_year };
  put(evaluation, 'grade', row.grade);
  put(evaluation, 'gradeReason', row.grade_reason);
  put(evaluation, 'course', row.course);
  put(evaluation, 'improvement', row.improvement);
  return withExtra(evaluation, row.extra);
}
