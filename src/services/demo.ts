// The demo data: the seed sheet (北九州市, 34 rows) curated into one hyoka/1 document, imported
// and published as cycle 2021, version 1 (the sheet was published: workflow.md, "Publication").
import { readFile } from 'node:fs/promises';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { importText } from './documents.js';
import { publishDecided } from './publications.js';
import { listOrganizations } from './queries.js';

export const DEMO_DOCUMENT = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);
/** The fiscal year the demo sheet evaluates (令和3年度), published as its cycle's version 1. */
export const DEMO_FISCAL_YEAR = 2021;
export const DEMO_NOTE = '初版（北九州市 企画調整局 令和3年度 行政評価の公表資料より） / First edition, from the published sheet';

/** Loads the demo document into a database that holds no organization; returns its name, or null. */
export async function loadDemoIfEmpty(ctx: Context): Promise<string | null> {
  authorize(ctx, 'import-replace');
  if ((await listOrganizations(ctx)).length > 0) return null;
  const { report } = await importText(ctx, await readFile(DEMO_DOCUMENT, 'utf8'));
  await publishDecided(ctx, DEMO_FISCAL_YEAR, { note: DEMO_NOTE });
  return report.organization.name;
}
