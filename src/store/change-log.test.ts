import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { HyokaDocument, Project } from '../domain/model.js';
import { changeSetOf, type ChangeSet } from '../interchange/change-set.js';
import { buildRichDocument } from '../../test/factories.js';
import { readDocument, readProjectsSnapshot, readSnapshot, type Snapshot } from './documents.js';
import type { Store } from './open.js';
import { testStores } from './test-stores.js';

function changeSet(snapshot: Snapshot, desired: HyokaDocument): ChangeSet {
  const result = changeSetOf(snapshot.document, desired);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.changeSet;
}

const LOG = { actor: 'tanaka', channel: 'form', comment: 'R3 実績' } as const;

describe.each(testStores())('the change log on $name', (factory) => {
  let store: Store;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(async () => {
    await store.close();
  });

  async function imported(): Promise<number> {
    const doc = buildRichDocument();
    const snapshot = await readSnapshot(store.handles.db, null);
    const { orgId } = await store.documents.apply(snapshot, doc, changeSet(snapshot, doc), { log: { actor: 'cli', channel: 'import' } });
    return orgId;
  }

  it('logs a new organization as one entry, and refuses UPDATE and DELETE of any entry', async () => {
    const orgId = await imported();
    const entries = await store.changeLog.forOrganization(orgId, { limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'cli', channel: 'import', path: '', after: { organization: { name: '北九州市' }, added: { projects: 3 } } });
    const db = store.handles.db;
    await expect(db.updateTable('change_log').set({ actor: 'someone' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('change_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`update change_log set path = 'x' where id = ${entries[0]!.id}`.execute(db)).rejects.toThrow(/append-only/);
    if (store.dialect === 'postgres') await expect(sql`truncate change_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await store.changeLog.forOrganization(orgId, { limit: 10 })).toEqual(entries);
  });

  it('writes one project from a project-scoped snapshot, in its place, logging each changed value', async () => {
    const orgId = await imported();
    const before = (await readDocument(store.handles.db, orgId))!;
    const snapshot = await readProjectsSnapshot(store.handles.db, orgId, ['sdgs-empty']);
    expect(snapshot.document!.projects.map((p) => p.key)).toEqual(['sdgs-empty']);
    const edited: Project = { ...snapshot.document!.projects[0]!, summary: '書き直した概要', budgets: [{ fiscalYear: 2024, amount: 100 }] };
    const desired = { ...snapshot.document!, projects: [edited] };
    await store.documents.apply(snapshot, desired, changeSet(snapshot, desired), { log: LOG });
    const after = (await readDocument(store.handles.db, orgId))!;
    expect(after.projects.map((p) => p.key)).toEqual(before.projects.map((p) => p.key));
    expect(after).toEqual({ ...before, projects: before.projects.map((p) => (p.key === 'sdgs-empty' ? edited : p)) });
    const entries = await store.changeLog.forProject(orgId, 'sdgs-empty', { limit: 10 });
    expect(entries.map(({ path, before, after, actor, channel, comment }) => ({ path, before, after, actor, channel, comment }))).toEqual([
      { path: 'projects/sdgs-empty/budgets/2024', before: undefined, after: { fiscalYear: 2024, amount: 100 }, ...LOG },
      // Written [] before: the list's form changes too.
      { path: 'projects/sdgs-empty/budgets', before: [], after: ['2024'], ...LOG },
      { path: 'projects/sdgs-empty/summary', before: '', after: '書き直した概要', ...LOG },
    ].map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))));
    expect(await store.changeLog.forProject(orgId, 'tabunka', { limit: 10 })).toEqual([]);
    const newest = await store.changeLog.forOrganization(orgId, { limit: 1 });
    expect(await store.changeLog.forOrganization(orgId, { limit: 10, before: newest[0]!.id })).toHaveLength(3);
  });

  it('adds a project after the last one from a scoped snapshot', async () => {
    const orgId = await imported();
    const snapshot = await readProjectsSnapshot(store.handles.db, orgId, ['new-one']);
    expect(snapshot.document!.projects).toEqual([]);
    const added: Project = { key: 'new-one', name: '新規', division: '企画課', placements: [] };
    const desired = { ...snapshot.document!, projects: [added] };
    await store.documents.apply(snapshot, desired, changeSet(snapshot, desired), { log: LOG });
    const after = (await readDocument(store.handles.db, orgId))!;
    expect(after.projects.map((p) => p.key)).toEqual(['tabunka', 'sdgs-empty', 'bare', 'new-one']);
  });
});
