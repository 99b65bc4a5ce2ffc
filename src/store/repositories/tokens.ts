// Per-user API tokens, found by their SHA-256; a revoked token stays listed, never answers.
import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../accounts-schema.js';
import type { Handles } from '../handles.js';
import type { UserRow } from './users.js';

export type TokenRow = Selectable<ApiTokensTable>;

export function tokensRepository({ db, reader }: Handles) {
  return {
    async insert(row: { hash: string; user_id: number; label: string; created_at: number }): Promise<number> {
      const inserted = await db.insertInto('api_tokens').values(row).returning('id').executeTakeFirstOrThrow();
      return inserted.id;
    },
    /** The token's user, unless the token is revoked. */
    async activeWithUser(hash: string): Promise<{ tokenId: number; user: UserRow } | undefined> {
      const row = await reader
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .selectAll('u')
        .select('t.id as token_id')
        .where('t.hash', '=', hash)
        .where('t.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      const { token_id, ...user } = row;
      return { tokenId: token_id, user };
    },
    list(userId: number): Promise<TokenRow[]> {
      return reader.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute();
    },
    /** Revokes the user's token; false when the user has no such token still active. */
    async revoke(userId: number, id: number, at: number): Promise<boolean> {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async touch(id: number, at: number): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

export type TokensRepository = ReturnType<typeof tokensRepository>;
