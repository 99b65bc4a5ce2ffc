// The search index of an organization's texts (migration 0003): written whole by every
// import from the document it imports, and asked with the tokens of a query. One code path
// for both dialects; they differ only in where the tokens are written and how they match.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { HyokaDocument } from '../domain/model.js';
import type { Database } from './schema.js';
import { lockOrganization, maxParameters, placeholder, takeWriteLock, type DialectName } from './dialect.js';
import { statementSizes } from './bulk.js';
import { documentTokens, fold, foldText, phraseRanges, tokenText, tokensMatch, type QueryPlan, type QueryToken, type Range } from './search-tokens.js';

/** What a text belongs to: 事業, 行 (No.), 成果指標, 事業評価, 局施策評価, 施策. */
export type SearchKind = 'project' | 'row' | 'indicator' | 'evaluation' | 'policy-evaluation' | 'policy';
export type SearchField = 'name' | 'summary' | 'improvement' | 'title';

export interface SearchDocument {
  kind: SearchKind;
  field: SearchField;
  projectKey?: string;
  /** The row's policy; for policy and policy-evaluation texts, the policy's. */
  policyCode?: string;
  placementNo?: number;
  indicatorKey?: string;
  /** Of an evaluation or a policy evaluation. */
  fiscalYear?: number;
  /** Of a policy evaluation. */
  bureau?: string;
  text: string;
}

interface SearchDocumentsTable {
  id: number;
  org_id: number;
  position: number;
  kind: SearchKind;
  field: SearchField;
  project_key: string | null;
  policy_code: string | null;
  placement_no: number | null;
  indicator_key: string | null;
  fiscal_year: number | null;
  bureau: string | null;
  text: string;
  folded: string;
  /** PostgreSQL only: the tsvector (SQLite keeps the tokens in search_fts). */
  tokens: string;
}


/** The searchable texts of a document, in document order. */
export function searchDocumentsOf(doc: HyokaDocument): SearchDocument[] {
  const out: SearchDocument[] = [];
  const add = (text: string | undefined, entry: Omit<SearchDocument, 'text'>) => {
    if (text !== undefined && text.trim() !== '') out.push({ ...entry, text });
  };
  for (const policy of doc.policies) add(policy.title, { kind: 'policy', field: 'title', policyCode: policy.code });
  for (const evaluation of doc.policyEvaluations ?? []) {
    add(evaluation.improvement, {
      kind: 'policy-evaluation',
      field: 'improvement',
      policyCode: evaluation.policy,
      fiscalYear: evaluation.fiscalYear,
      ...(evaluation.bureau !== undefined && { bureau: evaluation.bureau }),
    });
  }
  for (const project of doc.projects) {
    const projectKey = project.key;
    add(project.name, { kind: 'project', field: 'name', projectKey });
    add(project.summary, { kind: 'project', field: 'summary', projectKey });
    for (const indicator of project.indicators ?? []) {
      add(indicator.name, { kind: 'indicator', field: 'name', projectKey, indicatorKey: indicator.key });
    }
    for (const evaluation of project.evaluations ?? []) {
      add(evaluation.improvement, { kind: 'evaluation', field: 'improvement', projectKey, fiscalYear: evaluation.fiscalYear });
    }
    for (const placement of project.placements) {
      const row = { projectKey, policyCode: placement.policy, placementNo: placement.no };
      add(placement.summary, { kind: 'row', field: 'summary', ...row });
      for (const evaluation of placement.evaluations ?? []) {
        add(evaluation.improvement, { kind: 'evaluation', field: 'improvement', ...row, fiscalYear: evaluation.fiscalYear });
      }
    }
  }
  return out;
}

const COLUMNS = ['id', 'org_id', 'position', 'kind', 'field', 'project_key', 'policy_code', 'placement_no', 'indicator_key', 'fiscal_year', 'bureau', 'text', 'folded', 'tokens'] as const;

// The dialects differ in how tokens are written: PostgreSQL turns them into the row's
// tsvector; SQLite writes them to FTS5 under the row's id, in a statement of their own.
const statementTexts = new Map<string, string[]>();

