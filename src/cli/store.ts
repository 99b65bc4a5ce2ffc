// Opens the store a command names: --db PATH wins, then DATABASE_URL, then the default SQLite file.
import { CLI, createContext, type Context } from '../services/context.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';
import type { OptionValues } from './commands.js';

export const dbOption = { db: { type: 'string' } } as const;
export const orgOption = { org: { type: 'string' } } as const;

/** --db PATH wins, then DATABASE_URL, then the default SQLite file. */
export function storeOptions(values: OptionValues, env: NodeJS.ProcessEnv): StoreOptions {
  const db = stringOption(values, 'db');
  return db || !env.DATABASE_URL ? { sqlitePath: db } : { databaseUrl: env.DATABASE_URL };
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
