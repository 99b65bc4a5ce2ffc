// Tests that import data and then read it as an anonymous reader publish it first, as the
// office would (workflow.md, "Publication"): each year named becomes its cycle's latest
// version, frozen from the organization's data as it stands.
import { latestEvaluatedYear } from '../src/domain/check.js';
import { CLI } from '../src/services/context.js';
import { exportDocument } from '../src/services/export.js';
import { publishDecided, type Publication } from '../src/services/publications.js';
import { testContext } from '../src/services/test-context.js';
import type { Store } from '../src/store/index.js';

export const TEST_NOTE = 'テストの公表 / Published by a test';

/**
 * Publishes the organization's current data as the cycle of each year (ascending), by default
 * its latest evaluated year; `org` names the organization when the database holds several.
 */
export async function publishYears(store: Store, options: { years?: readonly number[]; org?: string; note?: string } = {}): Promise<Publication[]> {
  const ctx = testContext(store, CLI, options.org);
  const years = options.years ?? [latestEvaluatedYear(await exportDocument(ctx)) ?? new Date().getFullYear() - 1];
  const published: Publication[] = [];
  for (const year of [...years].sort((a, b) => a - b)) published.push(await publishDecided(ctx, year, { note: options.note ?? TEST_NOTE }));
  return published;
}
