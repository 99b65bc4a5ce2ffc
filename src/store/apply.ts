// Applying a change set (interchange/change-set.ts) to the organization it was computed
// from, in one transaction: the organization's row; new records with everything below them;
// the rows of kept records that changed or moved, rewritten in place (same primary keys);
// then deletions, children before parents (what hangs below a deleted row goes by cascade).
//
// The transaction takes SQLite's write lock or PostgreSQL's lock on the organization, then
// compares the organization's revision with the snapshot's: another write since then makes
// the change set stale, and nothing is written (StaleSnapshotError) — the caller computes it
// again from a fresh snapshot. The revision rises only when something is written.
import type { Kysely } from 'kysely';
import type { HyokaDocument, Policy, PolicyEvaluation, Project } from '../domain/model.js';
import { isEmptyChangeSet, type AddedRecord, type ChangeSet, type KeptRecord, type Owner, type RecordChange, type RecordKind } from '../interchange/change-set.js';
import { appendChanges, loggedChanges, type LogContext } from './change-log.js';
import { batchSize, deleteRows, writeFilled } from './bulk.js';
import { IdAllocator, lockOrganization, takeWriteLock, type DialectName } from './dialect.js';
import type { ProjectPlaces, RowIds, Snapshot } from './documents.js';
import { StaleSnapshotError } from './errors.js';
import { currentRevision, insertOrganization, raiseRevision, updateOrganization } from './organizations.js';
import type { Handles } from './handles.js';
import { organizationRow } from './rows.js';
import type { Database, TableName } from './schema.js';
import { STEPS, emptyParentIds, policyId, type Entry, type ParentIds, type Placed, type Step } from './steps.js';

export interface Applied {
  orgId: number;
  /** The organization's revision after the change set: the snapshot's when it was empty. */
  revision: number;
}

/**
 * The points of a written import a test may stop it at: `locked` (the locks held, nothing
 * written but the organization's own row), after each table's step (its record kind),
 * `deleted` (the removals done), `commit` (just before committing).
 */
export type ApplyStage = 'locked' | RecordKind | 'deleted' | 'commit';
export type Checkpoint = (stage: ApplyStage) => Promise<void>;

export interface ApplyOptions {
  checkpoint?: Checkpoint | undefined;
  /** Who writes, how and why: every changed value is appended to the change log in the same transaction. */
  log?: LogContext | undefined;
}

/** Applies `changeSet`, computed from `snapshot` towards `desired`, or refuses it whole when the snapshot is stale. */
export async function applyChangeSet(
  handles: Handles,
  snapshot: Snapshot,
  desired: HyokaDocument,
  computed: ChangeSet,
  options: ApplyOptions = {},
): Promise<Applied> {
  const { checkpoint, log } = options;
  const changeSet = snapshot.projects ? inPlaces(computed, snapshot.projects) : computed;
  if (isEmptyChangeSet(changeSet) && snapshot.orgId !== null) {
    // Nothing to write: the snapshot need only still be current.
    const revision = await currentRevision(handles.db, snapshot.orgId);
    if (revision !== snapshot.revision) throw new StaleSnapshotError(snapshot.revision, revision);
    return { orgId: snapshot.orgId, revision };
  }
  return handles.db.transaction().execute(async (tx) => {
    await takeWriteLock(tx, handles.dialect);
    const allocator = new IdAllocator(tx, handles.dialect);
    const orgId = await placeOrganization(tx, handles.dialect, allocator, snapshot, desired, changeSet);
    await checkpoint?.('locked');
    await new Writer(tx, handles.dialect, allocator, snapshot, orgId, checkpoint).apply(changeSet);
    if (log) await appendChanges(tx, orgId, loggedChanges(changeSet, desired, snapshot.orgId === null), log);
    await raiseRevision(tx, orgId);
    await checkpoint?.('commit');
    return { orgId, revision: snapshot.revision + 1 };
  });
}

/**
 * A change set computed on a project-scoped snapshot (documents.ts readProjectsSnapshot), put
 * in the places of the whole list: a kept project keeps its stored position, an added one goes
 * after the last, and the part's own order is no reordering of the whole.
 */
