// What the version pages read, over the demo in SQLite (published as cycle 2021, version 1): a
// correction's values a page at a time (a page past the last shows the last), every version's
// list newest first, none for a year without a version; and the publish page's readiness, the
// office's alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { ANONYMOUS } from './context.js';
import { openCycle } from './cycles.js';
import { loadDemoIfEmpty } from './demo.js';
import { projectForEdit, saveProjects } from './editing.js';
import { publishCycle } from './publications.js';
import { testContext, testUser } from './test-context.js';
import { cycleVersions, publishReadiness, versionFile } from './versions.js';

const ACTUAL = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/actual';

describe('the version pages’ reads', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
    await loadDemoIfEmpty(testContext(store));
  });
  afterEach(async () => {
    await store.close();
  });

  /** Sets teiju-iju's 2021 actual and summary, and publishes that as the next version of 2021. */
  async function correct(actual: number, summary: string): Promise<void> {
    const ctx = testContext(store);
    const { project, version } = await projectForEdit(ctx, 'teiju-iju');
    const corrected = structuredClone(project);
    corrected.indicators![0]!.periods![0]!.actual = actual;
    corrected.summary = summary;
    await saveProjects(ctx, [{ key: 'teiju-iju', project: corrected, ifMatch: version }], { channel: 'form' });
    await publishCycle(ctx, 2021, { note: `実績 ${actual}` });
  }

  it('pages what a correction changed, and lists every correction newest first', async () => {
    await correct(365, '訂正した概要');
    await correct(370, '訂正した概要');
    const anyone = testContext(store, ANONYMOUS);
    const all = await cycleVersions(anyone, 2021, { pageSize: 100 });
    expect(all.versions.map((row) => [row.version, row.note])).toEqual([
      [3, '実績 370'],
      [2, '実績 365'],
      [1, expect.any(String)],
    ]);
    expect(all.changes.map(({ version, against, total }) => [version, against, total])).toEqual([
      [3, 2, 1],
      [2, 1, 2],
    ]);
    expect(all.changes[0]!.changes).toEqual([{ path: ACTUAL, before: 365, after: 370 }]);
    const second = await cycleVersions(anyone, 2021, { version: 2, page: 2, pageSize: 1 });
    expect(second.changes).toEqual([{ version: 2, against: 1, total: 2, offset: 1, changes: [{ path: ACTUAL, before: 362, after: 365 }] }]);
    expect((await cycleVersions(anyone, 2021, { version: 2, page: 9, pageSize: 1 })).changes[0]!.offset).toBe(1);
    await expect(cycleVersions(anyone, 2021, { version: 1, pageSize: 1 })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(cycleVersions(anyone, 2022, { pageSize: 1 })).rejects.toMatchObject({ kind: 'not-found' });
    const file = await versionFile(anyone, 2021, 2);
    expect(file.fileName).toBe('hyoka-401005-2021-v2.json');
    await expect(versionFile(anyone, 2021, 4)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('tells the office which entries keep a cycle from being published, and no one else', async () => {
    await openCycle(testContext(store), 2022);
    const readiness = await publishReadiness(testContext(store, testUser('a', 'admin')), 2022);
    expect(readiness).toMatchObject({ fiscalYear: 2022, state: 'open', published: [] });
    expect(readiness.pending).toHaveLength(21);
    expect(readiness.pending).toContainEqual({ key: 'teiju-iju', stage: 'draft' });
    expect((await publishReadiness(testContext(store), 2021)).pending).toEqual([]);
    await expect(publishReadiness(testContext(store, testUser('v', 'viewer')), 2022)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(publishReadiness(testContext(store, ANONYMOUS), 2022)).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(publishReadiness(testContext(store), 2030)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
