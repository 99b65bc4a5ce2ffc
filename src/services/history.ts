// The change log read back (workflow.md, "History"): a project's changes and an organization's
// recent ones, newest first, for signed-in users of the organization only.
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import type { Channel } from './editing.js';

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

/** One project's history, newest first. */
export async function projectHistory(ctx: Context, key: string, page: HistoryPage = {}): Promise<HistoryEntry[]> {
  authorize(ctx, 'read-drafts', { orgId: (await ctx.organization()).id });
  void key;
  void page;
  return [];
}

/** The organization's recent changes, newest first. */
export async function organizationHistory(ctx: Context, page: HistoryPage = {}): Promise<HistoryEntry[]> {
  authorize(ctx, 'read-drafts', { orgId: (await ctx.organization()).id });
  void page;
  return [];
}