function inPlaces(changeSet: ChangeSet, places: ProjectPlaces): ChangeSet {
  let next = places.next;
  const records: RecordChange[] = [];
  for (const change of changeSet.records) {
    if (change.kind !== 'projects') records.push(change);
    else if (change.change === 'added') records.push({ ...change, position: next++ });
    else if (change.change === 'updated' || change.change === 'moved') {
      const position = places.positions.get((change.stored as Project).key);
      if (position === undefined) throw new Error('store: a change set names a project its snapshot does not hold');
      // Only moved within the part: nothing to write.
      if (change.change === 'updated') records.push({ ...change, from: position, position });
    } else if (change.change !== 'reordered') records.push(change);
  }
  return { ...changeSet, records };
}

/** Inserts a new organization's row, or locks a stored one and checks that the snapshot is current. */
async function placeOrganization(
  tx: Kysely<Database>,
  dialect: DialectName,
  allocator: IdAllocator,
  snapshot: Snapshot,
  desired: HyokaDocument,
  changeSet: ChangeSet,
): Promise<number> {
  const row = organizationRow(desired);
  if (snapshot.orgId === null) {
    const [id] = await allocator.allocate('organizations', 1);
    // Not inserted: another import created it since the snapshot.
    if (!(await insertOrganization(tx, { id: id!, ...row }))) throw new StaleSnapshotError(snapshot.revision, null);
    return id!;
  }
  await lockOrganization(tx, dialect, snapshot.orgId);
  const revision = await currentRevision(tx, snapshot.orgId);
  if (revision !== snapshot.revision) throw new StaleSnapshotError(snapshot.revision, revision);
  if (changeSet.organization.change === 'updated') await updateOrganization(tx, { id: snapshot.orgId, ...row });
  return snapshot.orgId;
}

/** An added record below stored ones, or below one added that way (its rows' own lists, its periods). */
interface Pending {
  record: unknown;
  position: number;
  parent: number;
  placement: number | null;
}

