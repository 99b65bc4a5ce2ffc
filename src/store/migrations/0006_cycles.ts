// The yearly cycle (workflow.md, "The cycle"): one row per organization and fiscal year, an
// entry per project evaluated that year with its stage and scope, and every transition of an
// entry. An organization's deletion takes its cycles with it; a cycle's, its entries and theirs.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

const TIME = 'double precision';

export function cycles(dialect: DialectName): Migration {
  const idType = idColumnType(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cycles')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed')`))
        // JSON: { division?, bureau?, bureaus?: { [bureau]: date } }.
        .addColumn('deadlines', 'text', (c) => c.notNull())
        .addColumn('opened_at', TIME, (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('cycles_org_year', ['org_id', 'fiscal_year'])
        .execute();

      await db.schema
        .createTable('cycle_entries')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
        .addColumn('project', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('full', 'light', 'skip')`))
        .addUniqueConstraint('cycle_entries_project', ['cycle_id', 'project'])
        .execute();

      await db.schema
        .createTable('cycle_transitions')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('entry_id', 'integer', (c) => c.notNull().references('cycle_entries.id').onDelete('cascade'))
        .addColumn('at', TIME, (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('from_stage', 'text', (c) => c.notNull())
        .addColumn('to_stage', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .execute();
      await db.schema.createIndex('cycle_transitions_entry').on('cycle_transitions').columns(['entry_id', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['cycle_transitions', 'cycle_entries', 'cycles']) await db.schema.dropTable(table).execute();
    },
  };
}
