// The stages of the policy evaluations (workflow.md, "Stages"): each policy evaluation (policy,
// bureau) of a cycle moves draft → submitted → … like a cycle entry. A row exists once it has
// left `draft` (no row: draft), so opening a cycle writes nothing for them; its transitions
// are kept like an entry's. A cycle's deletion takes them with it.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

export function policyStages(dialect: DialectName): Migration {
  const idType = idColumnType(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('policy_stages')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
        .addColumn('policy', 'text', (c) => c.notNull())
        .addColumn('bureau', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addUniqueConstraint('policy_stages_key', ['cycle_id', 'policy', 'bureau'])
        .execute();

      await db.schema
        .createTable('policy_stage_transitions')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('policy_stage_id', 'integer', (c) => c.notNull().references('policy_stages.id').onDelete('cascade'))
        .addColumn('at', 'double precision', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('from_stage', 'text', (c) => c.notNull())
        .addColumn('to_stage', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .execute();
      await db.schema.createIndex('policy_stage_transitions_stage').on('policy_stage_transitions').columns(['policy_stage_id', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['policy_stage_transitions', 'policy_stages']) await db.schema.dropTable(table).execute();
    },
  };
}
