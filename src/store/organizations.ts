// Queries on the organizations table.
import type { Kysely } from 'kysely';
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
