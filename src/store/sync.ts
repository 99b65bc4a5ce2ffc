// Bringing one table of an organization in line with a document: read the stored rows
// once, match the document's records to them by natural key, and write only the
// difference in multi-row statements. Rows no longer in the document are deleted at the
// end, children before parents, skipping those whose parent's deletion cascades to them.
import type { Kysely } from 'kysely';
import type { HyokaDocument } from '../domain/model.js';
import { COLUMNS, type Database, type Row, type TableName } from './schema.js';
import type { DialectName, IdAllocator } from './dialect.js';
import { batchSize, deleteRows, writeRows } from './bulk.js';
import { readRows } from './scope.js';
import { InvalidDocumentError } from './errors.js';
import type { Entry, ParentIds, Step } from './steps.js';
import type { NewRow } from './rows.js';
import { takeTurn } from './turns.js';

export interface RecordCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface SyncContext {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The organization's stored rows are read unless it is new. */
  existing: boolean;
  orgId: number;
  ids: ParentIds;
  /** Null in a dry run: nothing is written and new records get stand-in ids. */
  allocator: IdAllocator | null;
  /** Primary keys of removed records, by table, to skip their cascaded children. */
  removed: Map<TableName, Set<number>>;
  /** Deletions to run once everything is written, in the order they were found. */
  deletions: [TableName, number[]][];
}

let standInId = 0;

export async function syncStep<T extends TableName>(ctx: SyncContext, step: Step<T, any>, doc: HyokaDocument): Promise<RecordCounts> {
  const counts: RecordCounts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  const stored = new Map<string, Row<T>>();
  if (ctx.existing) {
    let read = 0;
    for (const row of await readRows[step.table](ctx.db, { orgId: ctx.orgId })) {
      stored.set(step.storedKey(row), row);
      if (++read % 1024 === 0) await takeTurn();
    }
  }
  const columns = COLUMNS[step.table].filter((c) => c !== 'id') as (keyof NewRow<T>)[];
  const size = batchSize(ctx.dialect, step.table);
  // Into a new organization everything is added; the database's unique keys then refuse
  // duplicates, so keys need not be built (a tenth of the time of a large import).
  const seen = ctx.existing ? new Set<string>() : undefined;
  let inserts: NewRow<T>[] = [];
  let insertEntries: Entry<unknown>[] = [];
  let updates: NewRow<T>[] = [];
  let updateIds: number[] = [];

  const flushInserts = async () => {
    const ids = ctx.allocator ? await ctx.allocator.allocate(step.table, inserts.length) : inserts.map(() => --standInId);
    if (step.remember) insertEntries.forEach((entry, i) => step.remember!(entry, ids[i]!, ctx.ids));
    if (ctx.allocator) await writeRows(ctx.db, ctx.dialect, step.table, ids, inserts, 'insert');
    inserts = [];
    insertEntries = [];
  };
  const flushUpdates = async () => {
    if (ctx.allocator) await writeRows(ctx.db, ctx.dialect, step.table, updateIds, updates, 'upsert');
    updates = [];
    updateIds = [];
  };

  let done = 0;
  for (const entry of step.entries(doc, ctx.ids)) {
    // Hundreds of thousands of unchanged rows write nothing: let other requests in meanwhile.
    if (++done % 1024 === 0) await takeTurn();
    const row = step.row(entry, ctx.ids);
    const key = seen ? step.key(entry, ctx.ids) : undefined;
    const match = key === undefined ? undefined : stored.get(key);
    if (key !== undefined) {
      if (seen!.has(key)) {
        throw new InvalidDocumentError([{ path: step.describe(entry), message: 'キーが重複しています / Duplicate key' }]);
      }
      seen!.add(key);
    }
    if (match === undefined) {
      counts.added++;
      inserts.push(row);
      if (step.remember) insertEntries.push(entry);
      if (inserts.length >= size) await flushInserts();
      continue;
    }
    stored.delete(key!);
    const id = (match as { id: number }).id;
    step.remember?.(entry, id, ctx.ids);
    if (columns.every((c) => (row[c] as unknown) === (match as NewRow<T>)[c])) {
      counts.unchanged++;
    } else {
      counts.updated++;
      updates.push(row);
      updateIds.push(id);
      if (updates.length >= size) await flushUpdates();
    }
  }
  if (inserts.length > 0) await flushInserts();
  if (updates.length > 0) await flushUpdates();

  // What is left was not in the document.
  const removedIds = new Set<number>();
  const toDelete: number[] = [];
  for (const row of stored.values()) {
    counts.removed++;
    const id = (row as { id: number }).id;
    removedIds.add(id);
    const cascades = step.cascadeParents(row).some(([table, parent]) => parent !== null && ctx.removed.get(table)?.has(parent));
    if (!cascades) toDelete.push(id);
  }
  ctx.removed.set(step.table, removedIds);
  if (toDelete.length > 0) ctx.deletions.push([step.table, toDelete]);
  return counts;
}

/** Runs the collected deletions, children first (they were found parents first). */
export async function applyDeletions(ctx: SyncContext): Promise<void> {
  if (!ctx.allocator) return;
  for (const [table, ids] of [...ctx.deletions].reverse()) await deleteRows(ctx.db, ctx.dialect, table, ids);
}
