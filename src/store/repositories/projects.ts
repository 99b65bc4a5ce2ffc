// Projects and the policies they are placed under: the lists behind the API, scoped by
// organization, and one project in document shape.
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Budget, Project, Settings } from '../../domain/model.js';
import { readProjects } from '../documents.js';
import type { Handles } from '../handles.js';
import { toBudget } from '../rows.js';
import type { Database } from '../schema.js';
import { readRows } from '../scope.js';
import { inSnapshot } from '../snapshot.js';

export type ProjectsRepository = ReturnType<typeof projectsRepository>;

export function projectsRepository(handles: Handles) {
  return {
    /** The organization's policies in order, each with the rows placed under it (by row number). */
    policies: (orgId: number) => listPolicies(handles, orgId),
    /** The organization's projects matching `filter`, in order, with their rows and budgets. */
    list: (orgId: number, filter: ProjectFilter = {}, page: ProjectPage = {}) => listProjects(handles, orgId, filter, page),
    /** One project in document shape, with the organization's settings to compute it by. */
    get: (orgId: number, key: string) => getProject(handles, orgId, key),
  };
}

export interface PolicySummary {
  code: string;
  title: string;
  /** The rows placed under the policy, by row number. */
  rows: { no: number; project: string; name: string }[];
}

async function listPolicies(handles: Handles, orgId: number): Promise<PolicySummary[]> {
  const [policies, rows] = await inSnapshot(handles, (db) =>
    Promise.all([
      db.selectFrom('policies').select(['id', 'code', 'title']).where('org_id', '=', orgId).orderBy('position').execute(),
      db
        .selectFrom('placements as pl')
        .innerJoin('projects as p', 'p.id', 'pl.project_id')
        .select(['pl.policy_id', 'pl.no', 'p.key', 'p.name'])
        .where('p.org_id', '=', orgId)
        .orderBy('pl.no')
        .orderBy('p.position')
        .execute(),
    ]),
  );
  const byPolicy = new Map<number, PolicySummary['rows']>();
  for (const row of rows) {
    const list = byPolicy.get(row.policy_id) ?? [];
    list.push({ no: row.no, project: row.key, name: row.name });
    byPolicy.set(row.policy_id, list);
  }
  return policies.map((p) => ({ code: p.code, title: p.title, rows: byPolicy.get(p.id) ?? [] }));
}

export interface ProjectFilter {
  bureau?: string;
  division?: string;
  /** Policy code: projects with a row under it. */
  policy?: string;
  /** SDG goal: in the project's goals or a row's. */
  sdg?: number;
  /** Projects with a period, budget or evaluation of this fiscal year. */
  fiscalYear?: number;
  /** Projects with an evaluation (project's or a row's) of this grade, that year if given. */
  grade?: string;
}

export interface ProjectSummary {
  key: string;
  name: string;
  bureau?: string;
  division: string;
  sdgs?: number[];
  placements: { policy: string; no: number }[];
  budgets: Budget[];
}

type ProjectsScope = ExpressionBuilder<Database & { p: Database['projects'] }, 'p'>;

/** A JSON list column (as written by JSON.stringify) holding the integer n. */
function jsonListHas(eb: ExpressionBuilder<any, any>, column: string, n: number): Expression<SqlBool> {
  if (!Number.isInteger(n)) return eb.lit(false);
  return eb.or([
    eb(eb.ref(column), '=', `[${n}]`),
    eb(eb.ref(column), 'like', `[${n},%`),
    eb(eb.ref(column), 'like', `%,${n},%`),
    eb(eb.ref(column), 'like', `%,${n}]`),
  ]);
}

