// Who may do what: every use case asks on its first line, whoever calls it (HTTP or CLI).
// The answer is the role matrix of workflow.md (rights.ts, may(actor, action, subject)); this
// module is how a use case asks it of its context.
import type { Context } from './context.js';
import { demand, may, type Action, type Subject } from './rights.js';

export { may, type Action, type Subject };

/** Throws unless the context's actor may do the action (401 anonymous, 403 otherwise). */
export function authorize(ctx: Context, action: Action, subject?: Subject): void {
  demand(ctx.actor, action, subject);
}
