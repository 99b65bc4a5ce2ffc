import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HyokaDocument } from '../domain/model.js';
import { changeSetOf, type ChangeSet } from '../interchange/change-set.js';
import { buildRichDocument } from '../../test/factories.js';
import { editedDocumentArbitrary } from '../../test/edits.js';
import { applyChangeSet } from './apply.js';
import { readDocument, readSnapshot, type Snapshot } from './documents.js';
import { StaleSnapshotError } from './errors.js';
import { currentRevision } from './organizations.js';
import type { Store } from './open.js';
import { countRows, flattenDocument } from './raw-baseline.js';
import { tableCounts, testStores } from './test-stores.js';

function changeSet(snapshot: Snapshot, desired: HyokaDocument): ChangeSet {
  const result = changeSetOf(snapshot.document, desired);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.changeSet;
}

describe.each(testStores())('applying a change set on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  /** Brings the store's only organization (or a new one) to `desired`. */
  async function save(desired: HyokaDocument, orgId: number | null) {
    const snapshot = await readSnapshot(store.handles.db, orgId);
    const applied = await applyChangeSet(store.handles, snapshot, desired, changeSet(snapshot, desired));
    return { ...applied, snapshot };
  }

  let runs = 0;
  it('brings any stored document to any edit of it, keeping primary keys, and a second time writes nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(editedDocumentArbitrary(), async ([before, after]) => {
        // A new organization each run; the rows of earlier runs stay.
        const code = `run-${++runs}`;
        before.organization.code = after.organization.code = code;
        const rowsBefore = Object.values(await tableCounts(store)).reduce((a, b) => a + b, 0);
        const { orgId } = await save(before, null);
        const projects = () => store.handles.db.selectFrom('projects').select(['id', 'key']).where('org_id', '=', orgId).execute();
        const ids = new Map((await projects()).map((row) => [row.key, row.id]));
        const { revision } = await save(after, orgId);
        expect(await readDocument(store.handles.db, orgId)).toStrictEqual(after);
        expect(Object.values(await tableCounts(store)).reduce((a, b) => a + b, 0)).toBe(rowsBefore + countRows(flattenDocument(after)));
        for (const row of await projects()) {
          if (ids.has(row.key)) expect(row.id).toBe(ids.get(row.key));
        }
        const again = await save(after, orgId);
        expect(again.revision).toBe(revision);
        expect(await currentRevision(store.handles.db, orgId)).toBe(revision);
      }),
      { numRuns: factory.name === 'sqlite' ? 60 : 25 },
    );
  }, 180_000);

  it('raises the revision only when something is written', async () => {
    const first = await save(buildRichDocument(), null);
    expect(first.revision).toBe(1);
    expect((await save(buildRichDocument(), first.orgId)).revision).toBe(1);
    const changed = buildRichDocument();
    changed.policies[0]!.title = '改';
    expect((await save(changed, first.orgId)).revision).toBe(2);
    expect(await currentRevision(store.handles.db, first.orgId)).toBe(2);
  });

  it('refuses a change set whose snapshot went stale, writing nothing', async () => {
    const { orgId } = await save(buildRichDocument(), null);
    const stale = await readSnapshot(store.handles.db, orgId);
    const mine = buildRichDocument();
    mine.policies[0]!.title = '私の変更';
    const planned = changeSet(stale, mine);
    const theirs = buildRichDocument();
    theirs.projects.pop();
    await save(theirs, orgId);
    const before = await tableCounts(store);

    const error = await applyChangeSet(store.handles, stale, mine, planned).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleSnapshotError);
    expect(error).toMatchObject({ expectedRevision: 1, foundRevision: 2 });
    expect(await tableCounts(store)).toEqual(before);
    expect(await readDocument(store.handles.db, orgId)).toStrictEqual(theirs);
    // Even a change set with nothing to write is checked: the data it agreed with is gone.
    const unchanged = changeSet(stale, buildRichDocument());
    await expect(applyChangeSet(store.handles, stale, buildRichDocument(), unchanged)).rejects.toBeInstanceOf(StaleSnapshotError);
  });

  it('refuses to create an organization another import created since the snapshot', async () => {
    const nothing = await readSnapshot(store.handles.db, null);
    const planned = changeSet(nothing, buildRichDocument());
    await save(buildRichDocument(), null);
    await expect(applyChangeSet(store.handles, nothing, buildRichDocument(), planned)).rejects.toBeInstanceOf(StaleSnapshotError);
    expect((await tableCounts(store)).organizations).toBe(1);
  });
});
