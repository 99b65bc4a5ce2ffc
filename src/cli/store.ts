// Opens the store a command names: --db PATH wins, then DATABASE_URL, then the default SQLite file.
import { openStore, type Store } from '../store/index.js';
import type { OptionValues } from './commands.js';

export const dbOption = { db: { type: 'string' } } as const;
export const orgOption = { org: { type: 'string' } } as const;

export async function withStore<T>(values: OptionValues, env: NodeJS.ProcessEnv, use: (store: Store) => Promise<T>): Promise<T> {
  const db = typeof values.db === 'string' ? values.db : undefined;
  const store = await openStore(db || !env.DATABASE_URL ? { sqlitePath: db } : { databaseUrl: env.DATABASE_URL });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