function matches(eb: ProjectsScope, orgId: number, filter: ProjectFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('p.org_id', '=', orgId)];
  if (filter.bureau !== undefined) conditions.push(eb('p.bureau', '=', filter.bureau));
  if (filter.division !== undefined) conditions.push(eb('p.division', '=', filter.division));
  if (filter.policy !== undefined) {
    const code = filter.policy;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('placements as pl')
          .innerJoin('policies as po', 'po.id', 'pl.policy_id')
          .select('pl.id')
          .whereRef('pl.project_id', '=', 'p.id')
          .where('po.code', '=', code),
      ),
    );
  }
  if (filter.sdg !== undefined) {
    const sdg = filter.sdg;
    // A row that prints the goal (domain/row-fields.ts rowSdgs): its own goals, or, where it has
    // none of its own (NULL; [] is its own, empty), the project's.
    conditions.push(
      eb.exists(
        eb
          .selectFrom('placements as pl')
          .select('pl.id')
          .whereRef('pl.project_id', '=', 'p.id')
          .where((inner) => inner.or([jsonListHas(inner, 'pl.sdgs', sdg), inner.and([inner('pl.sdgs', 'is', null), jsonListHas(inner, 'p.sdgs', sdg)])])),
      ),
    );
  }
  if (filter.fiscalYear !== undefined) {
    const year = filter.fiscalYear;
    conditions.push(
      eb.or([
        eb.exists(
          eb
            .selectFrom('periods as pe')
            .innerJoin('indicators as i', 'i.id', 'pe.indicator_id')
            .select('pe.id')
            .whereRef('i.project_id', '=', 'p.id')
            .where('pe.fiscal_year', '=', year),
        ),
        eb.exists(eb.selectFrom('budgets as b').select('b.id').whereRef('b.project_id', '=', 'p.id').where('b.fiscal_year', '=', year)),
        eb.exists(eb.selectFrom('evaluations as e').select('e.id').whereRef('e.project_id', '=', 'p.id').where('e.fiscal_year', '=', year)),
      ]),
    );
  }
  if (filter.grade !== undefined) {
    let graded = eb.selectFrom('evaluations as e').select('e.id').whereRef('e.project_id', '=', 'p.id').where('e.grade', '=', filter.grade);
    if (filter.fiscalYear !== undefined) graded = graded.where('e.fiscal_year', '=', filter.fiscalYear);
    conditions.push(eb.exists(graded));
  }
  return eb.and(conditions);
}

/** A page of the list: `limit` projects after the first `offset` (all of them without a limit). */
export interface ProjectPage {
  limit?: number;
  offset?: number;
}

export interface ProjectList {
  projects: ProjectSummary[];
  /** Projects matching the filter, on every page. */
  total: number;
}

async function listProjects(handles: Handles, orgId: number, filter: ProjectFilter, page: ProjectPage): Promise<ProjectList> {
  // One snapshot: the count and the three lists must come from the same import.
  const [counted, projects, placements, budgets] = await inSnapshot(handles, (db) => {
    const selected = () => db.selectFrom('projects as p').where((eb) => matches(eb, orgId, filter));
    /** The page's projects, in list order. */
    const listed = () => {
      const query = selected().orderBy('p.position').orderBy('p.id');
      return page.limit === undefined ? query : query.limit(page.limit).offset(page.offset ?? 0);
    };
    return Promise.all([
      selected().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      listed().select(['p.id', 'p.key', 'p.name', 'p.bureau', 'p.division', 'p.sdgs']).execute(),
      db
        .selectFrom('placements as pl')
        .innerJoin('policies as po', 'po.id', 'pl.policy_id')
        .select(['pl.project_id', 'po.code', 'pl.no'])
        .where('pl.project_id', 'in', listed().select('p.id'))
        .orderBy('pl.position')
        .execute(),
      db.selectFrom('budgets').selectAll().where('project_id', 'in', listed().select('p.id')).orderBy('position').execute(),
    ]);
  });
  const rowsOf = new Map<number, ProjectSummary['placements']>();
  for (const row of placements) {
    const list = rowsOf.get(row.project_id) ?? [];
    list.push({ policy: row.code, no: row.no });
    rowsOf.set(row.project_id, list);
  }
  const budgetsOf = new Map<number, Budget[]>();
  for (const row of budgets) {
    const list = budgetsOf.get(row.project_id) ?? [];
    list.push(toBudget(row));
    budgetsOf.set(row.project_id, list);
  }
  const summaries = projects.map((p) => {
    const summary: ProjectSummary = { key: p.key, name: p.name, division: p.division, placements: rowsOf.get(p.id) ?? [], budgets: budgetsOf.get(p.id) ?? [] };
    if (p.bureau !== null) summary.bureau = p.bureau;
    if (p.sdgs !== null) summary.sdgs = JSON.parse(p.sdgs) as number[];
    return summary;
  });
  return { projects: summaries, total: Number(counted.n) };
}

/** One project in document shape, with the organization's settings to compute it by. */
function getProject(handles: Handles, orgId: number, key: string): Promise<{ project: Project; settings: Settings | undefined } | undefined> {
  return inSnapshot(handles, async (tx: Kysely<Database>) => {
    const found = await tx.selectFrom('projects').select('id').where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
    if (!found) return undefined;
    const [[organization], [project]] = await Promise.all([
      readRows.organizations(tx, { orgId }),
      readProjects(tx, { orgId, projectId: found.id }),
    ]);
    if (!organization || !project) return undefined;
    return { project, settings: organization.settings === null ? undefined : (JSON.parse(organization.settings) as Settings) };
  });
}
