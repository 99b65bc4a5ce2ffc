// Who a change-log entry names (workflow.md, "History"): a user by login; the server's console
// as `cli`; the administrator token (HYOKA_ADMIN_TOKEN) as `bootstrap`.
import type { LogContext } from '../store/index.js';
import type { Actor } from './context.js';

export type Channel = LogContext['channel'];

export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.login;
    case 'cli':
      return 'cli';
    case 'bootstrap':
      return 'bootstrap';
    default:
      return 'anonymous';
  }
}

/** What every change-log entry of one write carries. */
export function logContext(actor: Actor, channel: Channel, comment?: string): LogContext {
  return { actor: actorName(actor), channel, ...(comment !== undefined && comment !== '' && { comment }) };
}
