// Backing up the whole database and restoring a backup into an empty one: operations for the
// person at the server's console (the CLI), never for a request — they read and write every
// organization at once.
import { backupDatabase, openStore, restoreDatabase, RestoreRefusedError, type BackupKind, type StoreOptions } from '../store/index.js';
import { authorize } from './authorization.js';
import type { Actor, Context } from './context.js';
import { ServiceError } from './errors.js';
import { demand } from './rights.js';

export async function backup(ctx: Context, file: string): Promise<BackupKind> {
  authorize(ctx, 'operate-database');
  return refusals(() => backupDatabase(ctx.store, file));
}

/**
 * Restores into a database that holds no table yet, then opens it once, which migrates a backup
 * of an earlier version. It takes the target's address, not a Context: opening a store
 * migrates the database, which would then no longer be empty.
 */
export async function restore(actor: Actor, target: StoreOptions, file: string): Promise<BackupKind> {
  demand(actor, 'operate-database');
  const kind = await refusals(() => restoreDatabase(target, file));
  const store = await openStore(target);
  await store.close();
  return kind;
}

async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw new ServiceError('conflict', error.message);
    throw error;
  }
}
