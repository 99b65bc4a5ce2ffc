// Opening the store: SQLite by default, PostgreSQL when a connection URL is given, PGlite
// (PostgreSQL in WebAssembly, in memory) for tests without a server. Migrations run on open.
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { kyselySqlite, openSqliteFile, TakingTurnsSqliteDialect, type SqliteHandle } from './sqlite.js';
import { poolUse, postgresPool, type PoolUse } from './postgres.js';
import { atLatestMigration, migrateToLatest } from './migrations/index.js';
import type { Handles } from './handles.js';
import { documentsRepository, type DocumentsRepository } from './repositories/documents.js';
import { organizationsRepository, type OrganizationsRepository } from './repositories/organizations.js';
import { projectsRepository, type ProjectsRepository } from './repositories/projects.js';
import { searchRepository, type SearchRepository } from './repositories/search.js';
import { usersRepository, type UsersRepository } from './repositories/users.js';
import { sessionsRepository, type SessionsRepository } from './repositories/sessions.js';
import { tokensRepository, type TokensRepository } from './repositories/tokens.js';
import { signInFailuresRepository, type SignInFailuresRepository } from './repositories/sign-in-failures.js';
import { changeLogRepository, type ChangeLogRepository } from './repositories/change-log.js';
import { cyclesRepository, type CyclesRepository } from './repositories/cycles.js';
import { publicationsRepository, type PublicationsRepository } from './repositories/publications.js';

/**
 * The store's face: one repository per aggregate, what services read and write through.
 * The query builders stay behind it (`handles`: the store's own modules and its tests).
 */
export interface Store {
  dialect: DialectName;
  organizations: OrganizationsRepository;
  documents: DocumentsRepository;
  projects: ProjectsRepository;
  search: SearchRepository;
  users: UsersRepository;
  sessions: SessionsRepository;
  tokens: TokensRepository;
  signInFailures: SignInFailuresRepository;
  /** The append-only change log. */
  changeLog: ChangeLogRepository;
  /** Yearly cycles, their entries and transitions. */
  cycles: CyclesRepository;
  /** Published versions of each cycle (immutable). */
  publications: PublicationsRepository;
  /** The kysely handles: for the store's own modules and tests, never for services. */
  handles: Handles;
  /** Whether this version's last migration has run (readiness). */
  atLatestMigration(): Promise<boolean>;
  close(): Promise<void>;
  /** Resolves when the database answers; never queues behind an import. */
  ping(): Promise<void>;
  /**
   * SQLite only: a value that changes whenever the database may have changed — a commit by
   * another connection (another process or app instance: `data_version`) or a row changed
   * by this one (`total_changes()`). Read without kysely, for per-request caches.
   */
  changeStamp?: () => string;
  /** The migrations this open ran: none when the database was at the latest already. */
  migrationsRun?: readonly string[];
  /** Where the database is, for a backup (absent for PGlite and stores set up by hand). */
  location?: { sqlitePath: string } | { databaseUrl: string };
  /** PostgreSQL: the pool's connections (for /metrics). */
  poolUse?: () => PoolUse;
}

/** The repositories over a store's handles. */
export function repositories(
  handles: Handles,
): Pick<Store, 'dialect' | 'organizations' | 'documents' | 'projects' | 'search' | 'users' | 'sessions' | 'tokens' | 'signInFailures' | 'changeLog' | 'cycles' | 'publications' | 'handles' | 'atLatestMigration'> {
  return {
    dialect: handles.dialect,
    organizations: organizationsRepository(handles),
    documents: documentsRepository(handles),
    projects: projectsRepository(handles),
    search: searchRepository(handles),
    users: usersRepository(handles),
    sessions: sessionsRepository(handles),
    tokens: tokensRepository(handles),
    signInFailures: signInFailuresRepository(handles),
    changeLog: changeLogRepository(handles),
    cycles: cyclesRepository(handles),
    publications: publicationsRepository(handles),
    handles,
    atLatestMigration: () => atLatestMigration(handles.reader),
  };
}

