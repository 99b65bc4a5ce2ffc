// What a reader reads: the one place that chooses it (workflow.md, "Publication"). Every page,
// its data, the API's reads, the exports and the static copy of the site read an organization
// through readerView, per fiscal year:
// - anonymous readers (and users who chose 公表版): the latest published version of that year's
//   cycle, as it was frozen; only the years that have one are offered;
// - a signed-in user of the organization in 作業中: the current computed document
//   (computed.ts), and the years with an evaluation, an open cycle or a publication.
// A forged choice of 作業中 by anyone who may not read drafts is ignored.
import type { HyokaDocument } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { authorize, may } from './authorization.js';
import { computedDocument } from './computed.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';
import type { OrganizationRef } from './organizations.js';
import { defaultSheetYear } from './pages.js';

/** 公表版 (the published versions) or 作業中 (the current document, drafts included). */
export const EDITIONS = ['published', 'working'] as const;
export type Edition = (typeof EDITIONS)[number];

export function editionOf(value: unknown): Edition | undefined {
  return value === 'published' || value === 'working' ? value : undefined;
}

/** The published version a reader reads. */
export interface ReadVersion {
  fiscalYear: number;
  version: number;
  /** ISO 8601. */
  publishedAt: string;
  note: string;
  sha256: string;
}

export interface ReaderView {
  organization: OrganizationRef;
  /** What is read: 作業中 only for a user who may read the organization's drafts and chose it. */
  edition: Edition;
  /** The reader may switch between 公表版 and 作業中. */
  mayReadDrafts: boolean;
  /** The fiscal years offered to this reader, newest first. */
  years: readonly number[];
  /** The year read. */
  fiscalYear: number;
  /** Shared between requests: read it, never change it. */
  document: HyokaDocument;
  /** In 公表版: the version read (its year's latest). */
  version?: ReadVersion;
}

export interface ReaderChoice {
  /** The year asked for; the latest offered when absent. */
  fiscalYear?: number | undefined;
  /** Asked for; the default is 作業中 for a user who may read drafts, else 公表版. */
  edition?: Edition | undefined;
}

/** Whether the reader reads the current (draft) data: a user who may read them, unless they chose 公表版. */
export async function readsDrafts(ctx: Context, edition?: Edition): Promise<boolean> {
  authorize(ctx, 'read-published');
  return edition !== 'published' && may(ctx.actor, 'read-drafts', { orgId: (await ctx.organization()).id });
}

const NOTHING_PUBLISHED = '公表された評価はまだありません / Nothing has been published yet';

/**
 * The document a reader reads for a fiscal year, with the years offered to them. Anyone may
 * ask; nothing published answers 404 ('not-found'), and so does a year not offered.
 */
export async function readerView(ctx: Context, choice: ReaderChoice = {}): Promise<ReaderView> {
  authorize(ctx, 'read-published');
  const organization = await ctx.organization();
  const mayReadDrafts = may(ctx.actor, 'read-drafts', { orgId: organization.id });
  const edition: Edition = mayReadDrafts ? (choice.edition ?? 'working') : 'published';
  const published = await latestVersions(ctx.store, organization.id);
  if (edition === 'working') {
    const { document } = await computedDocument(ctx);
    const years = await workingYears(ctx.store, organization.id, document, published);
    // The organization's users may look at any year (a sheet of targets planned ahead).
    const fiscalYear = choice.fiscalYear ?? years[0]!;
    return { organization, edition, mayReadDrafts, years, fiscalYear, document };
  }
  const years = [...published.keys()].sort((a, b) => b - a);
  if (years.length === 0) throw new ServiceError('not-found', NOTHING_PUBLISHED);
  const fiscalYear = offered(years, choice.fiscalYear);
  if (fiscalYear === undefined) throw notPublished(choice.fiscalYear!);
  const version = published.get(fiscalYear)!;
  return { organization, edition, mayReadDrafts, years, fiscalYear, document: await publishedDocument(ctx.store, organization.id, version), version };
}

/**
 * The year before the one read, as its own cycle has it — for comparisons (the dashboard,
 * /changes) — or undefined when the reader is offered no such year: no comparison is made
 * with a year nobody evaluated.
 */
export async function previousYear(ctx: Context, view: ReaderView): Promise<YearDocument | undefined> {
  return yearOf(ctx, view, view.fiscalYear - 1);
}

