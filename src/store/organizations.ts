// Queries on the organizations table.
import { sql, type Kysely } from 'kysely';
import type { Database, Row } from './schema.js';

export type OrganizationRow = Row<'organizations'>;

export function organizationsByCode(db: Kysely<Database>, code: string): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().where('code', '=', code).orderBy('id').execute();
}

export function organizationsByName(db: Kysely<Database>, name: string, options: { withoutCode?: boolean } = {}): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organizations').selectAll().where('name', '=', name);
  if (options.withoutCode) query = query.where('code', 'is', null);
  return query.orderBy('id').execute();
}

export function organizationById(db: Kysely<Database>, id: number): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function allOrganizations(db: Kysely<Database>): Promise<(OrganizationRow & { projects: number })[]> {
  const rows = await db
    .selectFrom('organizations as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('projects')
        .select((p) => p.fn.countAll().as('n'))
        .whereRef('projects.org_id', '=', 'o.id')
        .as('projects'),
    )
    .orderBy('o.id')
    .execute();
  // count() is a bigint on PostgreSQL, which pg hands over as a string.
  return rows.map((r) => ({ ...r, projects: Number(r.projects ?? 0) }));
}

/** Inserts unless an organization with the same code (or, without one, name) exists. */
export async function insertOrganization(db: Kysely<Database>, row: OrganizationRow): Promise<boolean> {
  const result = await db
    .insertInto('organizations')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateOrganization(db: Kysely<Database>, row: OrganizationRow): Promise<void> {
  const { id, ...columns } = row;
  await db.updateTable('organizations').set(columns).where('id', '=', id).execute();
}

/** What a request needs to know of an organization: who it is and which revision its data is at. */
export interface OrganizationHead {
  id: number;
  name: string;
  code: string | null;
  revision: number;
}

/**
 * Organizations by code, by exact name, or all — `limit` of them, oldest first, with their
 * revisions. Written as one SQL template rather than with the query builder: it runs on
 * every API request, and building the query took ten times longer than running it.
 */
export async function organizationHeads(
  db: Kysely<Database>,
  by: { code: string } | { name: string } | Record<string, never>,
  limit: number,
): Promise<OrganizationHead[]> {
  const where =
    'code' in by ? sql`where o.code = ${by.code}` : 'name' in by ? sql`where o.name = ${by.name}` : sql``;
  const { rows } = await sql<{ id: number; name: string; code: string | null; revision: number | string | null }>`
    select o.id, o.name, o.code, r.revision
    from organizations o left join organization_revisions r on r.org_id = o.id
    ${where} order by o.id limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), name: r.name, code: r.code, revision: Number(r.revision ?? 0) }));
}

/** The organization's revision: 0 until its first import writes. */
export async function currentRevision(db: Kysely<Database>, orgId: number): Promise<number> {
  const row = await db.selectFrom('organization_revisions').select('revision').where('org_id', '=', orgId).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Marks the organization's data as changed, for caches in every app instance. */
export async function raiseRevision(db: Kysely<Database>, orgId: number): Promise<void> {
  await db
    .insertInto('organization_revisions')
    .values({ org_id: orgId, revision: 1 })
    .onConflict((oc) => oc.column('org_id').doUpdateSet((eb) => ({ revision: eb('organization_revisions.revision', '+', 1) })))
    .execute();
}
