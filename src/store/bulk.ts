// Multi-row writes. kysely's builder spends more time building a 4,000-row VALUES list
// than SQLite spends inserting it, so bulk statements are assembled here as text — table
// and column names from schema.ts only, every value a bound parameter — and sized to the
// dialect's parameter limit. An import fills the parameters straight from its records
// (row-values.ts), with no row object between.
import { CompiledQuery, type Kysely } from 'kysely';
import { COLUMNS, type Database, type TableName } from './schema.js';
import { maxParameters, placeholder, type DialectName } from './dialect.js';
import type { NewRow } from './rows.js';

/**
 * Rows per statement. SQLite prepares a statement at about 1 µs a row, a third of what
 * inserting the row costs, so statements must be reused: 512-row batches, the rest split
 * into powers of two (statementSizes), give every import the same few statement texts.
 * PostgreSQL parses each statement anyway and pays a round trip per statement instead.
 */
export function batchSize(dialect: DialectName, table: TableName): number {
  return Math.min(dialect === 'sqlite' ? 512 : 4_096, Math.floor(maxParameters(dialect) / COLUMNS[table].length));
}

/** `rows` as statement sizes: full batches, then the remainder in descending powers of two. */
export function statementSizes(rows: number, batch: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  for (; left >= batch; left -= batch) sizes.push(batch);
  for (let power = 2 ** Math.floor(Math.log2(Math.max(left, 1))); left > 0; power /= 2) {
    if (left >= power) {
      sizes.push(power);
      left -= power;
    }
  }
  return sizes;
}

const quote = (name: string) => `"${name}"`;

export type Mode = 'insert' | 'upsert';

// Every statement size recurs (statementSizes); building its text once also lets SQLite's
// statement cache (sqlite.ts) recognise it.
const statementTexts = new Map<string, string>();

function statementText(dialect: DialectName, table: TableName, rows: number, mode: Mode): string {
  const cacheKey = `${dialect} ${table} ${rows} ${mode}`;
  const cached = statementTexts.get(cacheKey);
  if (cached !== undefined) return cached;
  const columns = COLUMNS[table] as readonly string[];
  const tuples: string[] = [];
  for (let r = 0, p = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 0; c < columns.length; c++) marks.push(placeholder(dialect, p++));
    tuples.push(`(${marks.join(',')})`);
  }
  let text = `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${tuples.join(',')}`;
  if (mode === 'upsert') {
    const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
    text += ` on conflict ("id") do update set ${updates.join(', ')}`;
  }
  statementTexts.set(cacheKey, text);
  return text;
}

/**
 * Writes `count` rows in multi-row statements; `fill(values, at, index)` writes the row of
 * index 0…count-1 (its primary key first, then COLUMNS' order) into the statement's
 * parameters from `at`. `upsert` rewrites the rows whose primary key exists.
 */
export async function writeFilled(
  db: Kysely<Database>,
  dialect: DialectName,
  table: TableName,
  count: number,
  fill: (values: unknown[], at: number, index: number) => void,
  mode: Mode,
): Promise<void> {
  const width = COLUMNS[table].length;
  let start = 0;
  for (const size of statementSizes(count, batchSize(dialect, table))) {
    const parameters: unknown[] = new Array(size * width);
    for (let r = 0; r < size; r++) fill(parameters, r * width, start + r);
    await db.executeQuery(CompiledQuery.raw(statementText(dialect, table, size, mode), parameters));
    start += size;
  }
}

/** Writes rows with the given primary keys (ids[i] is rows[i]'s); `upsert` rewrites the rows whose id exists. */
export function writeRows<T extends TableName>(
  db: Kysely<Database>,
  dialect: DialectName,
  table: T,
  ids: readonly number[],
  rows: readonly NewRow<T>[],
  mode: Mode,
): Promise<void> {
  const columns = COLUMNS[table];
  return writeFilled(db, dialect, table, rows.length, (values, at, index) => {
    values[at] = ids[index];
    const row = rows[index] as Record<string, unknown>;
    for (let c = 1; c < columns.length; c++) values[at + c] = row[columns[c]!] ?? null;
  }, mode);
}

/** Deletes rows by primary key (what hangs below them goes by cascade). */
export async function deleteRows(db: Kysely<Database>, dialect: DialectName, table: TableName, ids: readonly number[]): Promise<void> {
  const size = maxParameters(dialect);
  for (let start = 0; start < ids.length; start += size) {
    const batch = ids.slice(start, start + size);
    await db.deleteFrom(table).where('id', 'in', batch).execute();
  }
}
