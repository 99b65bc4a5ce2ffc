// The bodies of the dashboard and the project pages, and the dashboard's view (it reads every
// row of a large organization), made once per computed document and query: their SVG charts
// cost ~5 ms each to draw (six on the dashboard), and the computed document is shared and
// unchanged until the next import (computedDocument keys it by revision), so a new import
// brings a new document and the old entries go with it (WeakMap).
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { HyokaDocument } from '../../services/pages.js';
import { countLookup } from '../../services/metrics.js';

/** Pages (× years × ?org= spellings) kept per document, about 50 KB each; beyond this the oldest goes. */
const MAX_ENTRIES = 128;
const caches = new WeakMap<HyokaDocument, Map<string, unknown>>();

/** A value worked out from the document once per key; `key` names what it is (a page, a view) and its query. */
export function cachedValue<T>(doc: HyokaDocument, key: string, build: () => T): T {
  let cache = caches.get(doc);
  if (!cache) caches.set(doc, (cache = new Map()));
  const hit = cache.has(key);
  countLookup('page', hit);
  if (hit) return cache.get(key) as T;
  const value = build();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

export function cachedMarkup(doc: HyokaDocument, key: string, render: () => ReactElement): string {
  return cachedValue(doc, `markup ${key}`, () => renderToStaticMarkup(render()));
}
