// Opening the store: SQLite by default, PostgreSQL when a connection URL is given, PGlite
// (PostgreSQL in WebAssembly, in memory) for tests without a server. Migrations run on open.
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { kyselySqlite, openSqliteFile } from './sqlite.js';
import { migrateToLatest } from './migrations/index.js';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /**
   * SQLite only: a value that changes whenever the database may have changed — a commit by
   * another connection (another process or app instance: `data_version`) or a row changed
   * by this one (`total_changes()`). Read without kysely, for per-request caches.
   */
  changeStamp?: () => string;
}

export interface StoreOptions {
  /** SQLite file; default ./data/hyoka.sqlite (its directory is created). */
  sqlitePath?: string;
  /** PostgreSQL connection URL (DATABASE_URL); wins over sqlitePath. */
  databaseUrl?: string;
  /** PostgreSQL in memory (PGlite), for tests. */
  pglite?: boolean;
}

export const DEFAULT_SQLITE_PATH = './data/hyoka.sqlite';

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl });
    return migrated(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  }
  if (options.pglite) {
    // Loaded on demand: a development dependency, and its WebAssembly takes seconds to start.
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('kysely-pglite-dialect'),
    ]);
    return migrated(new Kysely<Database>({ dialect: new PGliteDialect(new PGlite()) }), 'postgres');
  }
  const handle = openSqliteFile(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
  const store = await migrated(new Kysely<Database>({ dialect: new SqliteDialect({ database: kyselySqlite(handle) }) }), 'sqlite');
  const stamp = handle.prepare('select data_version as version, total_changes() as changes from pragma_data_version').raw(true);
  store.changeStamp = () => {
    const [version, changes] = stamp.get() as [number, number];
    return `${version}:${changes}`;
  };
  return store;
}

/** A store over an already configured kysely instance (migrated here). */
export async function migrated(db: Kysely<Database>, dialect: DialectName, close?: () => Promise<void>): Promise<Store> {
  const shut = close ?? (() => db.destroy());
  try {
    await migrateToLatest(db, dialect);
  } catch (error) {
    await shut();
    throw error;
  }
  return { db, dialect, close: shut };
}
