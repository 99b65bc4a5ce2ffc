// Whole documents: an organization read back in document shape, a snapshot to compute a
// change set from, and that change set applied in one transaction.
import type { HyokaDocument } from '../../domain/model.js';
import type { ChangeSet } from '../../interchange/change-set.js';
import { applyChangeSet, type Applied, type ApplyStage, type Checkpoint } from '../apply.js';
import { readDocument, readSnapshot, type Snapshot } from '../documents.js';
import type { Handles } from '../handles.js';
import { inSnapshot } from '../snapshot.js';

export type { Applied, ApplyStage, Checkpoint, Snapshot };

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

    /** Applies a change set computed from `snapshot` towards `desired`, or refuses it whole when the snapshot is stale. */
    apply(snapshot: Snapshot, desired: HyokaDocument, changeSet: ChangeSet, checkpoint?: Checkpoint): Promise<Applied> {
      return applyChangeSet(handles, snapshot, desired, changeSet, checkpoint);
    },
  };
}
