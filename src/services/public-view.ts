// What anonymous readers see: the one place that chooses it. Every public page, and the static
// copy of the site made from them, reads an organization through publicDocument. Today that is
// the organization's current computed document; once the yearly cycle publishes versions
// (workflow.md), it becomes the published version, here and nowhere else.
import { authorize } from './authorization.js';
import { computedDocument, type ComputedOrganization } from './computed.js';
import type { Context } from './context.js';
import type { OrganizationRef } from './organizations.js';

/** The organization the context names, as a citizen reads it. Everyone may: it is public. */
export function publicDocument(ctx: Context): Promise<ComputedOrganization> {
  authorize(ctx, 'read-published');
  return computedDocument(ctx);
}

/** Every organization with a public site, oldest first. */
export async function publicOrganizations(ctx: Context): Promise<OrganizationRef[]> {
  authorize(ctx, 'read-published');
  const rows = await ctx.store.organizations.heads({}, 1_000_000);
  return rows.map((row) => ({ id: row.id, name: row.name, revision: row.revision, ...(row.code !== null && { code: row.code }) }));
}
