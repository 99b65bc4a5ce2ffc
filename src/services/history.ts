// The change log read back (workflow.md, "History"): a project's changes and an organization's
// recent ones, newest first, for signed-in users of the organization only.
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import type { LoggedChange, LogPage } from '../store/index.js';
import type { Channel } from './log-context.js';

export interface HistoryEntry {
  /** Orders entries (newest first) and pages them (`before`). */
  id: number;
  /** ISO 8601 time of the change. */
  at: string;
  /** The user's login, or `cli`, `bootstrap` (the administrator token). */
  actor: string;
  channel: Channel;
  /** Change-log path (interchange/change-path.ts): projects/KEY/indicators/IKEY/periods/2021/actual. */
  path: string;
  before?: unknown;
  after?: unknown;
  comment?: string;
}

export interface HistoryPage {
  /** At most `limit`; 100 unless told, at most 1,000. */
  limit?: number;
  /** Only entries older than this id (the last `id` of the previous page). */
  before?: number;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1_000;

/** One project's history, newest first. */
export async function projectHistory(ctx: Context, key: string, page: HistoryPage = {}): Promise<HistoryEntry[]> {
  const orgId = await draftOrganization(ctx);
  return (await ctx.store.changeLog.forProject(orgId, key, storePage(page))).map(entryOf);
}

/** The organization's recent changes, newest first. */
export async function organizationHistory(ctx: Context, page: HistoryPage = {}): Promise<HistoryEntry[]> {
  const orgId = await draftOrganization(ctx);
  return (await ctx.store.changeLog.forOrganization(orgId, storePage(page))).map(entryOf);
}

/**
 * The organization whose drafts (its history, its stored projects to edit) the context reads: a
 * user's own unless another is named; for its users and the console, never an anonymous reader.
 */
export async function draftOrganization(ctx: Context): Promise<number> {
  const orgId = ctx.actor.kind === 'user' && ctx.orgRef === undefined ? ctx.actor.orgId : (await ctx.organization()).id;
  authorize(ctx, 'read-drafts', { orgId });
  return orgId;
}

function storePage(page: HistoryPage): LogPage {
  const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  return { limit, ...(page.before !== undefined && { before: page.before }) };
}

function entryOf(logged: LoggedChange): HistoryEntry {
  const entry: HistoryEntry = { id: logged.id, at: new Date(logged.at).toISOString(), actor: logged.actor, channel: logged.channel as Channel, path: logged.path };
  if (logged.before !== undefined) entry.before = logged.before;
  if (logged.after !== undefined) entry.after = logged.after;
  if (logged.comment !== undefined) entry.comment = logged.comment;
  return entry;
}
