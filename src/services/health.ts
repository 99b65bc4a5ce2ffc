// Health (the process is alive) and readiness (it can serve: the database answers and has this
// version's schema), for a load balancer or an orchestrator to ask.
import type { Context } from './context.js';
import { ServiceError } from './errors.js';

/** Alive: the process answers. No database: a lost database makes an instance unready, not dead. */
export function checkHealth(): { status: 'ok' } {
  return { status: 'ok' };
}

/**
 * Ready: the database answers, without queueing behind an import (SQLite: a statement on the
 * read connection's handle, outside kysely's connection mutex), and has run this version's
 * migrations. A database out of reach throws what the transports answer as 503.
 */
export async function checkReadiness(ctx: Context): Promise<{ status: 'ok' }> {
  await ctx.store.ping();
  if (!(await ctx.store.atLatestMigration())) {
    throw new ServiceError('unavailable', 'データベースの移行が済んでいません / The database has not been migrated to this version', [], { retryAfter: 10 });
  }
  return { status: 'ok' };
}
