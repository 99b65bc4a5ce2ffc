// Published versions are immutable on both dialects: numbered per fiscal year, each logged, and
// no UPDATE, DELETE (or, on PostgreSQL, TRUNCATE) reaches one — not even through raw SQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { changeSetOf } from '../interchange/change-set.js';
import { buildRichDocument } from '../../test/factories.js';
import { readSnapshot } from './documents.js';
import type { Store } from './open.js';
import { testStores } from './test-stores.js';

describe.each(testStores())('published versions on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  async function imported(): Promise<number> {
    const doc = buildRichDocument();
    const snapshot = await readSnapshot(store.handles.db, null);
    const diff = changeSetOf(snapshot.document, doc);
    if (!diff.ok) throw new Error(JSON.stringify(diff.problems));
    return (await store.documents.apply(snapshot, doc, diff.changeSet, { log: { actor: 'cli', channel: 'import' } })).orgId;
  }

  const version = (n: number, fiscalYear = 2021) => ({ fiscalYear, note: `第${n}版`, by: 'cli', at: 1_700_000_000_000 + n, sha256: String(n).repeat(64).slice(0, 64), document: `{"v":${n}}` });

  it('numbers versions per year, logs each, and refuses UPDATE, DELETE and TRUNCATE', async () => {
    const orgId = await imported();
    expect(await store.publications.create(orgId, version(1))).toMatchObject({ fiscalYear: 2021, version: 1, note: '第1版' });
    expect(await store.publications.create(orgId, version(2))).toMatchObject({ version: 2 });
    expect(await store.publications.create(orgId, version(3, 2022))).toMatchObject({ fiscalYear: 2022, version: 1 });
    const listed = await store.publications.list(orgId);
    expect(listed.map((row) => [row.fiscalYear, row.version])).toEqual([[2021, 1], [2021, 2], [2022, 1]]);
    expect((await store.changeLog.forOrganization(orgId, { limit: 10 })).filter((entry) => entry.channel === 'publication').map((entry) => entry.path)).toEqual([
      'cycles/2022/publications/1',
      'cycles/2021/publications/2',
      'cycles/2021/publications/1',
    ]);

    const db = store.handles.db;
    await expect(db.updateTable('publications').set({ note: 'rewritten' }).execute()).rejects.toThrow(/immutable/);
    await expect(db.updateTable('publications').set({ document: '{}' }).where('version', '=', 1).execute()).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom('publications').execute()).rejects.toThrow(/immutable/);
    await expect(sql`update publications set sha256 = 'x'`.execute(db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from publications where version = 2`.execute(db)).rejects.toThrow(/immutable/);
    if (store.dialect === 'postgres') await expect(sql`truncate publications`.execute(db)).rejects.toThrow(/immutable/);
    expect(await store.publications.list(orgId)).toEqual(listed);
    expect(await store.publications.document(orgId, 2021, 2)).toBe('{"v":2}');
    expect(await store.publications.document(orgId, 2021, 3)).toBeUndefined();
  });
});
