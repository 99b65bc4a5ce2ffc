// The tables of accounts (workflow.md, "People and what they may do", "Signing in"): users of
// an organization, their sessions and API tokens, and the failed sign-ins that rate-limit
// guessing. Secrets are never stored as given: passwords as scrypt hashes, session ids and
// tokens as SHA-256 digests. Times are milliseconds since the epoch (double precision: a
// JavaScript number back from both dialects, where int8 would come back as a string).
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  org_id: number;
  /** Unique within the organization. */
  login: string;
  role: string;
  /** 局, for bureau and division users, as projects carry it. */
  bureau: string | null;
  /** 課, for division users. */
  division: string | null;
  /** `$scrypt$…` (services/passwords.ts); null: no password sign-in (proxy or token only). */
  password_hash: string | null;
  /** 0 or 1: a disabled user is no actor at all. */
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the session id in the cookie: a read of the table gives no usable session. */
  id_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  /** A session ends here however active it is. */
  expires_at: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  /** SHA-256 of the token. */
  hash: string;
  user_id: number;
  label: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** One failed sign-in: counted per login and per address over a window. */
export interface SignInFailuresTable {
  id: Generated<number>;
  org_id: number;
  login: string;
  address: string;
  at: number;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
}
