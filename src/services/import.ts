// Import: an organization's data becomes the document's, in one transaction. Records are
// matched by their keys (interchange.md), so importing the same document again changes
// nothing and a changed one is updated in place; records absent from the document are
// removed with everything under them. The caller validates the document first.
import type { HyokaDocument } from '../domain/model.js';
import type { Store } from '../store/open.js';
import { IdAllocator, lockOrganization, takeWriteLock } from '../store/dialect.js';
import { InvalidDocumentError } from '../store/errors.js';
import { insertOrganization, organizationById, raiseRevision, updateOrganization, type OrganizationRow } from '../store/organizations.js';
import { organizationRow } from '../store/rows.js';
import { COLUMNS } from '../store/schema.js';
import { RECORD_KINDS, STEPS, emptyParentIds, type RecordKind } from '../store/steps.js';
import { applyDeletions, syncStep, type RecordCounts, type SyncContext } from '../store/sync.js';
import { documentOrganization } from './organizations.js';
import { ServiceError } from './errors.js';
import { largeRemoval, removalRefusal, type LargeRemoval } from './removal-guard.js';

export type { RecordCounts, RecordKind };

export interface ImportOptions {
  /** Compute the report, write nothing. */
  dryRun?: boolean;
  /**
   * Write even when the import removes most of the organization (removal-guard.ts); without
   * it such an import is refused, and a dry run reports what would go.
   */
  allowRemovals?: boolean;
  /**
   * Called inside the transaction at each stage of a written import — `locked` (the locks
   * held, nothing written but the organization's own row), after each table's step (its
   * record kind), `deleted` (the removals done), `commit` (just before committing) — so
   * that a test can stop an import at a known point (import.crash.test.ts kills it there).
   * A throw rolls everything back.
   */
  checkpoint?: (stage: ImportStage) => Promise<void>;
}

export type ImportStage = 'locked' | RecordKind | 'deleted' | 'commit';

export interface ImportReport {
  dryRun: boolean;
  organization: {
    /** Null when a dry run would create the organization. */
    id: number | null;
    name: string;
    code?: string;
    status: 'added' | 'updated' | 'unchanged';
  };
  counts: Record<RecordKind, RecordCounts>;
  /** Present when the import removes most of the organization's projects or policies. */
  largeRemoval?: LargeRemoval;
}

export async function importDocument(store: Store, doc: HyokaDocument, options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun === true;
  try {
    return await store.db.transaction().execute(async (tx) => {
      if (!dryRun) await takeWriteLock(tx, store.dialect);
      const checkpoint = dryRun ? undefined : options.checkpoint;
      const allocator = dryRun ? null : new IdAllocator(tx, store.dialect);
      const desired = organizationRow(doc);
      const found = await documentOrganization(tx, doc.organization);

      let orgId: number | null = found?.id ?? null;
      let status: ImportReport['organization']['status'];
      if (allocator) {
        let created = false;
        if (orgId === null) {
          const [id] = await allocator.allocate('organizations', 1);
          created = await insertOrganization(tx, { id: id!, ...desired });
          // Not inserted: another import created it meanwhile; replace what it wrote.
          orgId = created ? id! : ((await documentOrganization(tx, doc.organization))?.id ?? null);
          if (orgId === null) throw new Error('store: the organization could be neither created nor found');
        }
        await lockOrganization(tx, store.dialect, orgId);
        const current = created ? undefined : await organizationById(tx, orgId);
        status = created ? 'added' : sameColumns(current, desired) ? 'unchanged' : 'updated';
        if (status === 'updated') await updateOrganization(tx, { id: orgId, ...desired });
        await checkpoint?.('locked');
      } else {
        status = found === undefined ? 'added' : sameColumns(found, desired) ? 'unchanged' : 'updated';
      }

      const ctx: SyncContext = {
        db: tx,
        dialect: store.dialect,
        existing: status !== 'added',
        orgId: orgId ?? 0,
        ids: emptyParentIds(orgId ?? 0),
        allocator,
        removed: new Map(),
        deletions: [],
      };
      const counts = {} as Record<RecordKind, RecordCounts>;
      for (const step of STEPS) {
        counts[step.kind] = await syncStep(ctx, step, doc);
        await checkpoint?.(step.kind);
      }
      const removal = status === 'added' ? undefined : largeRemoval(counts, doc.organization.name);
      // Refused before any deletion; the rollback undoes the writes made so far.
      if (removal && !dryRun && options.allowRemovals !== true) throw removalRefusal(removal, doc.organization.name);
      await applyDeletions(ctx);
      await checkpoint?.('deleted');
      if (orgId !== null && !dryRun) await raiseRevision(tx, orgId);
      await checkpoint?.('commit');

      const organization: ImportReport['organization'] = { id: orgId, name: doc.organization.name, status };
      if (doc.organization.code !== undefined) organization.code = doc.organization.code;
      return { dryRun, organization, counts: ordered(counts), ...(removal && { largeRemoval: removal }) };
    });
  } catch (error) {
    if (error instanceof InvalidDocumentError) {
      throw new ServiceError('invalid', '文書を取り込めません / The document cannot be imported', error.problems);
    }
    throw error;
  }
}

function sameColumns(stored: OrganizationRow | undefined, desired: Omit<OrganizationRow, 'id'>): boolean {
  return stored !== undefined && COLUMNS.organizations.every((c) => c === 'id' || stored[c] === desired[c]);
}

function ordered(counts: Record<RecordKind, RecordCounts>): Record<RecordKind, RecordCounts> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, counts[kind]])) as Record<RecordKind, RecordCounts>;
}
