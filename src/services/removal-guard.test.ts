// An import that would remove most of an organization — an empty or unreadable sheet text,
// a document without its projects — is refused, writing nothing, unless removals are allowed;
// a dry run shows what would go. On both dialects.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../interchange/generate.js';
import { tableCounts, testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { DEMO_DOCUMENT } from './demo.js';
import { importText } from './documents.js';
import { ServiceError } from './errors.js';
import { exportDocument } from './export.js';
import { importFile } from './files.js';
import { testContext } from './test-context.js';
import { CLI } from './context.js';

const DEMO = readFileSync(DEMO_DOCUMENT, 'utf8');
const SHEET = { format: 'sheet-text', org: '北九州市', bureau: '企画調整局' } as const;

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).kind).toBe('invalid');
  return error as ServiceError;
}

describe.each(testStores())('the removal guard on $name', (factory) => {
  let store: Store;
  let before: { document: unknown; counts: Record<string, number> };
  const unchanged = async () => expect({ document: await exportDocument(testContext(store, CLI, '北九州市')), counts: await tableCounts(store) }).toEqual(before);

  beforeAll(async () => {
    store = await factory.open();
    await importText(testContext(store), DEMO);
    before = { document: await exportDocument(testContext(store, CLI, '北九州市')), counts: await tableCounts(store) };
  });
  afterAll(() => store?.close());

  it('refuses an empty sheet text, saying what it could not read, and writes nothing', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('\t'.repeat(5 * 1024 * 1024))]) {
      for (const dryRun of [false, true]) {
        const error = await refusal(importFile(testContext(store, CLI, SHEET.org), bytes, { ...SHEET, dryRun }));
        expect(error.message).toContain('事業の行を一つも読めませんでした');
        expect(error.problems.map((p) => p.message).join('\n')).toContain('no row (a project line with a No.) could be read');
      }
      // Not even allowed removals import a sheet that gave nothing.
      await refusal(importFile(testContext(store, CLI, SHEET.org), bytes, { ...SHEET, allowRemovals: true }));
      await unchanged();
    }
  });

  it('refuses a document that would remove most of the organization, naming how much goes', async () => {
    const emptied = JSON.stringify({ format: 'hyoka/1', organization: { name: '北九州市', code: '401005' }, policies: [], projects: [] });
    const error = await refusal(importText(testContext(store), emptied));
    expect(error.message).toContain('事業 21 件中 21 件、施策 22 件中 22 件');
    expect(error.message).toContain('removes 21 of 21 projects and 22 of 22 policies');
    expect(error.problems).toEqual([
      { path: 'projects', message: '事業 21 件中 21 件が削除されます / 21 of 21 projects would be removed' },
      { path: 'policies', message: '施策 22 件中 22 件が削除されます / 22 of 22 policies would be removed' },
    ]);
    await unchanged();

    const preview = await importText(testContext(store), emptied, { dryRun: true });
    expect(preview.report.largeRemoval).toMatchObject({ projects: { removed: 21, of: 21 }, policies: { removed: 22, of: 22 } });
    expect(preview.report.largeRemoval?.message).toContain('--allow-removals');
    await unchanged();
  });

  it('leaves alone an import that keeps at least half, and imports a large removal when allowed', async () => {
    const doc = generateDocument({ projects: 4, seed: 3 });
    doc.organization = { name: '削除確認市' };
    await importText(testContext(store), JSON.stringify(doc));
    const half = { ...doc, projects: doc.projects.slice(0, 2) };
    expect((await importText(testContext(store), JSON.stringify(half), { dryRun: true })).report.largeRemoval).toBeUndefined();
    const most = { ...doc, projects: doc.projects.slice(0, 1) };
    const error = await refusal(importText(testContext(store), JSON.stringify(most)));
    expect(error.problems).toEqual([{ path: 'projects', message: '事業 4 件中 3 件が削除されます / 3 of 4 projects would be removed' }]);
    const allowed = await importText(testContext(store), JSON.stringify(most), { allowRemovals: true });
    expect(allowed.report.counts.projects).toMatchObject({ removed: 3, unchanged: 1 });
    expect(allowed.report.largeRemoval?.projects).toEqual({ removed: 3, of: 4 });
    expect((await exportDocument(testContext(store, CLI, '削除確認市'))).projects.map((p) => p.key)).toEqual([doc.projects[0]!.key]);
  });
});
