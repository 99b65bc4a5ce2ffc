// Export: the stored document of the context's organization, as imported (compute()'s fields
// are the caller's to add).
import type { HyokaDocument } from '../domain/model.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';

export async function exportDocument(ctx: Context): Promise<HyokaDocument> {
  const organization = await ctx.organization();
  // The stored data, drafts included: the organization's users alone.
  authorize(ctx, 'read-drafts', { orgId: organization.id });
  // One snapshot for all the tables, so a concurrent import shows wholly or not at all.
  const doc = await ctx.store.documents.read(organization.id);
  if (!doc) {
    throw new ServiceError('not-found', `団体「${organization.name}」が見つかりません / Organization "${organization.name}" not found`);
  }
  return doc;
}
