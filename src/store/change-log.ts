// The change log's rows (migration 0005; workflow.md, "History"): one per changed value, appended
// in the transaction that writes the change (apply.ts), read back per project and per
// organization, newest first. Nothing updates or deletes a row: triggers refuse it.
import type { Generated, Kysely } from 'kysely';
import type { HyokaDocument } from '../domain/model.js';
import { changeList } from '../interchange/change-list.js';
import { pathSegments } from '../interchange/change-path.js';
import { RECORD_KINDS, type Change, type ChangeSet } from '../interchange/change-set.js';
import type { Database } from './schema.js';

export interface ChangeLogTable {
  id: Generated<number>;
  org_id: number;
  /** The project key a `projects/KEY/…` path is under; null for other paths. */
  project: string | null;
  /** Milliseconds since the epoch. */
  at: number;
  /** A user's login, or `cli`, `bootstrap`. */
  actor: string;
  channel: string;
  path: string;
  /** JSON; null when the value is new. */
  before: string | null;
  /** JSON; null when the value is gone. */
  after: string | null;
  comment: string | null;
}

/** Who writes, how and why: what every entry of one write carries. */
export interface LogContext {
  actor: string;
  channel: 'form' | 'api' | 'import' | 'cycle' | 'publication';
  comment?: string | undefined;
  /** Milliseconds since the epoch; now unless given. */
  at?: number;
}

export interface LoggedChange {
  id: number;
  at: number;
  actor: string;
  channel: string;
  path: string;
  before?: unknown;
  after?: unknown;
  comment?: string;
}

/** The project key of a change-log path, or null when the path is not under one project. */
export function projectOfPath(path: string): string | null {
  if (!path.startsWith('projects/')) return null;
  return pathSegments(path)[1] ?? null;
}

/**
 * The values a change set logs: one entry per changed value (change-list.ts). A new
 * organization is one entry (path '', after: the organization and how many records came),
 * not one per record of a whole city's data.
 */
export function loggedChanges(changeSet: ChangeSet, desired: HyokaDocument, newOrganization: boolean): Change[] {
  if (!newOrganization) return changeList(changeSet).changes;
  const added = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, changeSet.counts[kind].added]).filter(([, n]) => n !== 0));
  return [{ path: '', after: { organization: desired.organization, added } }];
}

const ROWS_PER_STATEMENT = 500;

/** Appends the entries, in the caller's transaction. */
export async function appendChanges(db: Kysely<Database>, orgId: number, changes: readonly Change[], log: LogContext): Promise<void> {
  const at = log.at ?? Date.now();
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  for (let start = 0; start < changes.length; start += ROWS_PER_STATEMENT) {
    const rows = changes.slice(start, start + ROWS_PER_STATEMENT).map((change) => ({
      org_id: orgId,
      project: projectOfPath(change.path),
      at,
      actor: log.actor,
      channel: log.channel,
      path: change.path,
      before: json(change.before),
      after: json(change.after),
      comment: log.comment ?? null,
    }));
    await db.insertInto('change_log').values(rows).execute();
  }
}

export interface LogPage {
  limit: number;
  /** Only entries with a smaller id. */
  before?: number | undefined;
}

/** Entries of the organization (of one project when `project` is given), newest first. */
export async function readChanges(db: Kysely<Database>, orgId: number, page: LogPage, project?: string): Promise<LoggedChange[]> {
  let query = db.selectFrom('change_log').selectAll().where('org_id', '=', orgId);
  if (project !== undefined) query = query.where('project', '=', project);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const rows = await query.orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map((row) => {
    const entry: LoggedChange = { id: Number(row.id), at: Number(row.at), actor: row.actor, channel: row.channel, path: row.path };
    if (row.before !== null) entry.before = JSON.parse(row.before);
    if (row.after !== null) entry.after = JSON.parse(row.after);
    if (row.comment !== null) entry.comment = row.comment;
    return entry;
  });
}
