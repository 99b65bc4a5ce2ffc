// `hyoka serve` on an empty database loads the demo sheet, and only then; instances started
// together on an empty PostgreSQL database load it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStores } from '../store/test-stores.js';
import { openStore, type Store } from '../store/index.js';
import { loadDemoIfEmpty } from './demo.js';
import { exportDocument } from './export.js';
import { testContext } from './test-context.js';

describe.each(testStores())('demo data on $name', (factory) => {
  let store: Store;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(() => store?.close());

  it('loads the seed sheet into an empty database, and leaves a loaded one alone', async () => {
    expect(await loadDemoIfEmpty(testContext(store))).toBe('北九州市');
    const document = await exportDocument(testContext(store));
    expect(document.projects.flatMap((p) => p.placements.map((r) => r.no)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 34 }, (_, i) => i + 1),
    );
    expect(await loadDemoIfEmpty(testContext(store))).toBeNull();
  });
});

describe.each(testStores().filter((factory) => factory.name === 'postgres'))('demo data with instances started together on $name', (factory) => {
  it('is loaded by exactly one of them; the others wait and find it', async () => {
    const empty = await factory.open();
    // Each instance opens the database itself, as `hyoka serve` does.
    const instances = await Promise.all([1, 2, 3].map(() => openStore({ ...empty.shared, poolSize: 1 })));
    try {
      const loaded = await Promise.all(instances.map((instance) => loadDemoIfEmpty(testContext(instance))));
      expect(loaded.filter((name) => name !== null)).toEqual(['北九州市']);
      expect(await empty.organizations.list()).toHaveLength(1);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await empty.close();
    }
  });
});
