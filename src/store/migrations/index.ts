// Migrations live in code (no file-system discovery), so they run the same under tsx,
// vitest and a compiled build. Append new ones; never edit one that has shipped.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { migrationSchema, type DialectName } from '../dialect.js';
import { initial } from './0001_initial.js';
import { revisions } from './0002_revisions.js';
import { search } from './0003_search.js';
import { accounts } from './0004_accounts.js';
import { changeLog } from './0005_change_log.js';
import { cycles } from './0006_cycles.js';
import { publications } from './0007_publications.js';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_revisions': revisions,
    '0003_search': search(dialect),
    '0004_accounts': accounts(dialect),
    '0005_change_log': changeLog(dialect),
    '0006_cycles': cycles(dialect),
    '0007_publications': publications(dialect),
  };
}

/** The name of the last migration: a database that has run it is at this version's schema. */
export const LATEST_MIGRATION = Object.keys(migrations('sqlite')).at(-1)!;

// The first key of the advisory lock: hyoka's migrations (the second is the schema's hash).
const MIGRATION_LOCK_KEY = 0x68796b61;

/**
 * Brings the database to the latest schema; throws the first failure. Answers the names of
 * the migrations this call ran (none when another instance had run them).
 *
 * PostgreSQL: instances started together (a deployment rolling out) each open a store at
 * once. One session-level advisory lock per schema, taken before the migration tables are
 * even created, lets the first migrate while the others wait, then find nothing left to do.
 * (kysely 0.28 locks too, once its tables exist, and tolerates racing to create them; the
 * guarantee should not rest on a library's internals.)
 */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  if (dialect === 'sqlite') return runMigrations(db, dialect);
  return db.connection().execute(async (session) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY}, hashtext(current_schema()))`.execute(session);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await runMigrations(session, dialect);
        } catch (error) {
          if (attempt >= 5 || !(await anotherSchemaVanished(session, error))) throw error;
        }
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY}, hashtext(current_schema()))`.execute(session);
    }
  });
}

/**
 * kysely's introspector, asking whether its migration table exists, reads every schema of the
 * database and checks its privileges: a schema another tenant drops meanwhile (a test's, a
 * city's removed) fails that read with "schema … does not exist" (3F000) although this
 * schema is untouched. Such a failure wrote nothing and is worth another try.
 */
async function anotherSchemaVanished(session: Kysely<any>, error: unknown): Promise<boolean> {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause?.code !== '3F000' || typeof cause.message !== 'string') return false;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(session);
  const own = rows[0]?.schema;
  return own != null && !cause.message.includes(`"${own}"`);
}

async function runMigrations(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
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
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether the database has run this version's last migration (an instance may serve it). */
export async function atLatestMigration(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql`select 1 as done from kysely_migration where name = ${LATEST_MIGRATION}`.execute(db);
  return rows.length > 0;
}