function insertTexts(dialect: DialectName, rows: number): string[] {
  const key = `${dialect} ${rows}`;
  const cached = statementTexts.get(key);
  if (cached !== undefined) return cached;
  const columns = dialect === 'postgres' ? COLUMNS.slice(1) : COLUMNS.slice(0, -1);
  const tuples = (count: number, mark: (column: string, index: number) => string) =>
    Array.from({ length: rows }, (_, r) => `(${Array.from({ length: count }, (_, c) => mark(columns[c]!, r * count + c)).join(',')})`).join(',');
  const rowsText = tuples(columns.length, (column, index) =>
    column === 'tokens' ? `to_tsvector('simple', ${placeholder(dialect, index)})` : placeholder(dialect, index),
  );
  const texts = [`insert into search_documents (${columns.join(',')}) values ${rowsText}`];
  if (dialect === 'sqlite') texts.push(`insert into search_fts (rowid, tokens) values ${tuples(2, (_, index) => placeholder(dialect, index))}`);
  statementTexts.set(key, texts);
  return texts;
}

interface SearchRevisionsTable {
  org_id: number;
  revision: number;
}

/** The organization revision the index was last built from; null when it never was. */
export async function indexedRevision(db: Kysely<Database>, orgId: number): Promise<number | null> {
  const row = await db
    .withTables<{ search_revisions: SearchRevisionsTable }>()
    .selectFrom('search_revisions')
    .select('revision')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row ? Number(row.revision) : null;
}

/**
 * Brings an organization's index up to `revision`, built from `doc` (the organization's data
 * at that revision or later). One transaction under the organization's lock, so app
 * instances that search at once build it once; the first to commit wins, the rest see it.
 * On SQLite it fails at once (busy) rather than wait while another process writes.
 */
export async function refreshSearchIndex(db: Kysely<Database>, dialect: DialectName, orgId: number, revision: number, doc: HyokaDocument): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // Never waits for another writer: the caller searches without the index meanwhile.
    await takeWriteLock(tx, dialect, { waitMs: 0 });
    await lockOrganization(tx, dialect, orgId);
    const built = await indexedRevision(tx, orgId);
    if (built !== null && built >= revision) return;
    await rebuildSearchIndex(tx, dialect, orgId, doc);
    await tx
      .withTables<{ search_revisions: SearchRevisionsTable }>()
      .insertInto('search_revisions')
      .values({ org_id: orgId, revision })
      .onConflict((conflict) => conflict.column('org_id').doUpdateSet({ revision }))
      .execute();
  });
}

/**
 * Replaces an organization's search rows with those of `doc`. Runs inside a transaction that
 * holds SQLite's write lock (refreshSearchIndex), so ids from max(id) + 1 are free. Rows are
 * only inserted and deleted.
 */
export async function rebuildSearchIndex(db: Kysely<Database>, dialect: DialectName, orgId: number, doc: HyokaDocument): Promise<void> {
  const search = db.withTables<{ search_documents: SearchDocumentsTable }>();
  await search.deleteFrom('search_documents').where('org_id', '=', orgId).execute();
  const documents = searchDocumentsOf(doc);
  let nextId = 0;
  if (dialect === 'sqlite') {
    const row = await search.selectFrom('search_documents').select((eb) => eb.fn.max<number | null>('id').as('max')).executeTakeFirst();
    nextId = (row?.max ?? 0) + 1;
  }
  const batch = Math.min(dialect === 'sqlite' ? 512 : 4_096, Math.floor(maxParameters(dialect) / COLUMNS.length));
  let start = 0;
  for (const size of statementSizes(documents.length, batch)) {
    const rows: unknown[] = [];
    const tokens: unknown[] = [];
    for (let position = start; position < start + size; position++) {
      const d = documents[position]!;
      const folded = fold(d.text);
      const id = nextId + position;
      if (dialect === 'sqlite') rows.push(id);
      rows.push(orgId, position, d.kind, d.field, d.projectKey ?? null, d.policyCode ?? null, d.placementNo ?? null);
      rows.push(d.indicatorKey ?? null, d.fiscalYear ?? null, d.bureau ?? null, d.text, folded);
      if (dialect === 'postgres') rows.push(tokenText(folded));
      else tokens.push(id, tokenText(folded));
    }
    const [insertRows, insertTokens] = insertTexts(dialect, size);
    await db.executeQuery(CompiledQuery.raw(insertRows!, rows));
    if (insertTokens) await db.executeQuery(CompiledQuery.raw(insertTokens, tokens));
    start += size;
  }
}

