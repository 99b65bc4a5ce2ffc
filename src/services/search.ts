// Search: the texts of an organization containing every word of a query, grouped by the
// sheet row (No.) they belong to — or by policy, for policy titles and bureau texts —
// narrowed by the sheet's filters and shown as snippets with the matches marked.
import type { HyokaDocument, Placement, Policy, Project } from '../domain/model.js';
import { rowMatches, type SheetFilter } from '../interchange/sheet-rows.js';
import {
  MAX_QUERY_LENGTH,
  queryPlan,
  searchDocument,
  unavailableCause,
  type QueryPlan,
  type Range,
  type SearchField,
  type SearchKind,
  type SearchMatch,
  type Store,
} from '../store/index.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { readerView, type Edition } from './public-view.js';
import { ServiceError } from './errors.js';
import type { OrganizationRef } from './organizations.js';

export interface SearchFilter extends SheetFilter {
  /** Only evaluations of this year; the year whose grade `grade` means (default: the sheet's). */
  fiscalYear?: number;
}

export interface Snippet {
  /** The text around the first match, cut at about SNIPPET_LENGTH characters. */
  parts: { text: string; mark: boolean }[];
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface FieldMatch {
  kind: SearchKind;
  field: SearchField;
  /** 事業名, 事業概要, 指標名, 強化・見直した内容 … */
  label: string;
  labelEn: string;
  fiscalYear?: number;
  indicatorKey?: string;
  text: string;
  /** Matches in `text` (UTF-16 offsets). */
  ranges: Range[];
  snippet: Snippet;
}

export interface SearchHit {
  policy: { code: string; title: string };
  /** Absent for a policy's own texts (施策名, 局施策評価). */
  project?: { key: string; name: string };
  /** The row's bureau (局): No. counts from 1 in each bureau, so the two name a row together. */
  bureau?: string;
  no?: number;
  matches: FieldMatch[];
}

export interface SearchResult {
  organization: OrganizationRef;
  query: string;
  terms: string[];
  /** The year the grade filter reads. */
  fiscalYear: number;
  /** Hits before the limit. */
  total: number;
  hits: SearchHit[];
}

export const DEFAULT_SEARCH_LIMIT = 100;
const SNIPPET_LENGTH = 80;

const LABELS: Record<string, [string, string]> = {
  'project name': ['事業名', 'Project name'],
  'project summary': ['事業概要', 'Summary'],
  'row summary': ['事業概要', 'Summary'],
  'indicator name': ['指標名', 'Indicator'],
  'evaluation improvement': ['強化・見直した内容', 'Improvement'],
  'policy-evaluation improvement': ['局施策評価 強化・見直した内容', "Bureau's improvement"],
  'policy title': ['施策名', 'Policy'],
};

/** Checks the query before anything is read: too long is the user's to fix. */
function checkedQuery(q: string): string {
  const query = q.trim();
  const length = [...query].length;
  if (length > MAX_QUERY_LENGTH) {
    throw new ServiceError(
      'invalid',
      `検索語が長すぎます（${length}文字）。${MAX_QUERY_LENGTH}文字以内にしてください / The search words are too long (${length} characters): use at most ${MAX_QUERY_LENGTH}`,
      [{ path: 'q', message: `${MAX_QUERY_LENGTH}文字以内 / at most ${MAX_QUERY_LENGTH} characters` }],
    );
  }
  return query;
}

export interface SearchPage {
  /** Hits per page (default DEFAULT_SEARCH_LIMIT). */
  limit?: number;
  /** Hits skipped before the page (default 0). */
  offset?: number;
  /** The edition asked for (services/public-view.ts decides what the reader may read). */
  edition?: Edition | undefined;
}

export async function searchProjects(ctx: Context, q: string, filter: SearchFilter = {}, page: SearchPage = {}): Promise<SearchResult> {
  authorize(ctx, 'read-published');
  const query = checkedQuery(q);
  const { store } = ctx;
  const { organization, document, fiscalYear, edition } = await readerView(ctx, { fiscalYear: filter.fiscalYear, edition: page.edition });
  const plan = queryPlan(query);
  const hits = await cachedHits(document, JSON.stringify([plan.terms, filter]), async () => {
    // The index holds the current document: a published version is searched in memory.
    const matches = plan.terms.length === 0 ? [] : edition === 'working' ? await findMatches(store, organization, document, plan) : searchDocument(document, plan);
    return groupHits(document, matches, { ...filter, fiscalYear }, filter.fiscalYear);
  });
  const offset = page.offset ?? 0;
  const shown = hits.slice(offset, offset + (page.limit ?? DEFAULT_SEARCH_LIMIT));
  // Snippets only for the hits shown: a common word matches most of a large organization.
  return { organization, query, terms: plan.terms, fiscalYear, total: hits.length, hits: shown.map((hit) => ({ ...hit, matches: hit.matches.map(fieldMatch) })) };
}

/** Searches kept per computed document, so turning the pages of one costs one search. */
const CACHED_SEARCHES = 16;
const searches = new WeakMap<HyokaDocument, Map<string, Promise<Grouped[]>>>();

/** The hits of a query on the document (a new import brings a new document, and a fresh cache). */
function cachedHits(doc: HyokaDocument, key: string, search: () => Promise<Grouped[]>): Promise<Grouped[]> {
  let cache = searches.get(doc);
  if (!cache) searches.set(doc, (cache = new Map()));
  let hits = cache.get(key);
  if (hits) {
    cache.delete(key); // most recently used last
    cache.set(key, hits);
    return hits;
  }
  hits = search();
  if (cache.size >= CACHED_SEARCHES) cache.delete(cache.keys().next().value as string);
  cache.set(key, hits);
  hits.catch(() => cache.delete(key));
  return hits;
}

const refreshing = new WeakMap<Store, Map<number, Promise<void>>>();

/**
 * The index follows the data lazily: an import raises the organization's revision, and the
 * index answers only once it was rebuilt from exactly the revision of the document in hand
 * (checked in the same snapshot as its rows, so hits and document always agree). Until then
 * the document itself is searched in memory (the same texts, tokens and phrase test), and the
 * rebuild runs in the background: a search never waits for it, nor for the import that holds
 * the write lock, and never fails with it.
 */
async function findMatches(store: Store, organization: OrganizationRef, document: HyokaDocument, plan: QueryPlan): Promise<SearchMatch[]> {
  const { id, revision } = organization;
  const indexed = await store.search.find(id, revision, plan);
  if (indexed.matches) return indexed.matches;
  if (indexed.built === null || indexed.built < revision) refreshInBackground(store, id, revision, document);
  return searchDocument(document, plan);
}

/** One rebuild at a time per organization in this instance; the next stale search starts another. */
function refreshInBackground(store: Store, orgId: number, revision: number, document: HyokaDocument): void {
  let running = refreshing.get(store);
  if (!running) refreshing.set(store, (running = new Map()));
  if (running.has(orgId)) return;
  const refresh = store.search.refresh(orgId, revision, document)
    .catch((error: unknown) => {
      // Busy (an import holds the lock) or unreachable: the next search tries again. Anything
      // else is a defect that searching in memory would hide, so it is reported.
      if (unavailableCause(error) === undefined) process.emitWarning(`search index rebuild failed: ${(error as Error).message}`);
    })
    .finally(() => running.delete(orgId));
  running.set(orgId, refresh);
}

/** Resolves when this instance's background index rebuilds are done (tests, shutdown). */
export async function searchIndexSettled(store: Store): Promise<void> {
  await Promise.all(refreshing.get(store)?.values() ?? []);
}

interface DocumentIndex {
  policies: Map<string, Policy>;
  policyOrder: Map<string, number>;
  projects: Map<string, Project>;
  rowsByPolicy: Map<string, { project: Project; placement: Placement }[]>;
}

// The computed document is shared and unchanged until the next import: indexed once.
const indexes = new WeakMap<HyokaDocument, DocumentIndex>();

function documentIndex(doc: HyokaDocument): DocumentIndex {
  let index = indexes.get(doc);
  if (!index) {
    const rowsByPolicy = new Map<string, { project: Project; placement: Placement }[]>();
    for (const project of doc.projects) {
      for (const placement of project.placements) {
        let rows = rowsByPolicy.get(placement.policy);
        if (!rows) rowsByPolicy.set(placement.policy, (rows = []));
        rows.push({ project, placement });
      }
    }
    index = {
      policies: new Map(doc.policies.map((policy) => [policy.code, policy])),
      policyOrder: new Map(doc.policies.map((policy, order) => [policy.code, order])),
      projects: new Map(doc.projects.map((project) => [project.key, project])),
      rowsByPolicy,
    };
    indexes.set(doc, index);
  }
  return index;
}

/** A hit before its snippets are made. */
type Grouped = Omit<SearchHit, 'matches'> & { matches: SearchMatch[] };

/**
 * `filter.fiscalYear` is the year the grade filter reads; evaluation texts are narrowed to
 * `evaluationYear` only when the user chose a year, so a search without one finds them all.
 * Each match is checked against the rows of its own project or policy, so a search costs
 * what it finds, not the size of the organization.
 */
function groupHits(
  doc: HyokaDocument,
  matches: readonly SearchMatch[],
  filter: SearchFilter & { fiscalYear: number },
  evaluationYear: number | undefined,
): Grouped[] {
  const { policies, policyOrder, projects, rowsByPolicy } = documentIndex(doc);
  // Only the rows of matched projects and policies are checked against the filter.
  const passingRows = new Map<Project, Placement[]>();
  const passing = (project: Project) => {
    let rows = passingRows.get(project);
    if (!rows) passingRows.set(project, (rows = project.placements.filter((placement) => rowMatches(project, placement, filter, filter.fiscalYear))));
    return rows;
  };
  const policyShown = new Map<string, boolean>();
  /** Whether a row under the policy is shown, of the bureau (or of a project without one). */
  const shownUnder = (code: string, bureau: string | undefined) => {
    const key = `${code}\u0000${bureau ?? ''}`;
    let shown = policyShown.get(key);
    if (shown === undefined) {
      shown = (rowsByPolicy.get(code) ?? []).some(
        ({ project, placement }) =>
          (bureau === undefined || project.bureau === undefined || project.bureau === bureau) && rowMatches(project, placement, filter, filter.fiscalYear),
      );
      policyShown.set(key, shown);
    }
    return shown;
  };

  const hits = new Map<string, Grouped>();
  const hitOf = (key: string, make: () => Grouped) => {
    let hit = hits.get(key);
    if (!hit) hits.set(key, (hit = make()));
    return hit;
  };
  const policyOf = (code: string) => {
    const policy = policies.get(code);
    return { code, title: policy?.title ?? '' };
  };
  for (const match of matches) {
    if (evaluationYear !== undefined && match.fiscalYear !== undefined && match.fiscalYear !== evaluationYear) continue;
    if (match.kind === 'policy' || match.kind === 'policy-evaluation') {
      const code = match.policyCode!;
      if (shownUnder(code, match.bureau)) hitOf(`policy\u0000${code}`, () => ({ policy: policyOf(code), matches: [] })).matches.push(match);
      continue;
    }
    const project = projects.get(match.projectKey!);
    if (!project) continue;
    for (const placement of passing(project)) {
      if (!belongsTo(match, placement)) continue;
      const key = `row\u0000${project.key}\u0000${placement.policy}\u0000${placement.no}`;
      hitOf(key, () => ({
        policy: policyOf(placement.policy),
        project: { key: project.key, name: project.name },
        ...(project.bureau !== undefined && { bureau: project.bureau }),
        no: placement.no,
        matches: [],
      })).matches.push(match);
    }
  }
  return [...hits.values()].sort(
    (a, b) =>
      Number(a.no === undefined) - Number(b.no === undefined) ||
      (a.no ?? 0) - (b.no ?? 0) ||
      (policyOrder.get(a.policy.code) ?? 0) - (policyOrder.get(b.policy.code) ?? 0) ||
      (a.project?.key ?? '').localeCompare(b.project?.key ?? ''),
  );
}

/** Whether a project's text shows on this row: row texts on their row, indicators on the rows that cover them. */
function belongsTo(match: SearchMatch, placement: Placement): boolean {
  if (match.placementNo !== undefined) return match.placementNo === placement.no && match.policyCode === placement.policy;
  if (match.kind === 'indicator' && placement.indicators !== undefined) return placement.indicators.includes(match.indicatorKey!);
  return true;
}

function fieldMatch(match: SearchMatch): FieldMatch {
  const [label, labelEn] = LABELS[`${match.kind} ${match.field}`] ?? [match.field, match.field];
  return {
    kind: match.kind,
    field: match.field,
    label,
    labelEn,
    ...(match.fiscalYear !== undefined && { fiscalYear: match.fiscalYear }),
    ...(match.indicatorKey !== undefined && { indicatorKey: match.indicatorKey }),
    text: match.text,
    ranges: match.ranges,
    snippet: snippetOf(match.text, match.ranges),
  };
}

/** The text around the first match, the matches in it marked; never cuts a surrogate pair. */
export function snippetOf(text: string, ranges: readonly Range[], length = SNIPPET_LENGTH): Snippet {
  let start = 0;
  let end = text.length;
  if (text.length > length) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
    end = Math.min(text.length, start + length);
    if (isLowSurrogate(text, start)) start -= 1;
    if (isLowSurrogate(text, end)) end += 1;
  }
  const parts: Snippet['parts'] = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const s = Math.max(from, start);
    const e = Math.min(to, end);
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return { parts, cutBefore: start > 0, cutAfter: end < text.length };
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
