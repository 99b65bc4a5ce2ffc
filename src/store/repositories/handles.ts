// What every repository is made from: the store's kysely handles and its dialect.
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import type { Database } from '../schema.js';

export interface Handles {
  /** Writes. */
  db: Kysely<Database>;
  /** Reads that need not wait for a write (SQLite: a read-only connection of its own). */
  reader: Kysely<Database>;
  dialect: DialectName;
}
