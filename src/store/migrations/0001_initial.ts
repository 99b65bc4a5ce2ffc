// The first schema: organizations and everything under them (see ../schema.ts).
// Deleting a record deletes what hangs below it (ON DELETE CASCADE), which is how an
// import removes a project with its rows, indicators, periods, budgets and evaluations.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

const JSON_TEXT = 'text';
// Amounts are thousand yen; float8 keeps integers exact to 2^53 and reads back as a JS
// number on both dialects (int8 would come back as a string from pg).
const AMOUNT = 'double precision';

export function initial(dialect: DialectName): Migration {
  const idType = idColumnType(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('organizations')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('code', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('plan', JSON_TEXT)
        .addColumn('settings', JSON_TEXT)
        .addColumn('extra', JSON_TEXT)
        .addColumn('document_extra', JSON_TEXT)
        .addColumn('empty_lists', 'text')
        .execute();
      await db.schema.createIndex('organizations_code').on('organizations').column('code').unique().execute();
      // An organization without a code is identified by its name, so two such must differ.
      await db.schema
        .createIndex('organizations_name_without_code')
        .on('organizations')
        .column('name')
        .unique()
        .where(sql.ref('code'), 'is', null)
        .execute();

      await db.schema
        .createTable('policies')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('extra', JSON_TEXT)
        .addUniqueConstraint('policies_org_code', ['org_id', 'code'])
        .execute();

      await db.schema
        .createTable('projects')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('bureau', 'text')
        .addColumn('division', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('sdgs', JSON_TEXT)
        .addColumn('extra', JSON_TEXT)
        .addColumn('empty_lists', 'text')
        .addUniqueConstraint('projects_org_key', ['org_id', 'key'])
        .execute();

      await db.schema
        .createTable('placements')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        // No cascade: a policy is removed only after the rows placed under it.
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('sdgs', JSON_TEXT)
        .addColumn('indicator_keys', JSON_TEXT)
        .addColumn('extra', JSON_TEXT)
        .addColumn('empty_lists', 'text')
        .addUniqueConstraint('placements_project_policy_no', ['project_id', 'policy_id', 'no'])
        .execute();
      await db.schema.createIndex('placements_policy').on('placements').column('policy_id').execute();

      await db.schema
        .createTable('indicators')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('better', 'text')
        .addColumn('decimals', 'integer')
        .addColumn('baseline', JSON_TEXT)
        .addColumn('mid_term', JSON_TEXT)
        .addColumn('extra', JSON_TEXT)
        .addColumn('empty_lists', 'text')
        .addUniqueConstraint('indicators_project_key', ['project_id', 'key'])
        .execute();

      await db.schema
        .createTable('periods')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('target', JSON_TEXT)
        .addColumn('actual', JSON_TEXT)
        .addColumn('extra', JSON_TEXT)
        .addUniqueConstraint('periods_indicator_year', ['indicator_id', 'fiscal_year'])
        .execute();

      await db.schema
        .createTable('budgets')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('amount', AMOUNT, (c) => c.notNull())
        .addColumn('extra', JSON_TEXT)
        .addUniqueConstraint('budgets_project_year', ['project_id', 'fiscal_year'])
        .execute();

      await db.schema
        .createTable('personnel_costs')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('placement_id', 'integer', (c) => c.references('placements.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('amount', AMOUNT, (c) => c.notNull())
        .addColumn('extra', JSON_TEXT)
        .execute();
      await ownerYearIndexes(db, 'personnel_costs');

      await db.schema
        .createTable('evaluations')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('placement_id', 'integer', (c) => c.references('placements.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('grade', 'text')
        .addColumn('grade_reason', 'text')
        .addColumn('course', 'text')
        .addColumn('improvement', 'text')
        .addColumn('extra', JSON_TEXT)
        .execute();
      await ownerYearIndexes(db, 'evaluations');

      await db.schema
        .createTable('policy_evaluations')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('policy_id', 'integer', (c) => c.notNull().references('policies.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('bureau', 'text')
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('grade', 'text')
        .addColumn('improvement', 'text')
        .addColumn('extra', JSON_TEXT)
        .execute();
      // One per (policy, bureau, fiscal year); an absent bureau counts as the empty one.
      await db.schema
        .createIndex('policy_evaluations_key')
        .on('policy_evaluations')
        .unique()
        .expression(sql`policy_id, coalesce(bureau, ''), fiscal_year`)
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'policy_evaluations',
        'evaluations',
        'personnel_costs',
        'budgets',
        'periods',
        'indicators',
        'placements',
        'projects',
        'policies',
        'organizations',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

/**
 * A project's own record (placement_id null) and each row's are unique per fiscal year.
 * NULLs are distinct in a plain unique index on both dialects, hence the coalesce; the
 * second index serves the cascade from a deleted row.
 */
async function ownerYearIndexes(db: Kysely<any>, table: 'personnel_costs' | 'evaluations'): Promise<void> {
  await db.schema
    .createIndex(`${table}_owner_year`)
    .on(table)
    .unique()
    .expression(sql`project_id, coalesce(placement_id, 0), fiscal_year`)
    .execute();
  await db.schema.createIndex(`${table}_placement`).on(table).column('placement_id').execute();
}
