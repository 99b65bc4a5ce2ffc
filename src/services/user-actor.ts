// A stored user as the actor of a request or command.
import { ROLES, type Role, type UserActor } from './context.js';
import type { UserRow } from '../store/index.js';

export function userActor(row: UserRow): UserActor {
  if (!(ROLES as readonly string[]).includes(row.role)) throw new Error(`unknown role ${row.role}`);
  return {
    kind: 'user',
    userId: row.id,
    login: row.login,
    orgId: row.org_id,
    role: row.role as Role,
    ...(row.bureau !== null && { bureau: row.bureau }),
    ...(row.division !== null && { division: row.division }),
  };
}
