import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { HyokaDocument } from '../domain/model.js';
import { testStores } from '../store/test-stores.js';
import type { Store } from '../store/index.js';
import { buildRichDocument, documentArbitrary } from '../../test/factories.js';
import { importDocument } from './import.js';
import { exportDocument } from './export.js';
import { testContext } from './test-context.js';
import { CLI } from './context.js';

const DEMO = new URL('../../data/kitakyushu.hyoka.json', import.meta.url);

/** JSON's view of a document: what export must give back for a document read from a file. */
const asJson = (doc: unknown) => JSON.parse(JSON.stringify(doc)) as HyokaDocument;

describe.each(testStores())('exportDocument on $name', (factory) => {
  // One database for the file: each case imports an organization of its own.
  let store: Store;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives back the rich document exactly: every field, list order, unknown fields, "" and []', async () => {
    const doc = buildRichDocument();
    await importDocument(testContext(store), doc);
    expect(await exportDocument(testContext(store, CLI, doc.organization.code))).toStrictEqual(doc);
  });

  it.runIf(existsSync(DEMO))('gives back the demo document (北九州市) exactly', async () => {
    const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as HyokaDocument;
    // The rich document above is 北九州市 too; the demo replaces it (removing its policies).
    await importDocument(testContext(store), demo, { allowRemovals: true });
    expect(await exportDocument(testContext(store, CLI, demo.organization.code ?? demo.organization.name))).toStrictEqual(demo);
  });

  it('gives back any canonical document (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(documentArbitrary(), async (generated) => {
        // A name and code of its own, so that the runs never replace one another.
        const doc = { ...generated, organization: { ...generated.organization, name: `団体${++n}`, code: `P${n}` } };
        await importDocument(testContext(store), doc);
        expect(await exportDocument(testContext(store, CLI, `P${n}`))).toStrictEqual(asJson(doc));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps numbers by value (54.0 is 54) and text exactly', async () => {
    const doc = buildRichDocument();
    doc.organization = { name: '数値市', code: 'N1' };
    const period = doc.projects[0]!.indicators![0]!.periods![0]!;
    period.target = 0.1 + 0.2;
    period.actual = 1e21;
    doc.projects[0]!.name = '  前後の空白\t改行\nも  ';
    await importDocument(testContext(store), doc);
    const back = await exportDocument(testContext(store, CLI, 'N1'));
    expect(back.projects[0]!.indicators![0]!.periods![0]).toStrictEqual(period);
    expect(back.projects[0]!.name).toBe(doc.projects[0]!.name);
  });
});
