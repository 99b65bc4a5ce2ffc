// Who may do what (workflow.md, "People and what they may do"): the one answer for an action
// and, where it matters, the record it is done to. Services ask here on their first line;
// transports never decide. Disabled users never become actors (actors.ts), so they reach
// here as anonymous.
import type { Actor, UserActor } from './context.js';
import { ServiceError } from './errors.js';

/** The stages of a cycle entry or a policy evaluation (workflow.md, "Stages"). */
export type Stage = 'draft' | 'submitted' | 'reviewed' | 'approved';

export type Action =
  /** Read what is published: anyone. */
  | 'read-published'
  /** Read the organization's drafts: every user of it. */
  | 'read-drafts'
  /** Change a project's fields (which fields: refusedPaths). */
  | 'edit-project'
  /** draft → submitted. */
  | 'submit-project'
  /** submitted → reviewed. */
  | 'review-project'
  /** A later stage → draft, with a comment. */
  | 'return-project'
  /** reviewed → approved. */
  | 'approve-project'
  | 'edit-policy-evaluation'
  | 'submit-policy-evaluation'
  /** A policy evaluation submitted → reviewed → approved, or returned to draft. */
  | 'approve-policy-evaluation'
  /** An import whose document becomes the organization's. */
  | 'import-replace'
  /** An import that changes the records it names (merge, update): limited by refusedPaths. */
  | 'import-records'
  | 'manage-users'
  | 'manage-settings'
  | 'manage-cycles'
  | 'publish'
  /** Back up or restore the whole database: the server's console alone (every organization at once). */
  | 'operate-database';

/** The record an action is done to: its organization, and for a project its bureau, division and stage. */
export interface Subject {
  orgId: number;
  bureau?: string | undefined;
  division?: string | undefined;
  /** The stage of its entry in the open cycle; none open: as `draft`. */
  stage?: Stage | undefined;
}

const ADMIN_ONLY: ReadonlySet<Action> = new Set(['approve-project', 'approve-policy-evaluation', 'import-replace', 'manage-users', 'manage-settings', 'manage-cycles', 'publish']);

export function may(actor: Actor, action: Action, subject?: Subject): boolean {
  if (action === 'read-published') return true;
  if (action === 'operate-database') return actor.kind === 'cli' || actor.kind === 'bootstrap';
  if (actor.kind === 'cli' || actor.kind === 'bootstrap') return true;
  if (actor.kind === 'anonymous') return false;
  // Every other action is done within one organization: a subject is required, and must be the user's own.
  if (!subject || subject.orgId !== actor.orgId) return false;
  if (actor.role === 'admin') return true;
  if (action === 'read-drafts') return true;
  if (ADMIN_ONLY.has(action) || actor.role === 'viewer') return false;
  return mayAsBureauOrDivision(actor, action, subject);
}

function mayAsBureauOrDivision(actor: UserActor, action: Action, subject: Subject): boolean {
  const stage = subject.stage ?? 'draft';
  if (actor.role === 'bureau') {
    if (!ownBureau(actor, subject)) return false;
    switch (action) {
      case 'edit-project':
        return stage === 'draft' || stage === 'submitted';
      case 'review-project':
        return stage === 'submitted';
      case 'return-project':
        return stage === 'submitted' || stage === 'reviewed';
      case 'edit-policy-evaluation':
      case 'submit-policy-evaluation':
        return stage === 'draft';
      case 'import-records':
        return true;
      default:
        return false;
    }
  }
  // division
  if (!ownBureau(actor, subject) || subject.division !== actor.division) return false;
  switch (action) {
    case 'edit-project':
    case 'submit-project':
      return stage === 'draft';
    case 'import-records':
      return true;
    default:
      return false;
  }
}

/** Whether the record is within a bureau or division user's own (others reach the whole organization). */
export function withinOwnScope(actor: UserActor, subject: Subject): boolean {
  if (actor.role === 'bureau') return ownBureau(actor, subject);
  if (actor.role === 'division') return ownBureau(actor, subject) && subject.division === actor.division;
  return subject.orgId === actor.orgId;
}

/** A bureau user always has a bureau; a division user without one matches on the division alone. */
function ownBureau(actor: UserActor, subject: Subject): boolean {
  if (actor.bureau === undefined) return actor.role === 'division';
  return subject.bureau === actor.bureau;
}

/**
 * Throws unless the actor may: 401 for someone not signed in (signing in might help), 403
 * for a user whose role or scope does not reach the subject.
 */
export function demand(actor: Actor, action: Action, subject?: Subject): void {
  if (may(actor, action, subject)) return;
  // Signing in helps with everything but the console's own operations.
  if (actor.kind === 'anonymous' && action !== 'operate-database') {
    throw new ServiceError('unauthorized', 'サインインするか、管理者トークンまたは API トークンを示してください / Sign in, or present the administrator token or an API token');
  }
  throw new ServiceError('forbidden', 'この操作の権限がありません / You are not allowed to do this');
}
