// Import: an organization's data becomes the document's. The stored document is read as one
// snapshot, the change set from it to the document is computed (a pure function: records
// matched by their keys, interchange.md), and the store applies it in one transaction, all
// or nothing. Importing the same document again changes nothing — not even the revision, so
// caches and the search index stay. Records absent from the document are removed with
// everything under them. The caller validates the document first.
import type { HyokaDocument } from '../domain/model.js';
import { changeList, type ChangeList } from '../interchange/change-list.js';
import { mergeDocuments } from '../interchange/merge.js';
import type { PlaceOf } from '../interchange/places.js';
import { changeSetOf, RECORD_KINDS, type ChangeSet, type RecordCounts, type RecordKind } from '../interchange/change-set.js';
import { InvalidDocumentError, StaleSnapshotError, type ApplyStage } from '../store/index.js';
import { authorize, may } from './authorization.js';
import type { Context } from './context.js';
import { refusedPaths } from './rights-paths.js';
import { documentOrganization } from './organizations.js';
import { ServiceError } from './errors.js';
import { logContext, type Channel } from './log-context.js';
import { importRecordsTotal, importsTotal } from './metrics.js';
import { largeRemoval, removalRefusal, type LargeRemoval } from './removal-guard.js';

export type { RecordCounts, RecordKind };

export interface ImportOptions {
  /**
   * `replace` (the default): the document becomes the organization's data. `merge`: each
   * project in the document replaces that project, projects absent from it are left alone,
   * policies and policy evaluations in it are upserted (interchange/merge.ts).
   */
  mode?: ImportMode;
  /** The change log's channel for what the import writes (default `import`). */
  channel?: Channel;
  /** Kept with every change-log entry of the import. */
  comment?: string;
  /** Compute the report, write nothing. */
  dryRun?: boolean;
  /** List the changed values (path, before, after) in the report, the first this many. */
  listChanges?: number;
  /** Where the file holds each value (the reader's cells or lines), for the listed changes. */
  placeOf?: PlaceOf;
  /**
   * Write even when the import removes most of the organization (removal-guard.ts); without
   * it such an import is refused, and a dry run reports what would go.
   */
  allowRemovals?: boolean;
  /**
   * Called inside the transaction at each stage of a written import (store/apply.ts
   * ApplyStage), so that a test can stop an import at a known point (import.crash.test.ts
   * kills it there). A throw rolls everything back.
   */
  checkpoint?: (stage: ImportStage) => Promise<void>;
}

export type ImportStage = ApplyStage;

export type ImportMode = 'replace' | 'merge';

export interface ImportReport {
  dryRun: boolean;
  organization: {
    /** Null when a dry run would create the organization. */
    id: number | null;
    name: string;
    code?: string;
    status: 'added' | 'updated' | 'unchanged';
  };
  /** Records added, updated (a field changed, or the record moved in its list), removed and unchanged, by kind. */
  counts: Record<RecordKind, RecordCounts>;
  /** With `listChanges`: the changed values, the first `listChanges` of `total`. */
  changes?: ChangeList;
  /** Present when the import removes most of the organization's projects or policies. */
  largeRemoval?: LargeRemoval;
}

/** Tries before a write that keeps meeting newer data gives up (a conflict). */
const ATTEMPTS = 3;

