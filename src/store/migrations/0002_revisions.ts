// A revision number per organization, raised by every import that writes, so that an
// app instance can tell cheaply whether what it cached of an organization is still current —
// also when another instance (or the CLI) did the import.
import type { Kysely, Migration } from 'kysely';

export const revisions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('organization_revisions')
      .addColumn('org_id', 'integer', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('organization_revisions').execute();
  },
};
