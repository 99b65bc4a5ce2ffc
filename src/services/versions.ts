// What the version pages read: a cycle's published versions with what each changed against the
// one before (anyone: /versions/:fiscalYear), and, for the office, whether a cycle can be
// published now — its entries neither approved nor skipped (/cycles/:fiscalYear/publish).
import type { HyokaDocument } from '../domain/model.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';
import { fileBase } from './files.js';
import { draftOrganization } from './history.js';
import { listPublications, publishedVersion, unpublished, type Publication } from './publications.js';
import { changedValues, versionChanges, versionRows, type VersionChanges, type VersionRow } from './views/versions.js';

export interface VersionsView {
  fiscalYear: number;
  versions: VersionRow[];
  /** Newest first: each version n > 1 shown (all, or the one asked for), a page of what it changed. */
  changes: VersionChanges[];
}

export interface VersionsQuery {
  /** Show only this version's changes (it must be > 1). */
  version?: number;
  /** 1-based page of the changes listed under `version` (pages of the others: the first). */
  page?: number;
  pageSize: number;
}

/** A cycle's published versions and what each changed; 404 for a year with none. */
export async function cycleVersions(ctx: Context, fiscalYear: number, query: VersionsQuery): Promise<VersionsView> {
  authorize(ctx, 'read-published');
  const publications = await listPublications(ctx, fiscalYear);
  if (publications.length === 0) {
    throw new ServiceError('not-found', `${fiscalYear}年度の公表版はありません / FY${fiscalYear} has no published version`);
  }
  if (query.version !== undefined && !publications.some((publication) => publication.version === query.version && publication.version > 1)) {
    throw new ServiceError('not-found', `${fiscalYear}年度の第${query.version}版の変更はありません / FY${fiscalYear} has no version ${query.version} with changes to list`);
  }
  const shown = query.version !== undefined ? [query.version] : publications.map((publication) => publication.version).filter((version) => version > 1).reverse();
  const documents = new Map<number, HyokaDocument>();
  const documentOf = async (version: number) => {
    let document = documents.get(version);
    if (!document) documents.set(version, (document = JSON.parse((await publishedVersion(ctx, fiscalYear, version)).text) as HyokaDocument));
    return document;
  };
  const changes: VersionChanges[] = [];
  for (const version of shown) {
    const all = changedValues(await documentOf(version - 1), await documentOf(version));
    const page = version === query.version ? Math.max(1, query.page ?? 1) : 1;
    // A page past the last shows the last.
    const last = Math.max(1, Math.ceil(all.length / query.pageSize));
    changes.push(versionChanges(version, all, (Math.min(page, last) - 1) * query.pageSize, query.pageSize));
    // Only the two documents compared next are kept: a long history costs two at a time.
    for (const kept of documents.keys()) if (kept >= version) documents.delete(kept);
  }
  return { fiscalYear, versions: versionRows(publications).reverse(), changes };
}

export interface PendingEntry {
  key: string;
  stage: string;
}

export interface PublishReadiness {
  fiscalYear: number;
  state: 'open' | 'closed';
  /** Entries neither approved nor skipped: while there are any, the cycle cannot be published. */
  pending: PendingEntry[];
  /** The versions published so far, oldest first. */
  published: Publication[];
}

/** Whether the cycle of `fiscalYear` can be published now (admin); 404 when it has none. */
export async function publishReadiness(ctx: Context, fiscalYear: number): Promise<PublishReadiness> {
  const orgId = await draftOrganization(ctx);
  authorize(ctx, 'publish', { orgId });
  const cycle = await ctx.store.cycles.byYear(orgId, fiscalYear);
  if (!cycle) throw new ServiceError('not-found', `${fiscalYear}年度の評価サイクルはありません / No cycle for FY${fiscalYear}`);
  const entries = await ctx.store.cycles.entries(cycle.id);
  const pending = unpublished(entries).map(({ project, stage }) => ({ key: project, stage }));
  return { fiscalYear, state: cycle.state, pending, published: await listPublications(ctx, fiscalYear) };
}

export interface VersionFile {
  publication: Publication;
  /** The document exactly as stored: the text whose SHA-256 is `publication.sha256`. */
  text: string;
  /** `hyoka-401005-2021-v2.json`. */
  fileName: string;
}

/** One published version as a download (anyone); 404 when there is no such version. */
export async function versionFile(ctx: Context, fiscalYear: number, version: number): Promise<VersionFile> {
  authorize(ctx, 'read-published');
  const { publication, text } = await publishedVersion(ctx, fiscalYear, version);
  const { code } = await ctx.organization();
  return { publication, text, fileName: `hyoka-${fileBase(code)}-${publication.fiscalYear}-v${publication.version}.json` };
}
