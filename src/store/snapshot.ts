// Reads that span several queries see one state of the database: a concurrent import shows
// wholly or not at all. SQLite: a transaction on the read connection (its first read fixes
// the snapshot; WAL lets it run beside a writer). PostgreSQL: repeatable read, read only.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Handles } from './handles.js';

export function inSnapshot<T>(handles: Pick<Handles, 'reader'>, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return handles.reader.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
}
