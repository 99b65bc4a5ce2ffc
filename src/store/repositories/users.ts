// Users of organizations (accounts-schema.ts). Logins are unique within an organization.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { UsersTable } from '../accounts-schema.js';
import type { Handles } from '../handles.js';

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserChanges = Omit<Updateable<UsersTable>, 'id' | 'org_id' | 'created_at'>;

export function usersRepository({ db, reader }: Handles) {
  return {
    async insert(row: NewUserRow): Promise<number> {
      const inserted = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
      return inserted.id;
    },
    byLogin(orgId: number, login: string): Promise<UserRow | undefined> {
      return reader.selectFrom('users').selectAll().where('org_id', '=', orgId).where('login', '=', login).executeTakeFirst();
    },
    byId(id: number): Promise<UserRow | undefined> {
      return reader.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Users of every organization with this login (a proxy names a login, not an organization). */
    everyWithLogin(login: string): Promise<UserRow[]> {
      return reader.selectFrom('users').selectAll().where('login', '=', login).orderBy('id').execute();
    },
    list(orgId: number): Promise<UserRow[]> {
      return reader.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('login').execute();
    },
    async update(id: number, changes: UserChanges): Promise<void> {
      await db.updateTable('users').set(changes).where('id', '=', id).execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
