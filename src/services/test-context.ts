// The context tests call services with: the CLI's (may do everything) unless a test names
// another actor, over a test store, optionally naming the organization.
import type { Store } from '../store/index.js';
import { CLI, createContext, type Actor, type Context, type UserActor } from './context.js';

export function testContext(store: Store, actor: Actor = CLI, orgRef?: string): Context {
  return createContext(store, actor, orgRef);
}

/** A user of the first organization (id 1), of a role and, for bureau and division users, their bureau and division. */
export function testUser(login: string, role: UserActor['role'], bureau?: string, division?: string): UserActor {
  return {
    kind: 'user',
    userId: 1,
    login,
    orgId: 1,
    role,
    ...(bureau !== undefined && { bureau }),
    ...(division !== undefined && { division }),
  };
}
