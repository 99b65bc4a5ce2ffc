import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildRichDocument } from '../../test/factories.js';
import { tableCounts, testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { importDocument } from './import.js';
import { resolveOrganization } from './organizations.js';
import { searchIndexSettled, searchProjects } from './search.js';
import { testContext } from './test-context.js';

describe.each(testStores())('re-importing on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  const revision = async () => (await resolveOrganization(store)).revision;

  it('leaves the revision as it was when the document changes nothing, and raises it once when it does', async () => {
    await importDocument(testContext(store), buildRichDocument());
    expect(await revision()).toBe(1);
    const again = await importDocument(testContext(store), buildRichDocument());
    expect(again.organization.status).toBe('unchanged');
    expect(await revision()).toBe(1);
    const changed = buildRichDocument();
    changed.projects[0]!.name = '改名';
    await importDocument(testContext(store), changed);
    expect(await revision()).toBe(2);
  });

  it('does not rebuild the search index after a re-import that changed nothing', async () => {
    await importDocument(testContext(store), buildRichDocument());
    expect((await searchProjects(testContext(store), '多文化')).total).toBeGreaterThan(0);
    // The first search starts the index's rebuild in the background.
    await searchIndexSettled(store);
    // The revision each index was last built from: a rebuild records the newer one.
    const builtFrom = () => sql<{ revision: number }>`select revision from search_revisions`.execute(store.handles.db).then((r) => r.rows.map((row) => Number(row.revision)));
    expect(await builtFrom()).toEqual([1]);
    await importDocument(testContext(store), buildRichDocument());
    expect((await searchProjects(testContext(store), '多文化')).total).toBeGreaterThan(0);
    await searchIndexSettled(store);
    expect(await builtFrom()).toEqual([1]);
  });

  it('previews the changed values, at most as many as asked, with the total', async () => {
    await importDocument(testContext(store), buildRichDocument());
    const changed = buildRichDocument();
    changed.projects[0]!.indicators![0]!.periods![0]!.actual = 60.2;
    changed.policies[0]!.title = '改';
    const before = await tableCounts(store);
    const preview = await importDocument(testContext(store), changed, { dryRun: true, listChanges: 1 });
    expect(preview.changes).toEqual({ total: 2, changes: [{ path: 'policies/II-3-(3)-①/title', before: '多文化共生社会の実現に向けた体制の構築', after: '改' }] });
    expect(await tableCounts(store)).toEqual(before);
    const all = await importDocument(testContext(store), changed, { dryRun: true, listChanges: 1000 });
    expect(all.changes!.changes).toContainEqual({ path: 'projects/tabunka/indicators/ninchido/periods/2021/actual', before: 59.9, after: 60.2 });
    expect((await importDocument(testContext(store), changed)).changes).toBeUndefined();
  });
});
