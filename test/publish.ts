// Tests that import data and then read it as an anonymous reader publish it first, as the
// office would (workflow.md, "Publication"): each year named becomes its cycle's latest
// version, frozen from the organization's data as it stands.
import { latestEvaluatedYear } from '../src/domain/check.js';
import type { HyokaDocument } from '../src/domain/model.js';
import { CLI } from '../src/services/context.js';
import { importValue } from '../src/services/documents.js';
import { exportDocument } from '../src/services/export.js';
import { publishDecided, type Publication } from '../src/services/publications.js';
import { testContext } from '../src/services/test-context.js';
import { addUser, createToken } from '../src/services/users.js';
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

/** Imports a document (as the server's console would) and publishes it: what a test's anonymous reader then reads. */
export async function importPublished(store: Store, document: HyokaDocument, options: { years?: readonly number[]; org?: string } = {}): Promise<Publication[]> {
  await importValue(testContext(store), document);
  return publishYears(store, { ...options, ...(options.org === undefined && document.organization.code !== undefined && { org: document.organization.code }) });
}

let viewers = 0;

/** Headers signing a request in as a new viewer of the organization (an API token): they read 作業中, any year. */
export async function viewerHeaders(store: Store, org?: string): Promise<Record<string, string>> {
  const ctx = testContext(store, CLI, org);
  const login = `reader-${++viewers}`;
  await addUser(ctx, { login, role: 'viewer' });
  return { authorization: `Bearer ${(await createToken(ctx, login)).token}` };
}
