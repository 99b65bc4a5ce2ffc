// Who may do what: every use case asks on its first line, whoever calls it (HTTP or CLI).
// Until accounts bring their role matrix (services/rights.ts, may(actor, action, subject)),
// the CLI and the bootstrap token (HYOKA_ADMIN_TOKEN) may do everything, anyone may read,
// and nobody else may write.
import type { Actor, Context } from './context.js';
import { ServiceError } from './errors.js';

/** What a use case does, as the rights are granted: `<aggregate>.<verb>`. */
export type Action =
  /** Read published data: pages, the API's lists and projects, exports, search. */
  | 'document.read'
  /** The organizations of the database. */
  | 'organization.list'
  /** Import a document (or preview the import): replaces an organization's data. */
  | 'document.import'
  /** Load the demo document into an empty database. */
  | 'demo.load';

/** Actions that change data: refused to everyone but the CLI and the bootstrap token for now. */
const WRITES: ReadonlySet<Action> = new Set<Action>(['document.import', 'demo.load']);

/** What the action concerns, for rules that depend on it (a bureau's projects, one organization). */
export interface Subject {
  orgId?: number;
  bureau?: string;
  division?: string;
}

/** Whether the actor may do the action (on the subject). */
export function may(actor: Actor, action: Action, _subject?: Subject): boolean {
  if (actor.kind === 'cli' || actor.kind === 'bootstrap') return true;
  return !WRITES.has(action);
}

/** Throws unless the context's actor may do the action: the first line of every use case. */
export function authorize(ctx: Context, action: Action, subject?: Subject): void {
  if (may(ctx.actor, action, subject)) return;
  if (ctx.actor.kind === 'anonymous') {
    throw new ServiceError('unauthorized', '書き込むには管理者トークンが必要です / Writing requires the administrator token');
  }
  throw new ServiceError('forbidden', 'この操作の権限がありません / You may not do this');
}
