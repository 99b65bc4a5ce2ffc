// An old sheet's text into the organization that already holds its projects keeps their keys.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStores, type TestStore } from '../store/test-stores.js';
import { loadDemoIfEmpty } from './demo.js';
import { importFile } from './files.js';
import { testContext } from './test-context.js';

const SHEET = readFileSync(new URL('../../data/kitakyushu.sheet.txt', import.meta.url));

describe.each(testStores())('sheet text into the demo ($name)', (factory) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await factory.open();
    await loadDemoIfEmpty(testContext(store));
  });
  afterAll(() => store.close());

  it('matches the stored projects by name and division: nothing added or removed, only real differences listed', async () => {
    const ctx = testContext(store, undefined, '北九州市');
    const { report, notes } = await importFile(ctx, SHEET, { format: 'sheet-text', bureau: '企画調整局', dryRun: true, listChanges: 100 });
    expect(notes).toContain('21 stored project(s) matched by name and division keep their keys');
    expect(report.counts.projects).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 21 });
    expect(report.counts.indicators).toMatchObject({ added: 0, removed: 0 });
    expect(report.changes!.total).toBeLessThan(10);
    for (const change of report.changes!.changes) expect(change.path).toMatch(/^(organization\/code|plan|projects\/[a-z][a-z-]+\/indicators\/[a-z][a-z-]+\/\w+)$/);
  });

  it('imports it keeping the keys: the project pages stay where they were', async () => {
    const ctx = testContext(store, undefined, '北九州市');
    await importFile(ctx, SHEET, { format: 'sheet-text', bureau: '企画調整局' });
    const again = await importFile(ctx, SHEET, { format: 'sheet-text', bureau: '企画調整局', dryRun: true, listChanges: 10 });
    expect(again.report.changes).toEqual({ total: 0, changes: [] });
    expect((await store.documents.read((await ctx.organization()).id))!.projects.map((p) => p.key)).toContain('tabunka');
  });
});
