// Carried over (workflow.md, "Carried over, and what is new"): a cycle entry remembers the
// values its opening copied from last year (`carried`: path → value) and the division's
// confirmations that a flagged value stands (`confirmed`: path → { value, reason, by, at }).
// Both JSON text, `{}` when empty.
import type { Kysely, Migration } from 'kysely';

export const cycleCarried: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('cycle_entries').addColumn('carried', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await db.schema.alterTable('cycle_entries').addColumn('confirmed', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('cycle_entries').dropColumn('confirmed').execute();
    await db.schema.alterTable('cycle_entries').dropColumn('carried').execute();
  },
};
