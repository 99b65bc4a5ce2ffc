import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { buildDocument } from '../../test/factories.js';
import { importDocument } from './import.js';
import { resolveOrganization } from './organizations.js';
import { exportDocument } from './export.js';
import { testContext } from './test-context.js';
import { CLI } from './context.js';

describe.each(testStores())('resolveOrganization on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('refuses when the database holds no organization', async () => {
    await expect(resolveOrganization(store)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringMatching(/団体がありません.*no organization/) });
  });

  it('takes the only organization when none is named', async () => {
    await importDocument(testContext(store), buildDocument());
    expect(await resolveOrganization(store)).toMatchObject({ name: '北九州市', code: '401005' });
  });

  it.each([
    ['by code', '401005', '北九州市'],
    ['by exact name', '下関市', '下関市'],
  ])('finds an organization %s among several', async (_, ref, name) => {
    await importDocument(testContext(store), buildDocument());
    await importDocument(testContext(store), buildDocument({ organization: { name: '下関市', code: '352012' } }));
    expect((await resolveOrganization(store, ref)).name).toBe(name);
  });

  it.each([
    ['none is named among several', undefined, 'ambiguous', /複数の団体.*--org.*several organizations/],
    ['the name or code is unknown', '福岡市', 'not-found', /「福岡市」が見つかりません.*"福岡市" not found/],
    ['a name is only a prefix', '北九州', 'not-found', /見つかりません/],
  ])('refuses when %s', async (_, ref, kind, message) => {
    await importDocument(testContext(store), buildDocument());
    await importDocument(testContext(store), buildDocument({ organization: { name: '下関市', code: '352012' } }));
    await expect(resolveOrganization(store, ref)).rejects.toMatchObject({ kind, message: expect.stringMatching(message) });
    await expect(exportDocument(testContext(store, CLI, ref))).rejects.toMatchObject({ kind });
  });

  it('refuses a name shared by organizations of different codes', async () => {
    await importDocument(testContext(store), buildDocument({ organization: { name: '府中市', code: '132063' } }));
    await importDocument(testContext(store), buildDocument({ organization: { name: '府中市', code: '342084' } }));
    await expect(resolveOrganization(store, '府中市')).rejects.toMatchObject({ kind: 'ambiguous' });
    expect((await resolveOrganization(store, '342084')).code).toBe('342084');
    // A document without a code cannot say which 府中市 it replaces.
    await expect(importDocument(testContext(store), buildDocument({ organization: { name: '府中市' } }))).rejects.toMatchObject({ kind: 'ambiguous' });
  });
});