class Writer {
  private readonly ids: ParentIds;
  private readonly rowIds: RowIds;
  /** New records at the top (policies, projects with everything below them, policy evaluations). */
  private readonly source = { policies: [] as Placed<Policy>[], projects: [] as Placed<Project>[], policyEvaluations: [] as Placed<PolicyEvaluation>[] };
  private readonly pending = new Map<RecordKind, Pending[]>();
  private readonly rewrites = new Map<RecordKind, KeptRecord[]>();
  private readonly deletions = new Map<RecordKind, number[]>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly allocator: IdAllocator,
    snapshot: Snapshot,
    orgId: number,
    private readonly checkpoint?: Checkpoint,
  ) {
    this.rowIds = snapshot.rowIds;
    this.ids = emptyParentIds(orgId);
    for (const policy of snapshot.document?.policies ?? []) this.ids.policies.set(policy.code, this.rowId(policy));
  }

  async apply(changeSet: ChangeSet): Promise<void> {
    for (const change of changeSet.records) {
      if (change.change === 'added') this.add(change);
      else if (change.change === 'removed') listIn(this.deletions, change.kind).push(this.rowId(change.record));
      else if (change.change !== 'reordered') listIn(this.rewrites, change.kind).push(change);
    }
    for (const step of STEPS) {
      await this.insert(step, step.entries(this.source, this.ids), true);
      await this.insert(step, this.pendingEntries(step.kind), false);
      await this.rewrite(step);
      await this.checkpoint?.(step.kind);
    }
    for (const step of [...STEPS].reverse()) {
      const ids = this.deletions.get(step.kind);
      if (ids) await deleteRows(this.db, this.dialect, step.table, ids);
    }
    await this.checkpoint?.('deleted');
  }

  private rowId(record: object): number {
    const id = this.rowIds.get(record);
    if (id === undefined) throw new Error('store: a change set names a record its snapshot does not hold');
    return id;
  }

  private add(change: AddedRecord): void {
    const { kind, record, position, owner } = change;
    if (kind === 'policies' || kind === 'projects' || kind === 'policyEvaluations') {
      // The change is itself the record in its place.
      (this.source[kind] as Placed<object>[]).push(change);
      return;
    }
    listIn(this.pending, kind).push({ record, position, ...this.parentsOf(kind, owner, record) });
  }

  /** The primary keys a record's row names: its parent's (organization, policy, project or indicator) and its row's. */
  private parentsOf(kind: RecordKind, owner: Owner, record: object): { parent: number; placement: number | null } {
    switch (kind) {
      case 'policies':
      case 'projects':
        return { parent: this.ids.organization, placement: null };
      case 'policyEvaluations': {
        const { policy } = record as { policy: string };
        return { parent: policyId(this.ids, policy, () => `policyEvaluations/${policy}`), placement: null };
      }
      case 'periods':
        return { parent: this.rowId(owner.indicator!), placement: null };
      default:
        return { parent: this.rowId(owner.project!), placement: owner.placement ? this.rowId(owner.placement) : null };
    }
  }

  private *pendingEntries(kind: RecordKind): Iterable<Entry<unknown>> {
    for (const item of this.pending.get(kind) ?? []) {
      yield { record: item.record, position: item.position, index: -1, parent: item.parent, placement: item.placement };
    }
  }

  /**
   * Inserts the entries' rows in multi-row statements. `fromSource`: the ids are remembered as
   * the steps do; else a row or an indicator added below stored records carries its own lists.
   */
  private async insert(step: Step<TableName, any>, entries: Iterable<Entry<unknown>>, fromSource: boolean): Promise<void> {
    const size = batchSize(this.dialect, step.table);
    const { kind } = step;
    const remember: ((entry: Entry<unknown>, id: number) => void) | undefined = fromSource
      ? step.remember && ((entry, id) => step.remember!(entry, id, this.ids))
      : kind === 'placements' || kind === 'indicators'
        ? (entry, id) => this.carry(kind, entry, id)
        : undefined;
    let batch: Entry<unknown>[] = [];
    const flush = async () => {
      const ids = await this.allocator.allocate(step.table, batch.length);
      if (remember) batch.forEach((entry, i) => remember(entry, ids[i]!));
      const written = batch;
      await writeFilled(this.db, this.dialect, step.table, written.length, (values, at, i) => step.fill(written[i]!, this.ids, ids[i]!, values, at), 'insert');
      batch = [];
    };
    for (const entry of entries) {
      batch.push(entry);
      if (batch.length >= size) await flush();
    }
    if (batch.length > 0) await flush();
  }

  /** A row or an indicator added below a stored project: what it carries is added below it. */
  private carry(kind: RecordKind, entry: Entry<unknown>, id: number): void {
    const record = entry.record as { personnelCosts?: unknown[]; evaluations?: unknown[]; periods?: unknown[] };
    const below = (list: unknown[] | undefined, into: RecordKind, parents: { parent: number; placement: number | null }) =>
      (list ?? []).forEach((item, position) => listIn(this.pending, into).push({ record: item, position, ...parents }));
    if (kind === 'placements') {
      below(record.personnelCosts, 'personnelCosts', { parent: entry.parent, placement: id });
      below(record.evaluations, 'evaluations', { parent: entry.parent, placement: id });
    } else {
      below(record.periods, 'periods', { parent: id, placement: null });
    }
  }

  /** Kept records that changed or moved: their rows rewritten under the same primary keys. */
  private async rewrite(step: Step<TableName, any>): Promise<void> {
    const kept = this.rewrites.get(step.kind);
    if (!kept) return;
    await writeFilled(
      this.db,
      this.dialect,
      step.table,
      kept.length,
      (values, at, i) => {
        const change = kept[i]!;
        const entry = { record: change.record, position: change.position, index: -1, ...this.parentsOf(change.kind, change.owner, change.record) };
        step.fill(entry, this.ids, this.rowId(change.stored), values, at);
      },
      'upsert',
    );
  }
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
