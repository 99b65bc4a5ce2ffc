// The kysely handles a store is made of: what every repository is built from, and what only
// the store's own modules (and its tests) touch. Services see the repositories alone.
import type { Kysely } from 'kysely';
import type { DialectName } from './dialect.js';
import type { Database } from './schema.js';

export interface Handles {
  /** Writes, and the reads of a transaction that writes. */
  db: Kysely<Database>;
  /**
   * Reads. SQLite: a read-only connection of its own — kysely's SQLite dialect has one
   * connection behind a mutex, so reads on `db` would wait for a whole import transaction;
   * in WAL mode this one never waits for a writer. Elsewhere (a pool, PGlite) `db` itself.
   */
  reader: Kysely<Database>;
  dialect: DialectName;
}
