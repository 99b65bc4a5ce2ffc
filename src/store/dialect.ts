// The few things SQLite and PostgreSQL must do differently, in one place. Everything
// else in the store is one kysely code path for both.
import { sql, type Kysely } from 'kysely';
import type { Database, TableName } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Surrogate keys: SQLite's rowid alias; a sequence on PostgreSQL. */
export function idColumnType(dialect: DialectName): 'integer' | 'serial' {
  return dialect === 'sqlite' ? 'integer' : 'serial';
}

/** Bound parameters per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's wire limit. */
export function maxParameters(dialect: DialectName): number {
  return dialect === 'sqlite' ? 32_766 : 65_535;
}

/** The text of the n-th (0-based) bound parameter in a raw statement. */
export function placeholder(dialect: DialectName, index: number): string {
  return dialect === 'sqlite' ? '?' : `$${index + 1}`;
}

/**
 * Hands out primary keys for new rows, so that a whole tree of records can be written in
 * multi-row statements without reading each parent's key back. SQLite: the transaction
 * holds the write lock (takeWriteLock), so max(id)+1 onwards is ours.
 * PostgreSQL: other sessions insert concurrently, so take values from the table's sequence.
 */
export class IdAllocator {
  readonly #next = new Map<TableName, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async allocate(table: TableName, count: number): Promise<number[]> {
    if (count === 0) return [];
    if (this.dialect === 'postgres') {
      const { rows } = await sql<{ id: number }>`
        select nextval(pg_get_serial_sequence(${table}, 'id'))::integer as id
        from generate_series(1, ${count}::integer)`.execute(this.db);
      return rows.map((r) => r.id);
    }
    let next = this.#next.get(table);
    if (next === undefined) {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.max<number | null>('id').as('max'))
        .executeTakeFirst();
      next = (row?.max ?? 0) + 1;
    }
    const ids = Array.from({ length: count }, (_, i) => (next as number) + i);
    this.#next.set(table, next + count);
    return ids;
  }
}

/**
 * Takes SQLite's write lock at the start of a transaction that will write. kysely begins
 * transactions deferred: one that reads first would fail at its first write, without
 * waiting, if another process had written meanwhile. A write statement (touching no row)
 * takes the lock now. PostgreSQL locks rows as it goes.
 *
 * While another process (the CLI beside a server) holds the lock, the wait happens here, a
 * try every 25 ms, and not in SQLite's busy handler: better-sqlite3 is synchronous, so the
 * busy timeout would stop the whole event loop — every request, health included — for as
 * long as it waits. Past `waitMs` (default: the connection's busy timeout; 0 for one try)
 * the SQLITE_BUSY error is thrown, which the transports answer as busy, try again.
 */
export async function takeWriteLock(db: Kysely<Database>, dialect: DialectName, options: { waitMs?: number } = {}): Promise<void> {
  if (dialect !== 'sqlite') return;
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
  const busyTimeout = Number(rows[0]?.timeout ?? 0);
  const deadline = Date.now() + (options.waitMs ?? busyTimeout);
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    for (;;) {
      try {
        await sql`update organizations set id = id where 1 = 0`.execute(db);
        return;
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() >= deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${Math.trunc(busyTimeout)}`).execute(db);
  }
}

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Serializes imports of one organization. PostgreSQL: a row lock held to the end of the
 * transaction, so concurrent imports from several app instances queue. SQLite: nothing
 * to do, the write transaction already excludes every other writer.
 */
export async function lockOrganization(db: Kysely<Database>, dialect: DialectName, orgId: number): Promise<void> {
  if (dialect === 'postgres') {
    await db.selectFrom('organizations').select('id').where('id', '=', orgId).forUpdate().execute();
  }
}

/**
 * The schema kysely's migration tables belong in. On PostgreSQL it must be named: the
 * migrator looks for its table in every schema of the database, so another application
 * (or test run) in a neighbouring schema would otherwise make it skip creating ours.
 */
export async function migrationSchema(db: Kysely<any>, dialect: DialectName): Promise<string | undefined> {
  if (dialect === 'sqlite') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
