// Computed projects, serialized, cached per app instance and keyed by the organization's
// revision: a request costs one small query (which revision is current) unless an import
// changed the data since — in this instance, another one, or the CLI.
import type { Store } from '../store/index.js';
import { resolveOrganization, type OrganizationRef } from './organizations.js';
import { countLookup } from './metrics.js';

interface Entry {
  revision: number;
  json: string;
}

/** Enough for every project of a large city; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 20_000;
const caches = new WeakMap<Store, Map<string, Entry>>();

export async function cachedJson(
  store: Store,
  key: string,
  revision: number,
  build: () => Promise<string>,
): Promise<string> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const hit = cache.get(key);
  countLookup('project', hit?.revision === revision);
  if (hit && hit.revision === revision) return hit.json;
  const json = await build();
  cache.delete(key);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { revision, json });
  return json;
}

const pending = new WeakMap<Store, Map<string, Promise<OrganizationRef>>>();
const stamped = new WeakMap<Store, Map<string, { stamp: string; organization: OrganizationRef }>>();

/**
 * resolveOrganization, shared by the requests that arrive while one lookup is in flight:
 * under load, ten concurrent reads cost one query. A request never gets an answer older
 * than the lookup that was running when it arrived.
 */
export function currentOrganization(store: Store, ref: string | undefined): Promise<OrganizationRef> {
  if (store.changeStamp) return stampedOrganization(store, store.changeStamp, ref);
  return sharedLookup(store, ref);
}

/**
 * SQLite: the organization (and its revision) stays the answer until the database's change
 * stamp moves, so a read skips the query; a commit by any process moves the stamp. The
 * stamp is taken before the lookup, so a change during it only costs a later miss.
 */
async function stampedOrganization(store: Store, changeStamp: () => string, ref: string | undefined): Promise<OrganizationRef> {
  let cache = stamped.get(store);
  if (!cache) stamped.set(store, (cache = new Map()));
  const key = ref ?? '';
  const stamp = changeStamp();
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.organization;
  const organization = await sharedLookup(store, ref);
  cache.set(key, { stamp, organization });
  return organization;
}

function sharedLookup(store: Store, ref: string | undefined): Promise<OrganizationRef> {
  let inFlight = pending.get(store);
  if (!inFlight) pending.set(store, (inFlight = new Map()));
  const key = ref ?? '';
  const running = inFlight.get(key);
  if (running) return running;
  const lookup = resolveOrganization(store, ref).finally(() => inFlight.delete(key));
  inFlight.set(key, lookup);
  return lookup;
}
