// The store's repositories, one per aggregate, made from the same handles.
import type { Handles } from './handles.js';
import { usersRepository } from './users.js';
import { sessionsRepository } from './sessions.js';
import { tokensRepository } from './tokens.js';
import { signInFailuresRepository } from './sign-in-failures.js';

export function repositories(handles: Handles) {
  return {
    users: usersRepository(handles),
    sessions: sessionsRepository(handles),
    tokens: tokensRepository(handles),
    signInFailures: signInFailuresRepository(handles),
  };
}

export type Repositories = ReturnType<typeof repositories>;
