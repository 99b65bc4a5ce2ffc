// The databases every store test runs against (describe.each(testStores())): a temporary
// SQLite file, and PostgreSQL — the real server when TEST_DATABASE_URL is set, else PGlite
// in memory. Each open() gives a fresh, empty, migrated database; close() removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { COLUMNS, type Database } from './schema.js';
import { migrated, openStore, type Store, type StoreOptions } from './open.js';
import { postgresPool } from './postgres.js';

export interface TestStore extends Store {
  /**
   * How another process (the CLI, a second app instance) opens the same database; closing
   * what it opens leaves the database. Absent for PGlite (one session in this process).
   */
  shared?: StoreOptions;
}

export interface StoreFactory {
  name: 'sqlite' | 'postgres' | 'pglite';
  open(): Promise<TestStore>;
}

export function testStores(): StoreFactory[] {
  const url = process.env.TEST_DATABASE_URL;
  return [
    { name: 'sqlite', open: openTemporarySqlite },
    url ? { name: 'postgres', open: () => openPostgresSchema(url) } : { name: 'pglite', open: openPgliteSchema },
  ];
}

async function openTemporarySqlite(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-test-'));
  const sqlitePath = join(dir, 'test.sqlite');
  const store = await openStore({ sqlitePath });
  return {
    ...store,
    shared: { sqlitePath },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freshSchemaName(): string {
  return `hyoka_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export interface PostgresSchema {
  /** The server's URL with the schema as search_path. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh schema on the shared server, so parallel test files never meet. */
export async function createPostgresSchema(url: string): Promise<PostgresSchema> {
  const schema = freshSchemaName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    async drop() {
      try {
        await admin.query(`drop schema "${schema}" cascade`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function openPostgresSchema(url: string): Promise<TestStore> {
  const schema = await createPostgresSchema(url);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: postgresPool(schema.url, { max: 4 }) }),
  });
  const store = await migrated(db, 'postgres', async () => {
    await db.destroy();
    await schema.drop();
  });
  return { ...store, shared: { databaseUrl: schema.url } };
}

// PGlite takes seconds to start, so one instance serves a whole test file (vitest gives
// each file its own module graph); each store gets a schema of its own within it. PGlite
// has a single session, whose search_path selects the store: one open store at a time.
let pglite: Promise<PGlite> | undefined;
let pgliteInUse = false;

async function openPgliteSchema(): Promise<Store> {
  if (pgliteInUse) throw new Error('PGlite test store already open: close it before opening another');
  pgliteInUse = true;
  try {
    pglite ??= import('@electric-sql/pglite').then(({ PGlite }) => new PGlite());
    const instance = await pglite;
    const { PGliteDialect } = await import('kysely-pglite-dialect');
    const schema = freshSchemaName();
    await instance.exec(`create schema "${schema}"; set search_path to "${schema}"`);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(instance) });
    // Not db.destroy(): that would close the shared instance.
    return await migrated(db, 'postgres', async () => {
      await sql.raw(`drop schema "${schema}" cascade`).execute(db);
      await sql.raw('set search_path to public').execute(db);
      pgliteInUse = false;
    });
  } catch (error) {
    pgliteInUse = false;
    throw error;
  }
}

/** Rows in each table of the store's database (a test store holds one database of its own). */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
    const row = await store.handles.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * What is wrong with the database as a whole, after a crash: SQLite's own integrity and
 * foreign-key checks; on PostgreSQL, rows whose foreign key names no row (the server
 * enforces them, so any would mean a constraint was lost). Empty when all is well.
 */
export async function integrityProblems(store: Store): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.handles.db);
    const keys = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(store.handles.db);
    return [...integrity.rows.map((row) => row.integrity_check).filter((text) => text !== 'ok'), ...keys.rows.map((row) => `foreign key: ${JSON.stringify(row)}`)];
  }
  const foreignKeys = await sql<{ child: string; column: string; parent: string; parent_column: string }>`
    select kcu.table_name as child, kcu.column_name as column, ccu.table_name as parent, ccu.column_name as parent_column
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(store.handles.db);
  const problems: string[] = [];
  for (const { child, column, parent, parent_column } of foreignKeys.rows) {
    const orphans = await sql<{ n: string | number }>`
      select count(*) as n from ${sql.table(child)} c
      where c.${sql.ref(column)} is not null and not exists (select 1 from ${sql.table(parent)} p where p.${sql.ref(parent_column)} = c.${sql.ref(column)})`.execute(store.handles.db);
    const n = Number(orphans.rows[0]?.n ?? 0);
    if (n > 0) problems.push(`${child}.${column}: ${n} row(s) name no ${parent}`);
  }
  if (foreignKeys.rows.length === 0) problems.push('no foreign keys found: the check would see nothing');
  return problems;
}

/** A test database with the options another process (a CLI run, a child) opens it by. */
export interface AddressedStore {
  store: TestStore;
  address: StoreOptions;
}

/**
 * The databases of testStores() that other processes can open too: the SQLite file, and
 * PostgreSQL where TEST_DATABASE_URL names a server (PGlite lives inside this process).
 */
export function addressedTestStores(): { name: 'sqlite' | 'postgres'; open(): Promise<AddressedStore> }[] {
  return testStores().flatMap((factory) =>
    factory.name === 'pglite'
      ? []
      : [
          {
            name: factory.name,
            async open() {
              const store = await factory.open();
              if (!store.shared) throw new Error(`test store ${factory.name} cannot be opened by another process`);
              return { store, address: store.shared };
            },
          },
        ],
  );
}
