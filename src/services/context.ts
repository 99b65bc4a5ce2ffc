// Who is asking, of which organization, through which store: the first argument of every use
// case. Transports (HTTP, CLI) build one per request or command; services never read a
// request or the environment themselves. Authorization (authorization.ts) answers from the
// actor alone, so a service checks rights on its first line whoever calls it.
import type { Store } from '../store/index.js';

export type { Store };
import type { OrganizationRef } from './organizations.js';
import { currentOrganization } from './project-cache.js';

/** The roles of workflow.md ("People and what they may do"). */
export const ROLES = ['admin', 'bureau', 'division', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in user of one organization. */
export interface UserActor {
  kind: 'user';
  userId: number;
  login: string;
  /** The organization the user belongs to: no other is visible to them. */
  orgId: number;
  role: Role;
  /** For `bureau` and `division` users: the bureau (局) as projects carry it. */
  bureau?: string;
  /** For `division` users: the division (課) as projects carry it. */
  division?: string;
}

/**
 * - `anonymous`: a citizen; reads what is published, nothing else.
 * - `cli`: a person at the server's console, who holds the database file or URL anyway: an
 *   administrator of every organization, recorded as `cli`.
 * - `bootstrap`: the HYOKA_ADMIN_TOKEN, an administrator of every organization until users exist.
 * - `user`: a signed-in user, with the rights of their role.
 */
export type Actor = { kind: 'anonymous' } | { kind: 'cli' } | { kind: 'bootstrap' } | UserActor;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const CLI: Actor = { kind: 'cli' };
export const BOOTSTRAP: Actor = { kind: 'bootstrap' };

export interface Context {
  readonly store: Store;
  readonly actor: Actor;
  /** The organization as the request named it (?org=, --org: code or name), if it did. */
  readonly orgRef: string | undefined;
  /** The organization the request means, resolved once per context (the only one when none is named). */
  organization(): Promise<OrganizationRef>;
}

/** A context whose organization is looked up at most once, when a service first asks for it. */
export function createContext(store: Store, actor: Actor, orgRef?: string): Context {
  let resolved: Promise<OrganizationRef> | undefined;
  return {
    store,
    actor,
    orgRef: orgRef === '' ? undefined : orgRef,
    organization() {
      resolved ??= currentOrganization(store, orgRef === '' ? undefined : orgRef);
      return resolved;
    },
  };
}
