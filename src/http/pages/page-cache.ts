// The bodies of the dashboard and the project pages, rendered once per computed document and
// query: their SVG charts cost ~5 ms each to draw (six on the dashboard), and the computed
// document is shared and unchanged until the next import (computedDocument keys it by revision), so a new import brings a new document and
// the old entries go with it (WeakMap).
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { HyokaDocument } from '../../domain/model.js';

/** Pages (× years × ?org= spellings) kept per document, about 50 KB each; beyond this the oldest goes. */
const MAX_ENTRIES = 128;
const bodies = new WeakMap<HyokaDocument, Map<string, string>>();

export function cachedMarkup(doc: HyokaDocument, key: string, render: () => ReactElement): string {
  let cache = bodies.get(doc);
  if (!cache) bodies.set(doc, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const markup = renderToStaticMarkup(render());
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, markup);
  return markup;
}
