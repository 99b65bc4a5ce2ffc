// The change log (workflow.md, "History"): every change appended, none ever updated or
// deleted — triggers refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) on both dialects.
// An organization's entries name it without a cascade: an organization with history is not
// deleted by accident.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

const REFUSAL = 'change_log is append-only: entries are never updated or deleted';

export function changeLog(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('change_log')
        .addColumn('id', idColumnType(dialect), (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        // The key of the project the path is under (projects/KEY/…), for a project's history.
        .addColumn('project', 'text')
        .addColumn('at', 'double precision', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('form', 'api', 'import', 'cycle', 'publication')`))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('comment', 'text')
        .execute();
      await db.schema.createIndex('change_log_org').on('change_log').columns(['org_id', 'id']).execute();
      await db.schema.createIndex('change_log_project').on('change_log').columns(['org_id', 'project', 'id']).execute();
      if (dialect === 'sqlite') {
        for (const event of ['update', 'delete']) {
          await sql
            .raw(`create trigger change_log_no_${event} before ${event} on change_log begin select raise(abort, '${REFUSAL}'); end`)
            .execute(db);
        }
        return;
      }
      await sql
        .raw(`create function change_log_append_only() returns trigger language plpgsql as $$ begin raise exception '${REFUSAL}'; end $$`)
        .execute(db);
      await sql.raw('create trigger change_log_no_change before update or delete on change_log for each row execute function change_log_append_only()').execute(db);
      await sql.raw('create trigger change_log_no_truncate before truncate on change_log for each statement execute function change_log_append_only()').execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('change_log').execute();
      if (dialect === 'postgres') await sql`drop function change_log_append_only()`.execute(db);
    },
  };
}
