// The demo data: the seed sheet (北九州市, 34 rows) curated into one hyoka/1 document.
import { readFile } from 'node:fs/promises';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { importText } from './documents.js';
import { listOrganizations } from './queries.js';

export const DEMO_DOCUMENT = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);

/**
 * Loads the demo document into a database that holds no organization; returns its name, or
 * null. Instances started together on an empty database decide one at a time: the first
 * loads it, the others wait and find it there.
 */
export async function loadDemoIfEmpty(ctx: Context): Promise<string | null> {
  authorize(ctx, 'import-replace');
  return ctx.store.exclusively('demo', async () => {
    if ((await listOrganizations(ctx)).length > 0) return null;
    const { report } = await importText(ctx, await readFile(DEMO_DOCUMENT, 'utf8'));
    return report.organization.name;
  });
}
