// The computed document of an organization, shared by the pages (dashboard, sheet, search
// results, exports of what a page shows) and kept per app instance under the organization's
// revision: built once after each import, whichever instance or the CLI made it.
import { compute } from '../interchange/compute.js';
import type { HyokaDocument } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { exportDocument } from './export.js';
import { countLookup } from './metrics.js';
import type { OrganizationRef } from './organizations.js';

export interface ComputedOrganization {
  organization: OrganizationRef;
  /** Shared between requests: read it, never change it. */
  document: HyokaDocument;
}

interface Entry {
  revision: number;
  built: Promise<HyokaDocument>;
}

const caches = new WeakMap<Store, Map<number, Entry>>();

/** The context's organization, computed (its orgRef is required when the database holds several). */
export async function computedDocument(ctx: Context): Promise<ComputedOrganization> {
  const { store } = ctx;
  const organization = await ctx.organization();
  // The current data, drafts included: the organization's users (public-view.ts chooses for readers).
  authorize(ctx, 'read-drafts', { orgId: organization.id });
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const hit = cache.get(organization.id);
  countLookup('document', hit?.revision === organization.revision);
  if (hit && hit.revision === organization.revision) return { organization, document: await hit.built };
  // Concurrent requests after an import share one build; a failed build is not kept.
  const built = exportDocument(ctx).then(compute);
  const entry = { revision: organization.revision, built };
  cache.set(organization.id, entry);
  built.catch(() => {
    if (cache.get(organization.id) === entry) cache.delete(organization.id);
  });
  return { organization, document: await built };
}