export async function importDocument(ctx: Context, doc: HyokaDocument, options: ImportOptions = {}): Promise<ImportReport> {
  authorizeImporter(ctx);
  const { store } = ctx;
  const dryRun = options.dryRun === true;
  for (let attempt = 1; ; attempt++) {
    const found = await documentOrganization(store, doc.organization);
    // A merge reads only the projects the file names (and the policies, policy evaluations): a
    // file of one project does not read a whole city. Its counts cover what it read.
    const snapshot =
      options.mode === 'merge' && found
        ? await store.documents.projectsSnapshot(found.id, doc.projects.map((project) => project.key), { policyEvaluations: true })
        : await store.documents.snapshot(found?.id ?? null);
    const desired = options.mode === 'merge' ? mergeDocuments(snapshot.document, doc) : doc;
    const changeSet = changeSetOf(snapshot.document, desired);
    if (!changeSet.ok) throw invalid(changeSet.problems);
    authorizeChanges(ctx, snapshot.orgId, snapshot.document, changeSet.changeSet);
    const removal = snapshot.orgId === null ? undefined : largeRemoval(changeSet.changeSet.counts, doc.organization.name);
    const report = (id: number | null) => ({
      ...reportOf(doc, id, dryRun, changeSet.changeSet, options.listChanges, options.placeOf),
      ...(removal && { largeRemoval: removal }),
    });
    if (dryRun) return report(snapshot.orgId);
    // Refused before anything is written.
    if (removal && options.allowRemovals !== true) throw removalRefusal(removal, doc.organization.name);
    try {
      const { orgId } = await store.documents.apply(snapshot, desired, changeSet.changeSet, {
        checkpoint: options.checkpoint,
        log: logContext(ctx.actor, options.channel ?? 'import', options.comment),
      });
      countImport(changeSet.changeSet);
      return report(orgId);
    } catch (error) {
      if (error instanceof InvalidDocumentError) throw invalid(error.problems);
      if (!(error instanceof StaleSnapshotError)) throw error;
      // Another import wrote meanwhile: this document still decides, against the newer data.
      if (attempt === ATTEMPTS) {
        throw new ServiceError(
          'conflict',
          '取込み中に同じ団体のデータが何度も書き換えられました。しばらくしてからもう一度取り込んでください / The organization’s data kept changing during the import: import again in a moment',
        );
      }
    }
  }
}

/**
 * Before anything is read: who may import at all (anonymous: 401). Which organization and
 * which records are settled once the document's organization is found (authorizeChanges).
 */
export function authorizeImporter(ctx: Context): void {
  if (ctx.actor.kind === 'user') return;
  authorize(ctx, 'import-replace');
}

/**
 * An import into an organization: its admin (and the console, the bootstrap token) may
 * replace it whole; a bureau or division may change only its records (rights-paths.ts), and
 * an import reaching further is refused whole with every path outside them. Only the console
 * and the bootstrap token create an organization.
 */
function authorizeChanges(ctx: Context, orgId: number | null, stored: HyokaDocument | undefined, changeSet: ChangeSet): void {
  if (orgId === null) return authorize(ctx, 'import-replace');
  if (may(ctx.actor, 'import-replace', { orgId })) return;
  const { actor } = ctx;
  authorize(ctx, 'import-records', { orgId, ...(actor.kind === 'user' && { bureau: actor.bureau, division: actor.division }) });
  const projects = new Map((stored?.projects ?? []).map((project) => [project.key, { orgId, bureau: project.bureau, division: project.division }]));
  const refused = refusedPaths(actor, orgId, changeList(changeSet).changes, { project: (key) => projects.get(key) });
  if (refused.length === 0) return;
  throw new ServiceError(
    'forbidden',
    `権限の外の ${refused.length} 箇所を変更するため、何も取り込みませんでした / The import changes ${refused.length} value(s) outside your rights; nothing was imported`,
    refused.map((path) => ({ path, message: 'この箇所を変更する権限がありません / You may not change this' })),
  );
}

/** For /metrics: an import written, and the records it added, updated and removed. */
function countImport(changeSet: ChangeSet): void {
  let written = 0;
  for (const change of ['added', 'updated', 'removed'] as const) {
    const records = RECORD_KINDS.reduce((sum, kind) => sum + changeSet.counts[kind][change], 0);
    importRecordsTotal.add({ change }, records);
    written += records;
  }
  importsTotal.add({ result: written > 0 || changeSet.organization.change !== 'unchanged' ? 'changed' : 'unchanged' });
}

function invalid(problems: { path: string; message: string }[]): ServiceError {
  return new ServiceError('invalid', '文書を取り込めません / The document cannot be imported', problems);
}

function reportOf(doc: HyokaDocument, id: number | null, dryRun: boolean, changeSet: ChangeSet, listChanges: number | undefined, placeOf: PlaceOf | undefined): ImportReport {
  const organization: ImportReport['organization'] = { id, name: doc.organization.name, status: changeSet.organization.change };
  if (doc.organization.code !== undefined) organization.code = doc.organization.code;
  const counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, changeSet.counts[kind]])) as Record<RecordKind, RecordCounts>;
  const report: ImportReport = { dryRun, organization, counts };
  if (listChanges !== undefined) report.changes = changeList(changeSet, listChanges, placeOf);
  return report;
}
