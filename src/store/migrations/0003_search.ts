// The full-text search index (search.ts): one row per searchable text of an organization —
// names, summaries, indicator names, improvement texts, policy titles — with its tokens
// (search-tokens.ts). PostgreSQL keeps the tokens as a tsvector beside the text, under a GIN
// index. SQLite indexes them in an FTS5 table whose rowid is the text's id: contentless and
// without positions (detail=none), since the text is in search_documents and queries only
// ask for tokens, never for phrases (the phrase check is the app's) — the cheapest FTS5
// table to write. A trigger removes a text's tokens with it, also when an organization's
// deletion cascades. search_revisions records the organization revision each index was built
// from: the index is built at the first search after an import (services/search.ts), so
// imports do not pay for it, and organizations stored before this migration need nothing here.
import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import { idColumnType } from '../dialect.js';

export function search(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('search_documents')
        .addColumn('id', idColumnType(dialect), (c) => c.primaryKey())
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('project_key', 'text')
        .addColumn('policy_code', 'text')
        .addColumn('placement_no', 'integer')
        .addColumn('indicator_key', 'text')
        .addColumn('fiscal_year', 'integer')
        .addColumn('bureau', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        // NFKC, lower case: what the LIKE scan of one-character queries reads.
        .addColumn('folded', 'text', (c) => c.notNull())
        .$call((table) => (dialect === 'postgres' ? table.addColumn('tokens', sql`tsvector`, (c) => c.notNull()) : table))
        .execute();
      await db.schema.createIndex('search_documents_org').on('search_documents').columns(['org_id', 'position']).execute();
      if (dialect === 'postgres') {
        await sql`create index search_documents_tokens on search_documents using gin (tokens)`.execute(db);
      } else {
        // remove_diacritics 0: the tokens are already folded; the index must not fold them further.
        await sql`create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, detail='none', tokenize='unicode61 remove_diacritics 0')`.execute(db);
        await sql`create trigger search_documents_delete after delete on search_documents begin
            delete from search_fts where rowid = old.id; end`.execute(db);
      }
      await db.schema
        .createTable('search_revisions')
        .addColumn('org_id', 'integer', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('search_revisions').execute();
      if (dialect === 'sqlite') await sql`drop table search_fts`.execute(db);
      await db.schema.dropTable('search_documents').execute();
    },
  };
}
