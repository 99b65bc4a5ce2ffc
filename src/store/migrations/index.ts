// Migrations live in code (no file-system discovery), so they run the same under tsx,
// vitest and a compiled build. Append new ones; never edit one that has shipped.
import { Migrator, type Kysely, type Migration } from 'kysely';
import { migrationSchema, type DialectName } from '../dialect.js';
import { initial } from './0001_initial.js';
import { revisions } from './0002_revisions.js';
import { search } from './0003_search.js';
import { accounts } from './0004_accounts.js';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_revisions': revisions,
    '0003_search': search(dialect),
    '0004_accounts': accounts(dialect),
  };
}

/** Brings the database to the latest schema; throws the first failure. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const schema = await migrationSchema(db, dialect);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `データベースの移行に失敗しました${failed ? `（${failed}）` : ''} / Database migration failed${failed ? ` (${failed})` : ''}: ${String(error instanceof Error ? error.message : error)}`,
      { cause: error },
    );
  }
}
