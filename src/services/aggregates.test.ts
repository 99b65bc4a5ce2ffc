// The national aggregate over several organizations on both dialects, checked against the
// same figures counted from the documents themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { generateDocument } from '../interchange/generate.js';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { aggregateSdgs } from './aggregates.js';
import { ANONYMOUS, ROLES } from './context.js';
import { importValue } from './documents.js';
import { testContext, testUser } from './test-context.js';

const YEAR = 2021;

/** The figures counted project by project from the documents. */
function expected(documents: HyokaDocument[]) {
  const goals = Array.from({ length: 17 }, (_, i) => ({ goal: i + 1, projects: 0, budget: 0, measured: 0, achieved: 0 }));
  for (const project of documents.flatMap((d) => d.projects)) {
    for (const goal of new Set(project.sdgs ?? [])) {
      const figures = goals[goal - 1]!;
      figures.projects += 1;
      figures.budget += (project.budgets ?? []).filter((b) => b.fiscalYear === YEAR).reduce((sum, b) => sum + (b.amount ?? 0), 0);
      for (const indicator of project.indicators ?? []) {
        for (const period of indicator.periods ?? []) {
          if (period.fiscalYear !== YEAR || typeof period.target !== 'number' || typeof period.actual !== 'number') continue;
          figures.measured += 1;
          if (indicator.better === 'lower' ? period.actual <= period.target : period.actual >= period.target) figures.achieved += 1;
        }
      }
    }
  }
  return goals;
}

describe.each(testStores())('the SDG aggregate on $name', (factory) => {
  let store: Store;
  const documents = [generateDocument({ projects: 60, seed: 1 }), generateDocument({ projects: 40, seed: 2 })];
  beforeAll(async () => {
    store = await factory.open();
    for (const document of documents) await importValue(testContext(store), structuredClone(document));
  });
  afterAll(() => store?.close());

  it('sums budget and achievement by goal over every organization', async () => {
    const aggregate = await aggregateSdgs(testContext(store), YEAR);
    expect(aggregate.organizations).toBe(2);
    const want = expected(documents);
    expect(aggregate.goals.map(({ achievedPercent: _, ...g }) => g)).toEqual(want);
    expect(want.reduce((sum, g) => sum + g.measured, 0)).toBeGreaterThan(100);
    const some = aggregate.goals.find((g) => g.measured > 0)!;
    expect(some.achievedPercent).toBe(Math.round((some.achieved * 1000) / some.measured) / 10);
  });

  it('is the console’s: anonymous readers and every organization’s users are refused (it reads drafts of all)', async () => {
    await expect(aggregateSdgs(testContext(store, ANONYMOUS), YEAR)).rejects.toMatchObject({ kind: 'unauthorized' });
    for (const role of ROLES) await expect(aggregateSdgs(testContext(store, testUser('u', role, '総務局', '総務課')), YEAR)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
