import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type Store } from './open.js';
import { COLUMNS } from './schema.js';
import { migrationSchema } from './dialect.js';
import { tableCounts, testStores } from './test-stores.js';

describe.each(testStores())('migrations on $name', (factory) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('creates every table, empty, with the columns the store writes', async () => {
    store = await factory.open();
    const counts = await tableCounts(store);
    expect(Object.keys(counts).sort()).toEqual(Object.keys(COLUMNS).sort());
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    // PostgreSQL lists the tables of every schema; ours are in the current one.
    const schema = await migrationSchema(store.handles.db, store.dialect);
    const tables = await store.handles.db.introspection.getTables();
    for (const [table, columns] of Object.entries(COLUMNS)) {
      const found = tables.find((t) => t.name === table && t.schema === schema);
      expect(found?.columns.map((c) => c.name).sort(), table).toEqual([...columns].sort());
    }
  });

  it('enforces the foreign keys that cascade deletions', async () => {
    store = await factory.open();
    await expect(
      store.handles.db.insertInto('policies').values({ id: 1, org_id: 999, position: 0, code: 'X', title: 'x', extra: null }).execute(),
    ).rejects.toThrow();
  });
});

describe('openStore with SQLite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the directory, uses WAL and foreign keys, and reopens an already migrated file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hyoka-open-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'hyoka.sqlite');
    const first = await openStore({ sqlitePath: path });
    const pragmas = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(first.handles.db);
    expect(pragmas.rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(first.handles.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await first.handles.db.insertInto('organizations').values({ id: 1, code: '1', name: 'a', plan: null, settings: null, extra: null, document_extra: null, empty_lists: null }).execute();
    await first.close();

    const again = await openStore({ sqlitePath: path });
    expect(await again.handles.db.selectFrom('organizations').select('name').execute()).toEqual([{ name: 'a' }]);
    await again.close();
  });
});
