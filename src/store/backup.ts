// Backups of the whole database, and restoring one into an empty database. SQLite: the online
// backup API (a consistent copy while the server keeps writing). PostgreSQL: pg_dump's custom
// format of the store's schema and pg_restore (Debian's postgresql-client), given the connection
// through the environment so a password never shows in the process list.
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { DEFAULT_SQLITE_PATH, type Store, type StoreOptions } from './open.js';

const run = promisify(execFile);

/** Why a restore was refused: the target holds data, or the file is no backup of ours. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export type BackupKind = 'sqlite' | 'postgres';

export async function backupDatabase(store: Store, file: string): Promise<BackupKind> {
  const location = store.location;
  if (location && 'sqlitePath' in location && location.sqlitePath !== ':memory:') {
    const source = new BetterSqlite3(location.sqlitePath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return 'sqlite';
  }
  if (location && 'databaseUrl' in location) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.handles.db);
    await postgresTool('pg_dump', ['--format=custom', `--schema=${rows[0]!.schema}`, '--no-owner', '--no-privileges', `--file=${file}`], location.databaseUrl);
    return 'postgres';
  }
  throw new RestoreRefusedError('このデータベースはバックアップできません（メモリ内） / This database cannot be backed up (it lives in memory)');
}

/** Fills an empty database (`target`, not opened) from a backup of the same dialect; the caller then opens (migrates) it. */
export async function restoreDatabase(target: StoreOptions, file: string): Promise<BackupKind> {
  const kind = backupKind(file);
  if (target.databaseUrl) {
    if (kind !== 'postgres') throw new RestoreRefusedError(`PostgreSQL には pg_dump のバックアップを復元してください / ${file} is not a PostgreSQL backup (pg_dump -Fc)`);
    await restorePostgres(target.databaseUrl, file);
    return kind;
  }
  const path = target.sqlitePath ?? DEFAULT_SQLITE_PATH;
  if (path === ':memory:') throw new RestoreRefusedError('復元先の SQLite ファイルを指定してください / Name the SQLite file to restore into (--db PATH)');
  if (kind !== 'sqlite') throw new RestoreRefusedError(`SQLite には SQLite のバックアップを復元してください / ${file} is not a SQLite backup`);
  if (sqliteTables(path) > 0) throw notEmpty(path);
  mkdirSync(dirname(path), { recursive: true });
  const source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path);
  } finally {
    source.close();
  }
  return kind;
}

function backupKind(file: string): BackupKind | undefined {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return undefined;
}

function notEmpty(where: string): RestoreRefusedError {
  return new RestoreRefusedError(`復元先は空のデータベースにしてください（${where} にはテーブルがあります） / Restore into an empty database: ${where} already holds tables`);
}

/** Tables in a SQLite file; 0 when there is no file yet. */
function sqliteTables(path: string): number {
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch {
    return 0;
  }
  try {
    return (handle.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number }).n;
  } finally {
    handle.close();
  }
}

async function restorePostgres(url: string, file: string): Promise<void> {
  const { stdout: list } = await postgresTool('pg_restore', ['--list', file], url);
  const schema = /^\d+; \d+ \d+ SCHEMA - (\S+) /m.exec(list)?.[1];
  if (!schema) throw new RestoreRefusedError(`${file} にスキーマがありません / ${file} holds no schema: not a backup of hyoka`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let schemaExists: boolean;
  try {
    const { rows } = await client.query<{ tables: string; schemas: string }>(
      `select (select count(*) from information_schema.tables where table_schema = $1) as tables,
              (select count(*) from information_schema.schemata where schema_name = $1) as schemas`,
      [schema],
    );
    if (Number(rows[0]!.tables) > 0) throw notEmpty(`schema ${schema}`);
    schemaExists = Number(rows[0]!.schemas) > 0;
  } finally {
    await client.end();
  }
  // An existing, empty schema (public in a new database) is kept: its creation is left out.
  const entries = schemaExists ? list.replace(new RegExp(`^(\\d+; \\d+ \\d+ (?:SCHEMA|COMMENT) - (?:SCHEMA )?${schema} )`, 'gm'), ';$1') : list;
  const listFile = `${file}.list-${process.pid}`;
  await writeFile(listFile, entries);
  try {
    await postgresTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, `--dbname=${databaseName(url)}`, file], url);
  } finally {
    await rm(listFile, { force: true });
  }
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

/** Runs pg_dump or pg_restore with the connection in libpq's environment variables. */
async function postgresTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<{ stdout: string }> {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: parsed.hostname || 'localhost',
    PGPORT: parsed.port || '5432',
    PGDATABASE: databaseName(url),
    ...(parsed.username && { PGUSER: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { PGPASSWORD: decodeURIComponent(parsed.password) }),
    ...(parsed.searchParams.get('options') && { PGOPTIONS: parsed.searchParams.get('options')! }),
    ...(parsed.searchParams.get('sslmode') && { PGSSLMODE: parsed.searchParams.get('sslmode')! }),
  };
  try {
    return await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(`${tool} が見つかりません（Debian: apt-get install postgresql-client） / ${tool} not found: install Debian's postgresql-client`);
    }
    throw new Error(`${tool} に失敗しました / ${tool} failed: ${(failure.stderr ?? failure.message).trim().split('\n').slice(0, 5).join('\n')}`);
  }
}
