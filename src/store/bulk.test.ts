import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchSize, deleteRows, statementSizes, writeRows } from './bulk.js';
import { testStores } from './test-stores.js';
import type { Store } from './open.js';
import type { NewRow } from './rows.js';

describe('statementSizes', () => {
  it('covers every row with full batches, then descending powers of two (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 5_000 }), (rows, batch) => {
        const sizes = statementSizes(rows, batch);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
        const tail = sizes.filter((s) => s !== batch);
        expect(sizes.slice(0, sizes.length - tail.length).every((s) => s === batch)).toBe(true);
        for (const size of tail) expect(Math.log2(size) % 1).toBe(0);
        expect(tail).toEqual([...new Set(tail)].sort((a, b) => b - a));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [0, 512, []],
    [1, 512, [1]],
    [512, 512, [512]],
    [1300, 512, [512, 512, 256, 16, 4]],
  ])('splits %i rows in batches of %i as %j', (rows, batch, sizes) => {
    expect(statementSizes(rows, batch)).toEqual(sizes);
  });
});

describe.each(testStores())('bulk writes on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
    await store.handles.db.insertInto('organizations').values({ id: 1, code: null, name: 'x', plan: null, settings: null, extra: null, document_extra: null, empty_lists: null }).execute();
  });
  afterEach(async () => {
    await store.close();
  });

  const policy = (i: number): NewRow<'policies'> => ({ org_id: 1, position: i, code: `P${i}`, title: `題名 ${i}`, extra: i % 2 ? null : '{"x":1}' });

  it('inserts, rewrites and deletes across statement boundaries', async () => {
    const count = 2 * batchSize(store.dialect, 'policies') + 37;
    const ids = Array.from({ length: count }, (_, i) => i + 1);
    await writeRows(store.handles.db, store.dialect, 'policies', ids, ids.map((i) => policy(i)), 'insert');
    const changed = ids.filter((i) => i % 3 === 0);
    await writeRows(store.handles.db, store.dialect, 'policies', changed, changed.map((i) => ({ ...policy(i), title: `改 ${i}` })), 'upsert');
    const removed = ids.filter((i) => i % 5 === 0);
    await deleteRows(store.handles.db, store.dialect, 'policies', removed);

    const rows = await store.handles.db.selectFrom('policies').selectAll().orderBy('id').execute();
    const expected = ids
      .filter((i) => i % 5 !== 0)
      .map((i) => ({ id: i, ...policy(i), ...(i % 3 === 0 ? { title: `改 ${i}` } : {}) }));
    expect(rows).toEqual(expected);
  });
});