/** Another year offered to the reader, in the same edition: its document, or undefined when it is not offered. */
export async function yearOf(ctx: Context, view: ReaderView, fiscalYear: number): Promise<YearDocument | undefined> {
  authorize(ctx, 'read-published');
  if (!view.years.includes(fiscalYear)) return undefined;
  if (view.edition === 'working') return { fiscalYear, document: view.document };
  if (fiscalYear === view.fiscalYear) return { fiscalYear, document: view.document, ...(view.version && { version: view.version }) };
  const version = (await latestVersions(ctx.store, view.organization.id)).get(fiscalYear);
  return version && { fiscalYear, document: await publishedDocument(ctx.store, view.organization.id, version), version };
}

/** A year's document; in 公表版, with the version it was read from. */
export interface YearDocument {
  fiscalYear: number;
  document: HyokaDocument;
  version?: ReadVersion;
}

/** Every organization with a public site (something published), oldest first. */
export async function publicOrganizations(ctx: Context): Promise<OrganizationRef[]> {
  authorize(ctx, 'read-published');
  const rows = await ctx.store.organizations.heads({}, 1_000_000);
  const shown: OrganizationRef[] = [];
  for (const row of rows) {
    if ((await ctx.store.publications.list(row.id)).length > 0) shown.push({ id: row.id, name: row.name, revision: row.revision, ...(row.code !== null && { code: row.code }) });
  }
  return shown;
}

function offered(years: readonly number[], asked: number | undefined): number | undefined {
  if (asked === undefined) return years[0];
  return years.includes(asked) ? asked : undefined;
}

function notPublished(fiscalYear: number): ServiceError {
  return new ServiceError('not-found', `${fiscalYear}年度の評価は公表されていません / The evaluation of FY${fiscalYear} has not been published`, [
    { path: 'fiscalYear', message: `公表された年度ではありません / Not a published year` },
  ]);
}

/** The latest version of each published year. */
async function latestVersions(store: Store, orgId: number): Promise<Map<number, ReadVersion>> {
  const latest = new Map<number, ReadVersion>();
  // Ordered by year and version: the last of a year is its latest.
  for (const row of await store.publications.list(orgId)) {
    latest.set(row.fiscalYear, {
      fiscalYear: row.fiscalYear,
      version: row.version,
      publishedAt: new Date(row.publishedAt).toISOString(),
      note: row.note,
      sha256: row.sha256,
    });
  }
  return latest;
}

/** Years with an evaluation in the document, the open cycle's, and the published ones. */
async function workingYears(store: Store, orgId: number, document: HyokaDocument, published: Map<number, ReadVersion>): Promise<number[]> {
  const years = new Set<number>(published.keys());
  const open = await store.cycles.openForReading(orgId);
  if (open) years.add(open.fiscalYear);
  for (const project of document.projects) {
    for (const evaluation of project.evaluations ?? []) years.add(evaluation.fiscalYear);
    for (const placement of project.placements) for (const evaluation of placement.evaluations ?? []) years.add(evaluation.fiscalYear);
  }
  for (const evaluation of document.policyEvaluations ?? []) years.add(evaluation.fiscalYear);
  if (years.size === 0) years.add(defaultSheetYear(document));
  return [...years].sort((a, b) => b - a);
}

// Versions never change, so a parsed one is kept as long as there is room: a few per
// organization are read at once (a year and the one before it).
const CACHED_VERSIONS = 32;
const versions = new WeakMap<Store, Map<string, Promise<HyokaDocument>>>();

function publishedDocument(store: Store, orgId: number, version: ReadVersion): Promise<HyokaDocument> {
  let cache = versions.get(store);
  if (!cache) versions.set(store, (cache = new Map()));
  const key = `${orgId}/${version.fiscalYear}/${version.version}`;
  let parsed = cache.get(key);
  if (parsed) {
    // Most recently used last: the first entry is the one to drop.
    cache.delete(key);
    cache.set(key, parsed);
    return parsed;
  }
  parsed = store.publications.document(orgId, version.fiscalYear, version.version).then((text) => {
    if (text === undefined) throw new ServiceError('not-found', NOTHING_PUBLISHED);
    return JSON.parse(text) as HyokaDocument;
  });
  cache.set(key, parsed);
  const kept = cache;
  parsed.catch(() => {
    if (kept.get(key) === parsed) kept.delete(key);
  });
  if (cache.size > CACHED_VERSIONS) cache.delete(cache.keys().next().value!);
  return parsed;
}
