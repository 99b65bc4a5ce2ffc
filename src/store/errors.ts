// A document the store cannot hold as it stands (a duplicate key, a row naming an unknown
// policy): normally refused earlier by validation, checked again here because the store
// matches records by these keys. The import service turns it into a ServiceError.
export interface StoreProblem {
  path: string;
  message: string;
}

export class InvalidDocumentError extends Error {
  constructor(readonly problems: StoreProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'InvalidDocumentError';
  }
}

/**
 * The organization's data changed between reading the snapshot a change set was computed
 * from and applying it (another import committed meanwhile): nothing was written; compute
 * the change set again from a fresh snapshot, or report the conflict.
 */
export class StaleSnapshotError extends Error {
  constructor(readonly expectedRevision: number, readonly foundRevision: number | null) {
    super(`store: the organization is at revision ${foundRevision ?? '(new)'}, the change set was computed at ${expectedRevision}`);
    this.name = 'StaleSnapshotError';
  }
}
