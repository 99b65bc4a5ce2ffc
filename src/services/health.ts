import { sql } from 'kysely';
import type { Store } from '../store/index.js';

/** Answers only when the database answers. */
export async function checkHealth(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
