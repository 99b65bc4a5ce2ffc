// A document the store cannot hold as it stands (a duplicate key, a row naming an unknown
// policy): normally refused earlier by validation, checked again here because the store
// matches records by these keys. The import service turns it into a ServiceError.
import type { Problem } from '../interchange/messages.js';

export class InvalidDocumentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'InvalidDocumentError';
  }
}

/**
 * The organization's data changed between reading the snapshot a change set was computed
 * from and applying it (another import committed meanwhile): nothing was written; compute
 * the change set again from a fresh snapshot, or report the conflict.
 */
export class StaleSnapshotError extends Error {
  constructor(readonly expectedRevision: number, readonly foundRevision: number | null) {
    super(`store: the organization is at revision ${foundRevision ?? '(new)'}, the change set was computed at ${expectedRevision}`);
    this.name = 'StaleSnapshotError';
  }
}

/**
 * Why a database could not serve a statement for now, if that is what an error means:
 * `busy` — another writer holds the lock (SQLite's busy timeout ran out, PostgreSQL's lock
 * wait or deadlock); `unreachable` — the connection is gone or cannot be made (a restart, a
 * failover, a network fault). Both are worth retrying; anything else is a defect.
 */
export type UnavailableCause = 'busy' | 'unreachable';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE: 57P01-03 the server shut down or is starting, 53300 too many connections.
const UNREACHABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
// SQLSTATE: 55P03 lock not available, 40P01 deadlock detected.
const BUSY_STATES = new Set(['55P03', '40P01']);
// What pg says when a connection ends or cannot be made in time; these errors carry no code.
const UNREACHABLE_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /is not queryable/, /^Client was closed and is not queryable/];

export function unavailableCause(error: unknown): UnavailableCause | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
    if (BUSY_STATES.has(code)) return 'busy';
    if (NETWORK_CODES.has(code) || UNREACHABLE_STATES.has(code) || code.startsWith('08')) return 'unreachable';
  }
  if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return 'unreachable';
  return undefined;
}
