import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRichDocument } from '../../test/factories.js';
import { changeSetOf } from '../interchange/change-set.js';
import { readSnapshot } from './documents.js';
import type { Store } from './open.js';
import { testStores } from './test-stores.js';

describe.each(testStores())('cycles on $name', (factory) => {
  let store: Store;
  let orgId: number;
  beforeEach(async () => {
    store = await factory.open();
    const doc = buildRichDocument();
    const snapshot = await readSnapshot(store.handles.db, null);
    const result = changeSetOf(snapshot.document, doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    ({ orgId } = await store.documents.apply(snapshot, doc, result.changeSet, { log: { actor: 'cli', channel: 'import' } }));
  });
  afterEach(async () => {
    await store.close();
  });

  it('opens a cycle with its entries, closing the open one, and sets scopes', async () => {
    const first = await store.cycles.create(orgId, { fiscalYear: 2021, deadlines: {}, at: 1, by: 'admin' }, ['a', 'b'], 'draft');
    expect((await store.cycles.open(orgId))?.id).toBe(first);
    const second = await store.cycles.create(orgId, { fiscalYear: 2022, deadlines: { division: '2023-06-30' }, at: 2, by: 'admin' }, ['a', 'b', 'c'], 'draft');
    expect(await store.cycles.byYear(orgId, 2021)).toMatchObject({ id: first, state: 'closed' });
    expect(await store.cycles.open(orgId)).toEqual({ id: second, fiscalYear: 2022, state: 'open', deadlines: { division: '2023-06-30' }, openedAt: 2, openedBy: 'admin' });
    await expect(store.cycles.create(orgId, { fiscalYear: 2022, deadlines: {}, at: 3, by: 'admin' }, [], 'draft')).rejects.toThrow();
    expect(await store.cycles.setScope(second, ['b', 'c', 'zzz'], 'light')).toBe(2);
    expect((await store.cycles.entries(second)).map((e) => [e.project, e.stage, e.scope])).toEqual([
      ['a', 'draft', 'full'],
      ['b', 'draft', 'light'],
      ['c', 'draft', 'light'],
    ]);
  });

  it('moves an entry only from the stage read, recording and logging each transition', async () => {
    const cycleId = await store.cycles.create(orgId, { fiscalYear: 2022, deadlines: {}, at: 1, by: 'admin' }, ['a'], 'draft');
    const [entry] = await store.cycles.entries(cycleId);
    const target = { id: entry!.id, project: 'a', fiscalYear: 2022 };
    expect(await store.cycles.transition(orgId, target, { from: 'draft', to: 'submitted', actor: 'div', at: 10 })).toBe(true);
    expect(await store.cycles.transition(orgId, target, { from: 'draft', to: 'submitted', actor: 'div', at: 11 })).toBe(false);
    expect(await store.cycles.transition(orgId, target, { from: 'submitted', to: 'draft', actor: 'bureau', at: 12, comment: '実績を確認' })).toBe(true);
    expect(await store.cycles.transitions(entry!.id)).toEqual([
      { at: 10, actor: 'div', from: 'draft', to: 'submitted' },
      { at: 12, actor: 'bureau', from: 'submitted', to: 'draft', comment: '実績を確認' },
    ]);
    const log = await store.changeLog.forProject(orgId, 'a', { limit: 10 });
    expect(log.map((e) => [e.channel, e.path, e.before, e.after, e.comment])).toEqual([
      ['cycle', 'projects/a/cycles/2022/stage', 'submitted', 'draft', '実績を確認'],
      ['cycle', 'projects/a/cycles/2022/stage', 'draft', 'submitted', undefined],
    ]);
  });

  it('records carried values and confirmations, a confirmation replacing the one before and logged', async () => {
    const cycleId = await store.cycles.create(orgId, { fiscalYear: 2022, deadlines: {}, at: 1, by: 'admin' }, ['a', 'b'], 'draft');
    const course = 'projects/a/evaluations/2022/course';
    await store.cycles.setCarried(cycleId, new Map([['a', { [course]: '継続' }]]));
    const [a, b] = await store.cycles.entries(cycleId);
    expect(a).toMatchObject({ project: 'a', carried: { [course]: '継続' }, confirmed: {} });
    expect(b).toMatchObject({ project: 'b', carried: {}, confirmed: {} });
    const target = { id: a!.id, project: 'a', fiscalYear: 2022 };
    await store.cycles.confirm(orgId, target, course, { value: '継続', reason: '', by: 'div', at: 5 });
    await store.cycles.confirm(orgId, target, course, { value: '拡充', reason: '予算増', by: 'div', at: 6 });
    expect((await store.cycles.entries(cycleId))[0]!.confirmed).toEqual({ [course]: { value: '拡充', reason: '予算増', by: 'div', at: 6 } });
    const log = await store.changeLog.forProject(orgId, 'a', { limit: 10 });
    expect(log.map((e) => [e.channel, e.path, e.before, e.after, e.comment])).toEqual([
      ['cycle', 'projects/a/cycles/2022/confirmed/evaluations/2022/course', '継続', '拡充', '予算増'],
      ['cycle', 'projects/a/cycles/2022/confirmed/evaluations/2022/course', undefined, '継続', undefined],
    ]);
  });
});
