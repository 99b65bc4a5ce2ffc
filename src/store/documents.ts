// Reading records back into document shape: one query per table, children grouped under
// their parents in list order. A snapshot also keeps each record's primary key, for the
// change set computed from it to be applied (apply.ts).
import type { Kysely } from 'kysely';
import type { Evaluation, HyokaDocument, PersonnelCost, Period, Project } from '../domain/model.js';
import type { Database, Row } from './schema.js';
import { readRows, type Scope } from './scope.js';
import { currentRevision } from './organizations.js';
import {
  toBudget,
  toDocument,
  toEvaluation,
  toIndicator,
  toPeriod,
  toPersonnelCost,
  toPlacement,
  toPolicy,
  toPolicyEvaluation,
  toProject,
} from './rows.js';

function groupBy<R, V>(rows: readonly R[], parent: (row: R) => number, value: (row: R) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const id = parent(row);
    const list = groups.get(id);
    if (list) list.push(value(row));
    else groups.set(id, [value(row)]);
  }
  return groups;
}

/** Project and row records of one owner: rows with placement_id null are the project's. */
function splitByOwner<R extends { project_id: number; placement_id: number | null }, V>(rows: readonly R[], value: (row: R) => V) {
  return {
    ofProject: groupBy(
      rows.filter((r) => r.placement_id === null),
      (r) => r.project_id,
      value,
    ),
    ofPlacement: groupBy(
      rows.filter((r) => r.placement_id !== null),
      (r) => r.placement_id as number,
      value,
    ),
  };
}

/** Primary keys of stored records, by the record objects read. */
export type RowIds = Map<object, number>;

/** `read` that also notes the row's primary key under the record, when keeping them. */
function keeping<R extends { id: number }, V extends object>(rowIds: RowIds | undefined, read: (row: R) => V): (row: R) => V {
  if (rowIds === undefined) return read;
  return (row) => {
    const record = read(row);
    rowIds.set(record, row.id);
    return record;
  };
}

/** The organization's projects (or the one of `scope.projectId`) as documents have them. */
export async function readProjects(db: Kysely<Database>, scope: Scope, policyCodes?: Map<number, string>, rowIds?: RowIds): Promise<Project[]> {
  const codes = policyCodes ?? new Map((await readRows.policies(db, scope)).map((p) => [p.id, p.code]));
  const [projectRows, placementRows, indicatorRows, periodRows, budgetRows, costRows, evaluationRows] = await Promise.all([
    readRows.projects(db, scope),
    readRows.placements(db, scope),
    readRows.indicators(db, scope),
    readRows.periods(db, scope),
    readRows.budgets(db, scope),
    readRows.personnel_costs(db, scope),
    readRows.evaluations(db, scope),
  ]);
  const periods = groupBy<Row<'periods'>, Period>(periodRows, (r) => r.indicator_id, keeping(rowIds, toPeriod));
  const indicators = groupBy(indicatorRows, (r) => r.project_id, keeping(rowIds, (r: Row<'indicators'>) => toIndicator(r, periods.get(r.id) ?? [])));
  const budgets = groupBy(budgetRows, (r) => r.project_id, keeping(rowIds, toBudget));
  const costs = splitByOwner<Row<'personnel_costs'>, PersonnelCost>(costRows, keeping(rowIds, toPersonnelCost));
  const evaluations = splitByOwner<Row<'evaluations'>, Evaluation>(evaluationRows, keeping(rowIds, toEvaluation));
  const placements = groupBy(
    placementRows,
    (r) => r.project_id,
    keeping(rowIds, (r: Row<'placements'>) =>
      toPlacement(r, codes.get(r.policy_id) ?? '', {
        personnelCosts: costs.ofPlacement.get(r.id) ?? [],
        evaluations: evaluations.ofPlacement.get(r.id) ?? [],
      }),
    ),
  );
  return projectRows.map(
    keeping(rowIds, (r: Row<'projects'>) =>
      toProject(r, {
        budgets: budgets.get(r.id) ?? [],
        personnelCosts: costs.ofProject.get(r.id) ?? [],
        indicators: indicators.get(r.id) ?? [],
        evaluations: evaluations.ofProject.get(r.id) ?? [],
        placements: placements.get(r.id) ?? [],
      }),
    ),
  );
}

