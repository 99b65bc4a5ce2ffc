// Published versions (migration 0007; workflow.md, "Publication"): each fiscal year's cycle has
// versions 1, 2, … of the organization's computed document, stored as the text that was hashed.
// A version is numbered, written and logged (channel `publication`) in one transaction; nothing
// ever changes one afterwards (triggers refuse it).
import type { Generated, Kysely } from 'kysely';
import { appendChanges } from '../change-log.js';
import type { Handles } from '../handles.js';
import type { Database } from '../schema.js';

export interface PublicationsTable {
  publications: {
    id: Generated<number>;
    org_id: number;
    fiscal_year: number;
    version: number;
    published_at: number;
    published_by: string;
    note: string;
    sha256: string;
    document: string;
  };
}

export interface PublicationRow {
  fiscalYear: number;
  version: number;
  publishedAt: number;
  by: string;
  note: string;
  sha256: string;
}

export interface NewPublication {
  fiscalYear: number;
  note: string;
  by: string;
  at: number;
  sha256: string;
  /** The canonical JSON whose SHA-256 is `sha256`. */
  document: string;
}

export type PublicationsRepository = ReturnType<typeof publicationsRepository>;

const COLUMNS = ['fiscal_year', 'version', 'published_at', 'published_by', 'note', 'sha256'] as const;

function rowOf(row: Pick<Database['publications'], (typeof COLUMNS)[number]>): PublicationRow {
  return {
    fiscalYear: Number(row.fiscal_year),
    version: Number(row.version),
    publishedAt: Number(row.published_at),
    by: row.published_by,
    note: row.note,
    sha256: row.sha256,
  };
}

async function nextVersion(db: Kysely<Database>, orgId: number, fiscalYear: number): Promise<number> {
  const row = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('org_id', '=', orgId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

// Reads go to the reader, as the organizations' heads do: every page reads the versions, and
// on SQLite the writer's connection is held for a whole import — a read there would wait for it.
export function publicationsRepository({ db, reader }: Handles) {
  return {
    /** The organization's versions (of one year, or all), without their documents, by year and number. */
    async list(orgId: number, fiscalYear?: number): Promise<PublicationRow[]> {
      let query = reader.selectFrom('publications').select(COLUMNS).where('org_id', '=', orgId);
      if (fiscalYear !== undefined) query = query.where('fiscal_year', '=', fiscalYear);
      const rows = await query.orderBy('fiscal_year').orderBy('version').execute();
      return rows.map(rowOf);
    },
    /** One version's document as stored (the text its SHA-256 is of). */
    async document(orgId: number, fiscalYear: number, version: number): Promise<string | undefined> {
      const row = await reader
        .selectFrom('publications')
        .select('document')
        .where('org_id', '=', orgId)
        .where('fiscal_year', '=', fiscalYear)
        .where('version', '=', version)
        .executeTakeFirst();
      return row?.document;
    },
    /**
     * Stores the next version of the year's cycle and logs it. Two publications of one year at
     * once: the unique (org, year, version) refuses the second, which the caller may retry.
     */
    create(orgId: number, publication: NewPublication): Promise<PublicationRow> {
      return db.transaction().execute(async (tx) => {
        const version = await nextVersion(tx, orgId, publication.fiscalYear);
        await tx
          .insertInto('publications')
          .values({
            org_id: orgId,
            fiscal_year: publication.fiscalYear,
            version,
            published_at: publication.at,
            published_by: publication.by,
            note: publication.note,
            sha256: publication.sha256,
            document: publication.document,
          })
          .execute();
        const path = `cycles/${publication.fiscalYear}/publications/${version}`;
        await appendChanges(tx, orgId, [{ path, after: publication.sha256 }], {
          actor: publication.by,
          channel: 'publication',
          comment: publication.note,
          at: publication.at,
        });
        return { fiscalYear: publication.fiscalYear, version, publishedAt: publication.at, by: publication.by, note: publication.note, sha256: publication.sha256 };
      });
    },
  };
}