export interface StoreOptions {
  /** SQLite file; default ./data/hyoka.sqlite (its directory is created). */
  sqlitePath?: string;
  /** PostgreSQL connection URL (DATABASE_URL); wins over sqlitePath. */
  databaseUrl?: string;
  /** PostgreSQL in memory (PGlite), for tests. */
  pglite?: boolean;
  /** SQLite: how long a write waits for another process's write lock (default 5 s). */
  busyTimeoutMs?: number;
  /** PostgreSQL: connections in the pool (default 8; `--pool`, HYOKA_DB_POOL). */
  poolSize?: number;
  /** PostgreSQL: told of a connection lost outside a query (default: a line on stderr). */
  onConnectionError?: (error: Error) => void;
}

export const DEFAULT_SQLITE_PATH = './data/hyoka.sqlite';

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) {
    const pool = postgresPool(options.databaseUrl, {
      ...(options.poolSize !== undefined && { max: options.poolSize }),
      ...(options.onConnectionError && { onConnectionError: options.onConnectionError }),
    });
    const store = await migrated(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    return { ...store, location: { databaseUrl: options.databaseUrl }, poolUse: () => poolUse(pool) };
  }
  if (options.pglite) {
    // Loaded on demand: a development dependency, and its WebAssembly takes seconds to start.
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('kysely-pglite-dialect'),
    ]);
    return migrated(new Kysely<Database>({ dialect: new PGliteDialect(new PGlite()) }), 'postgres');
  }
  return openSqliteStore(options.sqlitePath ?? DEFAULT_SQLITE_PATH, options.busyTimeoutMs);
}

async function openSqliteStore(path: string, busyTimeoutMs: number | undefined): Promise<Store> {
  const handle = openSqliteFile(path, { busyTimeoutMs });
  const store: Store = {
    ...(await migrated(new Kysely<Database>({ dialect: new TakingTurnsSqliteDialect({ database: kyselySqlite(handle) }) }), 'sqlite')),
    location: { sqlitePath: path },
  };
  const stamp = handle.prepare('select data_version as version, total_changes() as changes from pragma_data_version').raw(true);
  store.changeStamp = () => {
    const [version, changes] = stamp.get() as [number, number];
    return `${version}:${changes}`;
  };
  // A second connection to ':memory:' would be another, empty database.
  if (path === ':memory:') {
    store.ping = pingOf(handle);
    return store;
  }
  const readHandle = openSqliteFile(path, { busyTimeoutMs, readonly: true });
  const reader = new Kysely<Database>({ dialect: new TakingTurnsSqliteDialect({ database: kyselySqlite(readHandle) }) });
  const closeWriter = store.close;
  return {
    ...store,
    ...repositories({ ...store.handles, reader }),
    ping: pingOf(readHandle),
    async close() {
      await reader.destroy();
      await closeWriter();
    },
  };
}

/**
 * Health without kysely's connection mutex: one statement straight on the handle, which in
 * WAL mode reads the last commit even while another connection writes.
 */
function pingOf(handle: SqliteHandle): () => Promise<void> {
  const probe = handle.prepare('select 1 from organizations limit 1');
  return async () => {
    probe.get();
  };
}

/** A store over an already configured kysely instance (migrated here). */
export async function migrated(db: Kysely<Database>, dialect: DialectName, close?: () => Promise<void>): Promise<Store> {
  const shut = close ?? (() => db.destroy());
  let migrationsRun: string[];
  try {
    migrationsRun = await migrateToLatest(db, dialect);
  } catch (error) {
    await shut();
    throw error;
  }
  return {
    ...repositories({ db, reader: db, dialect }),
    close: shut,
    migrationsRun,
    async ping() {
      await sql`select 1`.execute(db);
    },
  };
}
