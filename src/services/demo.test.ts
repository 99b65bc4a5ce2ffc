// `hyoka serve` on an empty database loads the demo sheet, and only then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
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
