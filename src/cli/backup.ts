// backup / restore: the whole database to a file and back (SQLite's online backup; pg_dump and
// pg_restore for PostgreSQL). A restore goes into an empty database only.
import { statSync } from 'node:fs';
import { backup, restore } from '../services/backup.js';
import { CLI, createContext } from '../services/context.js';
import { DEFAULT_SQLITE_PATH } from '../store/index.js';
import type { Command } from './commands.js';
import { formatWritten } from './format.js';
import { dbOption, storeOptions, withStore } from './store.js';
import type { CliIo } from './run.js';

const KIND = { sqlite: ['SQLite のバックアップ', 'a SQLite backup'], postgres: ['pg_dump のバックアップ', 'a pg_dump backup (custom format)'] } as const;

function oneFile(positionals: string[], usage: string, io: CliIo): string | undefined {
  if (positionals.length === 1) return positionals[0];
  io.stderr(`ファイルを一つ指定してください / Name one file\n  ${usage}\n`);
  return undefined;
}

export const backupCommand: Command = {
  summary: 'データベース全体をファイルにバックアップ（稼働中でも可） / back up the whole database to a file, while it serves',
  usage: 'hyoka backup FILE [--db PATH]',
  help: ['SQLite: the online backup (a consistent copy while the server writes); PostgreSQL (DATABASE_URL): pg_dump -Fc of the schema, needs Debian\'s postgresql-client'],
  options: { ...dbOption },
  async run(values, positionals, io) {
    const file = oneFile(positionals, this.usage, io);
    if (file === undefined) return 1;
    const kind = await withStore(values, io.env, (store) => backup(createContext(store, CLI), file));
    io.stdout(formatWritten([...KIND[kind]] as [string, string], file, statSync(file).size));
    return 0;
  },
};

export const restoreCommand: Command = {
  summary: 'バックアップを空のデータベースに復元 / restore a backup into an empty database',
  usage: 'hyoka restore FILE [--db PATH]',
  help: ['The database (--db PATH, or DATABASE_URL) must hold no table yet: a new SQLite file, a new PostgreSQL database.', 'A backup of an earlier version is migrated after the restore.'],
  options: { ...dbOption },
  async run(values, positionals, io) {
    const file = oneFile(positionals, this.usage, io);
    if (file === undefined) return 1;
    const target = storeOptions(values, io.env);
    const kind = await restore(CLI, target, file);
    io.stdout(`${KIND[kind][0]}を復元しました / Restored ${KIND[kind][1]}: ${file} → ${target.databaseUrl ? 'DATABASE_URL' : (target.sqlitePath ?? DEFAULT_SQLITE_PATH)}\n`);
    return 0;
  },
};
