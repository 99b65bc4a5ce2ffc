// The SQLite connection: one better-sqlite3 handle per store, set up the same way for the
// application and for the benchmark's raw baseline, so both measure the same database.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { takeTurn } from './turns.js';

export type SqliteHandle = BetterSqlite3.Database;

export interface SqliteFileOptions {
  /** How long a statement waits for another connection's lock before SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number | undefined;
  /** A read-only connection to a file another connection already opened (and migrated). */
  readonly?: boolean;
}

/** Opens (creating its directory) a SQLite file with the pragmas the store relies on. */
export function openSqliteFile(path: string, options: SqliteFileOptions = {}): SqliteHandle {
  if (options.readonly) {
    const handle = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    handle.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    return handle;
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new BetterSqlite3(path);
  handle.pragma('journal_mode = WAL');
  // WAL keeps a committed transaction durable at NORMAL except against power loss of the
  // last commits; FULL would fsync on every commit for little gain here.
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  // Another process (the CLI beside a running server) may hold the write lock briefly;
  // past the timeout a write fails as busy, which the transports answer as "try again".
  handle.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  return handle;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

// Enough for every bulk statement shape of every table (bulk.ts) and the usual queries.
const STATEMENT_CACHE_SIZE = 256;

/**
 * What kysely's SqliteDialect calls, over a better-sqlite3 handle: kysely prepares every
 * statement anew, but multi-row writes repeat the same text thousands of times, so
 * recently used statements are kept (LRU).
 */
export function kyselySqlite(handle: SqliteHandle): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => handle.close(),
    prepare(text: string): SqliteStatement {
      const cached = cache.get(text);
      if (cached) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = handle.prepare(text) as unknown as SqliteStatement;
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * kysely's SQLite dialect over better-sqlite3 never leaves the microtask queue: an import's
 * thousands of statements run back to back without the event loop taking a turn, so no other
 * request — not even /healthz, which reads on its own connection — is answered until the
 * import ends. This dialect lets the event loop take a turn before a statement (turns.ts):
 * other requests interleave, the import costs a few setImmediate calls.
 */
export class TakingTurnsSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    let turning: DatabaseConnection | undefined;
    driver.acquireConnection = async () => {
      const connection = await acquire();
      turning ??= {
        async executeQuery(query) {
          await takeTurn();
          return connection.executeQuery(query);
        },
        streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
      };
      return turning;
    };
    return driver;
  }
}
