// Failed sign-ins, counted per login and per address over a window (services/sessions.ts).
import type { Handles } from '../handles.js';

export function signInFailuresRepository({ db }: Handles) {
  // Counted on the writer: a count on SQLite's read connection could miss the failure just written.
  const count = async (query: Promise<{ n: string | number | bigint } | undefined>) => Number((await query)?.n ?? 0);
  return {
    async record(row: { org_id: number; login: string; address: string; at: number }): Promise<void> {
      await db.insertInto('sign_in_failures').values(row).execute();
    },
    forLogin(orgId: number, login: string, since: number): Promise<number> {
      return count(
        db
          .selectFrom('sign_in_failures')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .where('login', '=', login)
          .where('at', '>=', since)
          .executeTakeFirst(),
      );
    },
    forAddress(address: string, since: number): Promise<number> {
      return count(
        db
          .selectFrom('sign_in_failures')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('address', '=', address)
          .where('at', '>=', since)
          .executeTakeFirst(),
      );
    },
    /** After a successful sign-in, that login starts afresh (its address's count stays). */
    async clearLogin(orgId: number, login: string): Promise<void> {
      await db.deleteFrom('sign_in_failures').where('org_id', '=', orgId).where('login', '=', login).execute();
    },
    async deleteBefore(at: number): Promise<void> {
      await db.deleteFrom('sign_in_failures').where('at', '<', at).execute();
    },
  };
}

export type SignInFailuresRepository = ReturnType<typeof signInFailuresRepository>;
