// The baseline is SQLite by definition (better-sqlite3 prepared statements), so this test
// compares it with an import into SQLite only.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDocument } from '../interchange/generate.js';
import { importDocument } from '../services/import.js';
import { buildRichDocument } from '../../test/factories.js';
import { openStore } from './open.js';
import { openSqliteFile } from './sqlite.js';
import { COLUMNS } from './schema.js';
import { countRows, createBaselineDatabase, flattenDocument, insertRawRows } from './raw-baseline.js';
import { testContext } from '../services/test-context.js';

const dir = mkdtempSync(join(tmpdir(), 'hyoka-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dump(path: string): Record<string, unknown[]> {
  const handle = openSqliteFile(path);
  try {
    return Object.fromEntries(Object.keys(COLUMNS).map((table) => [table, handle.prepare(`select * from "${table}" order by id`).all()]));
  } finally {
    handle.close();
  }
}

describe('raw baseline', () => {
  it.each([
    ['the rich document', buildRichDocument()],
    ['a generated organization', generateDocument({ projects: 120, seed: 11 })],
  ])('writes exactly the rows an import of %s writes', async (_, doc) => {
    const imported = join(dir, `import-${doc.projects.length}.sqlite`);
    const store = await openStore({ sqlitePath: imported });
    await importDocument(testContext(store), doc);
    await store.close();

    const raw = join(dir, `raw-${doc.projects.length}.sqlite`);
    await createBaselineDatabase(raw);
    const tables = flattenDocument(doc);
    expect(insertRawRows(raw, tables)).toBe(countRows(tables));
    expect(dump(raw)).toEqual(dump(imported));
  });
});
