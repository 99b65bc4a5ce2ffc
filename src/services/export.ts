// Export: the stored document of an organization, as imported (compute()'s fields are
// the caller's to add).
import type { HyokaDocument } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { resolveOrganization } from './organizations.js';
import { ServiceError } from './errors.js';

/** `orgRef`: code or name, required when the database holds several organizations. */
export async function exportDocument(store: Store, orgRef?: string): Promise<HyokaDocument> {
  const organization = await resolveOrganization(store, orgRef);
  // One snapshot for all the tables, so a concurrent import shows wholly or not at all.
  const doc = await store.documents.read(organization.id);
  if (!doc) {
    throw new ServiceError('not-found', `団体「${organization.name}」が見つかりません / Organization "${organization.name}" not found`);
  }
  return doc;
}
