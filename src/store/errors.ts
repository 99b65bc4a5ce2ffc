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
