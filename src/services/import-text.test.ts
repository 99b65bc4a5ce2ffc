// importText: a document whose only fault is one the shape check finds still writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../interchange/generate.js';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { exportDocument } from './export.js';
import { importText } from './documents.js';
import { ServiceError } from './errors.js';
import { testContext } from './test-context.js';

describe.each(testStores())('importText on $name', (factory) => {
  let store: Store;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(() => store?.close());

  it('imports a valid document and reports its unknown fields', async () => {
    const document = generateDocument({ projects: 8, seed: 11 }) as unknown as Record<string, unknown> & { projects: Record<string, unknown>[] };
    document.projects[2]!.colour = 'blue';
    const { report, unknownFields } = await importText(testContext(store), JSON.stringify(document));
    expect(report.counts.projects.added).toBe(8);
    expect(unknownFields).toEqual(['projects[2].colour']);
  });

  it('refuses, writing nothing, a document whose faults only the shape check sees', async () => {
    const before = await exportDocument(testContext(store));
    const broken = generateDocument({ projects: 8, seed: 11 }) as unknown as { projects: Record<string, unknown>[]; policies: Record<string, unknown>[] };
    broken.projects[7]!.name = 42;
    broken.projects[0]!.name = 'この変更は書き込まれない';
    delete broken.policies[0]!.title;
    const refused = await importText(testContext(store), JSON.stringify(broken)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).problems.map((p) => p.path)).toEqual(['policies[0].title', 'projects[7].name']);
    expect(await exportDocument(testContext(store))).toEqual(before);
  });

  it('refuses a syntax error and a walk problem with every problem of both halves', async () => {
    const syntax = await importText(testContext(store), '{"format": "hyoka/1",').catch((error: unknown) => error);
    expect((syntax as ServiceError).problems[0]!.message).toMatch(/JSON/);
    const broken = generateDocument({ projects: 3, seed: 2 }) as unknown as { format: string; projects: { budgets: { amount: unknown }[] }[] };
    broken.format = 'hyoka/0';
    broken.projects[1]!.budgets[0]!.amount = '十';
    const refused = await importText(testContext(store), JSON.stringify(broken)).catch((error: unknown) => error);
    expect((refused as ServiceError).problems.map((p) => p.path)).toEqual(['format', 'projects[1].budgets[0].amount']);
  });
});
