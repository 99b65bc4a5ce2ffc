// A file just exported changes nothing when imported back (workflow.md: "A file that changes
// nothing previews as unchanged"), in every format that reads back, on both dialects.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { generateDocument } from '../interchange/generate.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import { buildRichDocument } from '../../test/factories.js';
import { DEMO_DOCUMENT } from './demo.js';
import { importDocument } from './import.js';
import { exportFile, importFile, type ExportFormat, type ImportFormat } from './files.js';
import { testContext } from './test-context.js';

const FORMATS: [ExportFormat, ImportFormat][] = [
  ['json', 'json'],
  ['xlsx-data', 'xlsx'],
  ['csv', 'csv'],
  ['csv-budgets', 'csv'],
];

const DOCUMENTS: [string, () => HyokaDocument][] = [
  ['the demo', () => JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8')) as HyokaDocument],
  ['the rich test document', () => ({ ...buildRichDocument(), organization: { name: '往復市', code: 'round-trip' } })],
  ['a generated organization', () => generateDocument({ projects: 40, seed: 7 })],
];

describe.each(testStores())('export then import: nothing changes ($name)', (factory) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(() => store.close());

  describe.each(DOCUMENTS)('%s', (_name, build) => {
    let org: string;
    beforeAll(async () => {
      const document = build();
      org = document.organization.name;
      await importDocument(testContext(store), document);
    });

    it.each(FORMATS)('%s', async (exportFormat, importFormat) => {
      const ctx = testContext(store, undefined, org);
      const file = await exportFile(ctx, { format: exportFormat });
      const { report } = await importFile(ctx, Buffer.from(file.bytes), { format: importFormat, dryRun: true, listChanges: 20 });
      expect(report.changes).toEqual({ total: 0, changes: [] });
      expect(report.organization.status).toBe('unchanged');
      for (const counts of Object.values(report.counts)) expect(counts).toMatchObject({ added: 0, updated: 0, removed: 0 });
    });
  });
});
