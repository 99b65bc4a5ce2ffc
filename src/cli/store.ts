// Opens the store a command names: --db PATH wins, then DATABASE_URL, then the default SQLite file.
import { CLI, createContext, type Context } from '../services/context.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';
import type { OptionValues } from './commands.js';

export const dbOption = { db: { type: 'string' } } as const;
export const orgOption = { org: { type: 'string' } } as const;

/** --db PATH wins, then DATABASE_URL, then the default SQLite file; PostgreSQL's pool: --pool, then HYOKA_DB_POOL. */
export function storeOptions(values: OptionValues, env: NodeJS.ProcessEnv): StoreOptions {
  const db = stringOption(values, 'db');
  if (db || !env.DATABASE_URL) return { sqlitePath: db };
  const pool = stringOption(values, 'pool') ?? env.HYOKA_DB_POOL;
  return { databaseUrl: env.DATABASE_URL, ...(pool !== undefined && pool !== '' && { poolSize: poolSize(pool) }) };
}

function poolSize(text: string): number {
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new Error(`接続プールの大きさは 1〜1000 の整数で指定してください / The pool size (--pool, HYOKA_DB_POOL) must be a whole number from 1 to 1000: ${text}`);
  }
  return size;
}

export async function withStore<T>(values: OptionValues, env: NodeJS.ProcessEnv, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptions(values, env));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A command's context: the CLI actor (the console holds the database anyway) and --org. */
export function withContext<T>(values: OptionValues, env: NodeJS.ProcessEnv, use: (ctx: Context) => Promise<T>): Promise<T> {
  return withStore(values, env, (store) => use(createContext(store, CLI, stringOption(values, 'org'))));
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
