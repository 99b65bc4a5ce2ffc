// Sessions in the database, so that several app instances share them. Found by the SHA-256
// of the cookie's id (the services hash it); each comes back with its user.
import type { Selectable } from 'kysely';
import type { SessionsTable } from '../accounts-schema.js';
import type { Handles } from '../handles.js';
import type { UserRow } from './users.js';

export type SessionRow = Selectable<SessionsTable>;

export function sessionsRepository({ db, reader }: Handles) {
  return {
    async insert(row: SessionRow): Promise<void> {
      await db.insertInto('sessions').values(row).execute();
    },
    async withUser(idHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
      const row = await reader
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select(['s.id_hash', 's.created_at as session_created_at', 's.last_seen_at', 's.expires_at'])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const { id_hash, session_created_at, last_seen_at, expires_at, ...user } = row;
      return { session: { id_hash, user_id: user.id, created_at: session_created_at, last_seen_at, expires_at }, user };
    },
    async touch(idHash: string, at: number): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
    },
    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteForUser(userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    /** Sessions idle since before `idleBefore` or past their end. */
    async deleteStale(idleBefore: number, now: number): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('expires_at', '<=', now)]))
        .execute();
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
