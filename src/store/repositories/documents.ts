// Whole documents: an organization read back in document shape, a snapshot to compute a
// change set from, and that change set applied in one transaction.
import type { HyokaDocument } from '../../domain/model.js';
import type { ChangeSet } from '../../interchange/change-set.js';
import { applyChangeSet, type Applied, type ApplyOptions, type ApplyStage, type Checkpoint } from '../apply.js';
import { readDocument, readProjectsSnapshot, readSnapshot, type Snapshot } from '../documents.js';
import type { Handles } from '../handles.js';
import { inSnapshot } from '../snapshot.js';

export type { Applied, ApplyOptions, ApplyStage, Checkpoint, Snapshot };

export type DocumentsRepository = ReturnType<typeof documentsRepository>;

export function documentsRepository(handles: Handles) {
  return {
    /** The stored document of an organization, read in one snapshot; undefined when there is no such organization. */
    read(orgId: number): Promise<HyokaDocument | undefined> {
      return inSnapshot(handles, (db) => readDocument(db, orgId));
    },

    /** The organization's document, revision and records' primary keys, in one transaction (null: not stored yet). */
    snapshot(orgId: number | null): Promise<Snapshot> {
      return readSnapshot(handles.db, orgId);
    },

    /**
     * The organization with only the projects of `keys` (and every policy; the policy
     * evaluations when asked), in one transaction: a save reads this, not the whole organization.
     */
    projectsSnapshot(orgId: number, keys: readonly string[], options: { policyEvaluations?: boolean } = {}): Promise<Snapshot> {
      return readProjectsSnapshot(handles.db, orgId, keys, options);
    },

    /**
     * Applies a change set computed from `snapshot` towards `desired`, or refuses it whole when
     * the snapshot is stale; with `log`, every changed value goes to the change log in the same transaction.
     */
    apply(snapshot: Snapshot, desired: HyokaDocument, changeSet: ChangeSet, options: ApplyOptions = {}): Promise<Applied> {
      return applyChangeSet(handles, snapshot, desired, changeSet, options);
    },
  };
}
