// The import benchmark's baseline: the rows an import of a document into an empty
// database writes, inserted with plain better-sqlite3 prepared statements (one per
// table, one run per row) in one transaction, into the same migrated schema with the
// same connection settings. Flattening and inserting are separate calls, so the bench
// times only the inserts. For PostgreSQL (the national benchmark): the same rows in
// multi-row INSERTs through the pg driver.
import { rmSync } from 'node:fs';
import type pg from 'pg';
import { maxParameters } from './dialect.js';
import type { HyokaDocument } from '../domain/model.js';
import { COLUMNS, type TableName } from './schema.js';
import { organizationRow } from './rows.js';
import { STEPS, emptyParentIds, sourceOf } from './steps.js';
import { openStore } from './open.js';
import { openSqliteFile } from './sqlite.js';

export interface FlatTable {
  table: TableName;
  columns: readonly string[];
  /** Values in `columns` order, ids included. */
  rows: unknown[][];
}

/** The rows, table by table in write order, that importing `doc` into an empty database writes. */
export function flattenDocument(doc: HyokaDocument): FlatTable[] {
  const orgId = 1;
  const ids = emptyParentIds(orgId);
  const tables: FlatTable[] = [{ table: 'organizations', columns: COLUMNS.organizations, rows: [] }];
  const organization: Record<string, unknown> = { id: orgId, ...organizationRow(doc) };
  tables[0]!.rows.push(COLUMNS.organizations.map((c) => organization[c] ?? null));
  const source = sourceOf(doc);
  for (const step of STEPS) {
    const columns = COLUMNS[step.table] as readonly string[];
    const rows: unknown[][] = [];
    let next = 1;
    for (const entry of step.entries(source, ids)) {
      const id = next++;
      const values = new Array<unknown>(columns.length);
      step.fill(entry, ids, id, values, 0);
      step.remember?.(entry, id, ids);
      rows.push(values);
    }
    tables.push({ table: step.table, columns, rows });
  }
  return tables;
}

export function countRows(tables: readonly FlatTable[]): number {
  return tables.reduce((sum, t) => sum + t.rows.length, 0);
}

/** A new SQLite file at `path` (any old one removed) with the store's schema. */
export async function createBaselineDatabase(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const store = await openStore({ sqlitePath: path });
  await store.close();
}

/** Inserts the flattened rows with one prepared statement per table, in one transaction; returns the row count. */
export function insertRawRows(path: string, tables: readonly FlatTable[]): number {
  const handle = openSqliteFile(path);
  try {
    const statements = tables.map((t) =>
      handle.prepare(`insert into "${t.table}" (${t.columns.map((c) => `"${c}"`).join(',')}) values (${t.columns.map(() => '?').join(',')})`),
    );
    handle.transaction(() => {
      tables.forEach((t, i) => {
        const statement = statements[i]!;
        for (const row of t.rows) statement.run(row);
      });
    })();
    return countRows(tables);
  } finally {
    handle.close();
  }
}

/** Keys shifted by `offset`: the primary key and every parent's, so several documents' rows sit side by side. */
function shiftKeys(table: FlatTable, offset: number): unknown[][] {
  const keys = table.columns.flatMap((column, i) => (column === 'id' || column.endsWith('_id') ? [i] : []));
  return table.rows.map((row) => {
    const shifted = [...row];
    for (const i of keys) if (typeof shifted[i] === 'number') shifted[i] = (shifted[i] as number) + offset;
    return shifted;
  });
}

/**
 * PostgreSQL: the flattened rows in multi-row INSERTs (as many rows a statement as its
 * parameters allow), in one transaction on `client`, keys shifted by `keyOffset`; returns
 * the row count.
 */
export async function insertRawRowsPostgres(client: pg.ClientBase, tables: readonly FlatTable[], keyOffset: number): Promise<number> {
  await client.query('begin');
  try {
    for (const table of tables) {
      const rows = shiftKeys(table, keyOffset);
      const perStatement = Math.floor(maxParameters('postgres') / table.columns.length);
      const names = table.columns.map((c) => `"${c}"`).join(',');
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const tuples = chunk.map((_, r) => `(${table.columns.map((__, c) => `$${r * table.columns.length + c + 1}`).join(',')})`);
        await client.query(`insert into "${table.table}" (${names}) values ${tuples.join(',')}`, chunk.flat());
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return countRows(tables);
}