// Tokens are letters and digits only (search-tokens.ts); quoting them anyway keeps any
// character from being read as query syntax. Both strings are bound parameters.
const quoted = (text: string, mark: string) => `${mark}${text.replaceAll(mark, mark + mark)}${mark}`;

function ftsQuery(tokens: readonly QueryToken[]): string {
  return tokens.map((t) => quoted(t.text, '"') + (t.prefix ? '*' : '')).join(' AND ');
}

function tsQuery(tokens: readonly QueryToken[]): string {
  return tokens.map((t) => quoted(t.text, "'") + (t.prefix ? ':*' : '')).join(' & ');
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface SearchMatch extends SearchDocument {
  /** Where the query's terms occur in `text` (UTF-16 offsets, sorted, not overlapping). */
  ranges: Range[];
}

/** The organization's texts containing every term of the plan, in document order. */
export async function searchIndex(db: Kysely<Database>, dialect: DialectName, orgId: number, plan: QueryPlan): Promise<SearchMatch[]> {
  if (plan.terms.length === 0) return [];
  let query = db.withTables<{ search_documents: SearchDocumentsTable }>()
    .selectFrom('search_documents')
    .select(['kind', 'field', 'project_key', 'policy_code', 'placement_no', 'indicator_key', 'fiscal_year', 'bureau', 'text'])
    .where('org_id', '=', orgId)
    .orderBy('position');
  if (plan.tokens.length > 0) {
    // The other dialect difference: FTS5's MATCH, PostgreSQL's @@.
    query = query.where(
      dialect === 'sqlite'
        ? sql<boolean>`id in (select rowid from search_fts where search_fts match ${ftsQuery(plan.tokens)})`
        : sql<boolean>`tokens @@ to_tsquery('simple', ${tsQuery(plan.tokens)})`,
    );
  } else {
    // Only single characters (市, 区) or symbols: the index holds bigrams, so scan the
    // organization's folded texts with LIKE instead — slower, but one organization is small.
    for (const term of plan.terms) query = query.where(sql<boolean>`folded like ${`%${escapeLike(term)}%`} escape '\\'`);
  }
  const matches: SearchMatch[] = [];
  for (const row of await query.execute()) {
    const match = phraseMatch(
      {
        kind: row.kind,
        field: row.field,
        ...(row.project_key !== null && { projectKey: row.project_key }),
        ...(row.policy_code !== null && { policyCode: row.policy_code }),
        ...(row.placement_no !== null && { placementNo: row.placement_no }),
        ...(row.indicator_key !== null && { indicatorKey: row.indicator_key }),
        ...(row.fiscal_year !== null && { fiscalYear: row.fiscal_year }),
        ...(row.bureau !== null && { bureau: row.bureau }),
        text: row.text,
      },
      plan,
    );
    if (match) matches.push(match);
  }
  return matches;
}

function phraseMatch(entry: SearchDocument, plan: QueryPlan): SearchMatch | undefined {
  const ranges = phraseRanges(foldText(entry.text), plan.terms);
  return ranges === null ? undefined : { ...entry, ranges };
}

/**
 * What searchIndex answers, worked out from the document itself without the index: the same
 * texts (searchDocumentsOf), narrowed by the same tokens, checked by the same phrase test.
 * For the searches that come while the index lags behind the data (after an import, until
 * a rebuild commits), so a search never waits for that rebuild or fails with it.
 */
export function searchDocument(doc: HyokaDocument, plan: QueryPlan): SearchMatch[] {
  if (plan.terms.length === 0) return [];
  const matches: SearchMatch[] = [];
  for (const entry of searchDocumentsOf(doc)) {
    if (plan.tokens.length > 0 && !tokensMatch(plan.tokens, documentTokens(fold(entry.text)))) continue;
    const match = phraseMatch(entry, plan);
    if (match) matches.push(match);
  }
  return matches;
}
