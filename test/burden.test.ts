// The burden promise of workflow.md ("How it is measured"): a division types at most 20% of what a
// seed row asks, for a project carried over into a new cycle. Both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBurden, SEED_ROW_INPUTS, type Burden } from '../bench/burden.js';
import { CLI, createContext } from '../src/services/context.js';
import { cycleOverview } from '../src/services/cycles.js';
import { testStores, type TestStore } from '../src/store/test-stores.js';

describe.each(testStores())('the burden of a carried-over entry on $name', (factory) => {
  let store: TestStore;
  let burden: Burden;
  beforeAll(async () => {
    store = await factory.open();
    burden = await measureBurden(store);
  });
  afterAll(async () => {
    await store.close();
  });

  it('asks at most 20% of the cells a seed row makes a person type', () => {
    expect(SEED_ROW_INPUTS).toHaveLength(25);
    expect(burden.entries).toBe(21);
    expect(burden.meanMissing).toBeGreaterThan(0);
    expect(burden.ratio).toBeLessThanOrEqual(0.2);
  });

  it('counts actuals and grades, never a course carried over', async () => {
    const { entries } = await cycleOverview(createContext(store, CLI), 2022);
    const missing = entries.flatMap((entry) => entry.missing);
    expect(missing.filter((path) => path.endsWith('/course'))).toEqual([]);
    expect(missing.every((path) => path.endsWith('/actual') || path.endsWith('/grade'))).toBe(true);
  });
});
