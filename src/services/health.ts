import type { Store } from '../store/index.js';

/**
 * Answers only when the database answers, without queueing behind an import (SQLite: a
 * statement on the read connection's handle, outside kysely's connection mutex).
 */
export async function checkHealth(store: Store): Promise<void> {
  await store.ping();
}
