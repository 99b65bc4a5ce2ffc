// The demo data: the seed sheet (北九州市, 34 rows) curated into one hyoka/1 document.
import { readFile } from 'node:fs/promises';
import type { Store } from '../store/index.js';
import { importText } from './documents.js';
import { listOrganizations } from './queries.js';

export const DEMO_DOCUMENT = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);

/** Loads the demo document into a database that holds no organization; returns its name, or null. */
export async function loadDemoIfEmpty(store: Store): Promise<string | null> {
  if ((await listOrganizations(store)).length > 0) return null;
  const { report } = await importText(store, await readFile(DEMO_DOCUMENT, 'utf8'));
  return report.organization.name;
}
