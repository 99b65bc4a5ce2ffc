import type { Context } from './context.js';

/**
 * Answers only when the database answers, without queueing behind an import (SQLite: a
 * statement on the read connection's handle, outside kysely's connection mutex).
 */
export async function checkHealth(ctx: Context): Promise<void> {
  await ctx.store.ping();
}