/** The stored document of an organization, or undefined when there is no such organization. */
export async function readDocument(db: Kysely<Database>, orgId: number, rowIds?: RowIds): Promise<HyokaDocument | undefined> {
  const scope: Scope = { orgId };
  const [organization] = await readRows.organizations(db, scope);
  if (!organization) return undefined;
  const policyRows = await readRows.policies(db, scope);
  const codes = new Map(policyRows.map((p) => [p.id, p.code]));
  const [projects, policyEvaluationRows] = await Promise.all([
    readProjects(db, scope, codes, rowIds),
    readRows.policy_evaluations(db, scope),
  ]);
  return toDocument(organization, {
    policies: policyRows.map(keeping(rowIds, toPolicy)),
    projects,
    policyEvaluations: policyEvaluationRows.map(keeping(rowIds, (r: Row<'policy_evaluations'>) => toPolicyEvaluation(r, codes.get(r.policy_id) ?? ''))),
  });
}

/** An organization's stored document as of one revision, with its records' primary keys. */
export interface Snapshot {
  /** Null when the organization is not stored yet. */
  orgId: number | null;
  revision: number;
  document: HyokaDocument | undefined;
  rowIds: RowIds;
  /**
   * Present when `document` holds only some of the organization's projects (a project-scoped
   * snapshot): where those projects stand in the whole list, and the place after the last
   * project, so that a change set computed on the part is written in the places of the whole.
   */
  projects?: ProjectPlaces;
}

export interface ProjectPlaces {
  /** Position of each project of the snapshot, by key. */
  positions: Map<string, number>;
  /** The position after every stored project's: where an added project goes. */
  next: number;
}

/**
 * A snapshot of the organization with only the projects of `keys` (those stored; every
 * policy, which rows name; the policy evaluations only when asked), in one transaction:
 * what one project's save reads instead of the whole organization.
 */
export async function readProjectsSnapshot(
  db: Kysely<Database>,
  orgId: number,
  keys: readonly string[],
  options: { policyEvaluations?: boolean } = {},
): Promise<Snapshot> {
  const rowIds: RowIds = new Map();
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const revision = await currentRevision(tx, orgId);
      const [[organization], policyRows, placed, last] = await Promise.all([
        readRows.organizations(tx, { orgId }),
        readRows.policies(tx, { orgId }),
        keys.length === 0
          ? Promise.resolve([])
          : tx.selectFrom('projects').select(['id', 'key', 'position']).where('org_id', '=', orgId).where('key', 'in', keys).execute(),
        tx
          .selectFrom('projects')
          .select((eb) => eb.fn.max<number | null>('position').as('max'))
          .where('org_id', '=', orgId)
          .executeTakeFirst(),
      ]);
      const places: ProjectPlaces = { positions: new Map(placed.map((p) => [p.key, p.position])), next: (last?.max ?? -1) + 1 };
      if (!organization) return { orgId: null, revision, document: undefined, rowIds, projects: places };
      const codes = new Map(policyRows.map((p) => [p.id, p.code]));
      const scope: Scope = { orgId, projectIds: placed.map((p) => p.id) };
      const [projects, policyEvaluationRows] = await Promise.all([
        readProjects(tx, scope, codes, rowIds),
        options.policyEvaluations ? readRows.policy_evaluations(tx, scope) : Promise.resolve([]),
      ]);
      const document = toDocument(organization, {
        policies: policyRows.map(keeping(rowIds, toPolicy)),
        projects,
        policyEvaluations: policyEvaluationRows.map(keeping(rowIds, (r: Row<'policy_evaluations'>) => toPolicyEvaluation(r, codes.get(r.policy_id) ?? ''))),
      });
      if (!options.policyEvaluations) delete document.policyEvaluations;
      return { orgId, revision, document, rowIds, projects: places };
    });
}

/** The organization's document and revision, read in one transaction (one snapshot of every table). */
export async function readSnapshot(db: Kysely<Database>, orgId: number | null): Promise<Snapshot> {
  const rowIds: RowIds = new Map();
  if (orgId === null) return { orgId, revision: 0, document: undefined, rowIds };
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const revision = await currentRevision(tx, orgId);
      const document = await readDocument(tx, orgId, rowIds);
      return { orgId: document ? orgId : null, revision, document, rowIds };
    });
}
