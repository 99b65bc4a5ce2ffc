// Published versions of a cycle (workflow.md, "Publication"): the organization's computed
// document frozen as canonical JSON, numbered per fiscal year, with who published it, when, a
// note and the SHA-256 of exactly the stored text. Immutable: triggers refuse UPDATE and DELETE
// (and, on PostgreSQL, TRUNCATE), as for the change log; no cascade from the organization.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

const REFUSAL = 'publications are immutable: a published version is never updated or deleted';

export function publications(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('publications')
        .addColumn('id', idColumnType(dialect), (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
        .addColumn('published_at', 'double precision', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addUniqueConstraint('publications_version', ['org_id', 'fiscal_year', 'version'])
        .execute();
      if (dialect === 'sqlite') {
        for (const event of ['update', 'delete']) {
          await sql.raw(`create trigger publications_no_${event} before ${event} on publications begin select raise(abort, '${REFUSAL}'); end`).execute(db);
        }
        return;
      }
      await sql.raw(`create function publications_immutable() returns trigger language plpgsql as $$ begin raise exception '${REFUSAL}'; end $$`).execute(db);
      await sql.raw('create trigger publications_no_change before update or delete on publications for each row execute function publications_immutable()').execute(db);
      await sql.raw('create trigger publications_no_truncate before truncate on publications for each statement execute function publications_immutable()').execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('publications').execute();
      if (dialect === 'postgres') await sql`drop function publications_immutable()`.execute(db);
    },
  };
}
