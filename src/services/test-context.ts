// The context tests call services with: the CLI's (may do everything) unless a test names
// another actor, over a test store, optionally naming the organization.
import type { Store } from '../store/index.js';
import { CLI, createContext, type Actor, type Context } from './context.js';

export function testContext(store: Store, actor: Actor = CLI, orgRef?: string): Context {
  return createContext(store, actor, orgRef);
}
