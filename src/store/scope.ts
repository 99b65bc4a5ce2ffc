// Reading an organization's rows, table by table, in list order: one query per table
// whatever the size of the organization. Optionally narrowed to one project.
import type { Kysely } from 'kysely';
import type { Database, Row, TableName } from './schema.js';

export interface Scope {
  orgId: number;
  /** Only this project's rows (and all policies, which its rows name). */
  projectId?: number;
  /** Only these projects' rows (and all policies). */
  projectIds?: readonly number[];
}

/** The projects a scope narrows to, if it does. */
function narrowed(scope: Scope): readonly number[] | undefined {
  return scope.projectId !== undefined ? [scope.projectId] : scope.projectIds;
}

type Reader<T extends TableName> = (db: Kysely<Database>, scope: Scope) => Promise<Row<T>[]>;

function projectIds(db: Kysely<Database>, scope: Scope) {
  const query = db.selectFrom('projects').select('id').where('org_id', '=', scope.orgId);
  const ids = narrowed(scope);
  return ids === undefined ? query : query.where('id', 'in', ids.length > 0 ? ids : [-1]);
}

function underProjects<T extends 'placements' | 'indicators' | 'budgets' | 'personnel_costs' | 'evaluations'>(table: T): Reader<T> {
  return async (db, scope) =>
    (await db
      .selectFrom(table as 'budgets')
      .selectAll()
      .where('project_id', 'in', projectIds(db, scope))
      .orderBy('position')
      .execute()) as unknown as Row<T>[];
}

export const readRows: { readonly [T in TableName]: Reader<T> } = {
  organizations: (db, scope) => db.selectFrom('organizations').selectAll().where('id', '=', scope.orgId).execute(),
  policies: (db, scope) =>
    db.selectFrom('policies').selectAll().where('org_id', '=', scope.orgId).orderBy('position').execute(),
  projects: (db, scope) => {
    const query = db.selectFrom('projects').selectAll().where('org_id', '=', scope.orgId).orderBy('position');
    const ids = narrowed(scope);
    return (ids === undefined ? query : query.where('id', 'in', ids.length > 0 ? ids : [-1])).execute();
  },
  placements: underProjects('placements'),
  indicators: underProjects('indicators'),
  budgets: underProjects('budgets'),
  personnel_costs: underProjects('personnel_costs'),
  evaluations: underProjects('evaluations'),
  periods: (db, scope) =>
    db
      .selectFrom('periods')
      .selectAll()
      .where('indicator_id', 'in', db.selectFrom('indicators').select('id').where('project_id', 'in', projectIds(db, scope)))
      .orderBy('position')
      .execute(),
  policy_evaluations: (db, scope) =>
    db
      .selectFrom('policy_evaluations')
      .selectAll()
      .where('policy_id', 'in', db.selectFrom('policies').select('id').where('org_id', '=', scope.orgId))
      .orderBy('position')
      .execute(),
};
