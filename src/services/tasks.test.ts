// The to-do, an entry's thread, the overview and the policy evaluations' stages, on both
// dialects: the demo with 総務課 moved to a bureau of its own (総務局), cycle 2021 opened with
// deadlines, entries moved by their users.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import { cycleBoard } from './cycle-board.js';
import { entryThread } from './cycle-entry.js';
import { cycleOverview, openCycle, transition } from './cycles.js';
import { DEMO_DOCUMENT } from './demo.js';
import { savePolicyEvaluation } from './editing.js';
import { importDocument } from './import.js';
import { transitionPolicyEvaluation } from './policy-stages.js';
import { moveAllReady, myTasks } from './tasks.js';
import { testContext, testUser } from './test-context.js';

const document = (): HyokaDocument => {
  const demo: HyokaDocument = JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8'));
  return { ...demo, projects: demo.projects.map((project) => (project.division === '総務課' ? { ...project, bureau: '総務局' } : project)) };
};

const ADMIN = testUser('admin', 'admin');
const BUREAU = testUser('kikaku-kyoku', 'bureau', '企画調整局');
const OTHER_BUREAU = testUser('somu-kyoku', 'bureau', '総務局');
const DIVISION = testUser('kokusai', 'division', '企画調整局', '国際政策課');
const OTHER_DIVISION = testUser('kikakuka', 'division', '企画調整局', '企画課');
const TODAY = '2021-07-15';

async function kind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { kind?: string }).kind ?? String(error);
  }
}

describe.each(testStores())('to-do, thread, overview and policy stages on $name', (factory) => {
  let store: TestStore;
  const as = (actor = ADMIN) => testContext(store, actor);
  beforeAll(async () => {
    store = await factory.open();
    await importDocument(testContext(store), document());
    await openCycle(testContext(store), 2021, { deadlines: { division: '2021-06-30', bureau: '2021-07-31', bureaus: { 総務局: '2021-07-01' } } });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('puts the returned entry first in the division’s to-do, with the comment, who and when', async () => {
    await transition(as(DIVISION), 2021, 'agi-subsidy', { to: 'submitted' });
    await transition(as(BUREAU), 2021, 'agi-subsidy', { to: 'draft', comment: '実績の出典を確認してください' });
    const tasks = await myTasks(as(DIVISION), { today: TODAY });
    expect(tasks.fiscalYear).toBe(2021);
    expect(tasks.entries.length).toBe(8);
    expect(tasks.entries.every((entry) => entry.division === '国際政策課' && entry.stage === 'draft')).toBe(true);
    const [first, ...rest] = tasks.entries;
    expect(first).toMatchObject({ key: 'agi-subsidy', deadline: '2021-06-30', overdue: true, moves: ['submitted'] });
    expect(first!.returned).toMatchObject({ actor: 'kikaku-kyoku', from: 'submitted', to: 'draft', comment: '実績の出典を確認してください' });
    expect(rest.some((entry) => entry.returned !== undefined)).toBe(false);
    expect((await myTasks(as(DIVISION), { today: '2021-06-30' })).entries[0]!.overdue).toBe(false);
  });

  it('reads an entry’s thread for its own division and bureau, never another’s', async () => {
    const thread = await entryThread(as(DIVISION), 2021, 'agi-subsidy');
    expect(thread).toMatchObject({ key: 'agi-subsidy', stage: 'draft', scope: 'full', missing: [] });
    expect(thread.transitions.map((t) => [t.actor, t.from, t.to, t.comment])).toEqual([
      ['kokusai', 'draft', 'submitted', undefined],
      ['kikaku-kyoku', 'submitted', 'draft', '実績の出典を確認してください'],
    ]);
    expect(thread.transitions[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await entryThread(as(BUREAU), 2021, 'agi-subsidy')).stage).toBe('draft');
    expect(await kind(entryThread(as(OTHER_DIVISION), 2021, 'agi-subsidy'))).toBe('forbidden');
    expect(await kind(entryThread(as(OTHER_BUREAU), 2021, 'agi-subsidy'))).toBe('forbidden');
    expect(await kind(entryThread(as(), 2021, 'no-such-project'))).toBe('not-found');
  });

  it('gives a bureau its own submitted entries to review, the admin the reviewed ones and the late', async () => {
    const submitted = await moveAllReady(as(DIVISION), 'submitted');
    expect(submitted.moved).toContain('agi-subsidy');
    // Entries lacking inputs are not ready: left in draft, not refused.
    const overview = await cycleOverview(as(), 2021);
    const kokusai = overview.entries.filter((entry) => entry.division === '国際政策課');
    expect(submitted.moved.sort()).toEqual(kokusai.filter((entry) => entry.missing.length === 0).map((entry) => entry.key).sort());
    expect(kokusai.filter((entry) => entry.stage === 'submitted').length).toBe(submitted.moved.length);

    const bureau = await myTasks(as(BUREAU), { today: TODAY });
    expect(bureau.entries.map((entry) => entry.key).sort()).toEqual([...submitted.moved].sort());
    expect(bureau.entries[0]).toMatchObject({ deadline: '2021-07-31', overdue: false, moves: ['reviewed', 'draft'] });
    expect((await myTasks(as(OTHER_BUREAU), { today: TODAY })).entries).toEqual([]);

    await transition(as(BUREAU), 2021, 'agi-subsidy', { to: 'reviewed' });
    const admin = await myTasks(as(), { today: TODAY });
    expect(admin.entries.map((entry) => entry.key)).toEqual(['agi-subsidy']);
    expect(admin.entries[0]!.moves).toEqual(['approved', 'draft']);
    // Late: drafts past the divisions' deadline; 総務局's submitted would be late on 07-01, none is submitted.
    expect(admin.late.length).toBeGreaterThan(0);
    expect(admin.late.every((entry) => entry.stage === 'draft' && entry.overdue)).toBe(true);
    expect((await moveAllReady(as(), 'approved')).moved).toEqual(['agi-subsidy']);
  });

  it('counts the overview by bureau and division × stage, narrowed for a bureau, refused to a division', async () => {
    const board = await cycleBoard(as(), 2021, { today: TODAY });
    const overview = await cycleOverview(as(), 2021);
    expect(board.totals.entries).toBe(overview.entries.length);
    const kokusai = board.groups.find((group) => group.division === '国際政策課')!;
    expect(kokusai.counts.approved).toBe(1);
    expect(kokusai.entries).toBe(overview.entries.filter((entry) => entry.division === '国際政策課').length);
    expect(Object.values(kokusai.counts).reduce((a, b) => a + b, 0)).toBe(kokusai.entries);
    expect(board.totals.missing).toBe(overview.entries.reduce((sum, entry) => sum + entry.missing.length, 0));
    expect(board.late.length).toBe(board.totals.late);
    expect(board.groups.map((group) => group.bureau)).toContain('総務局');
    const narrowed = await cycleBoard(as(BUREAU), 2021, { today: TODAY });
    expect(narrowed.bureau).toBe('企画調整局');
    expect(narrowed.groups.every((group) => group.bureau === '企画調整局')).toBe(true);
    expect(narrowed.entries.some((entry) => entry.bureau === '総務局')).toBe(false);
    expect(await kind(cycleBoard(as(DIVISION), 2021))).toBe('forbidden');
  });

  it('moves a policy evaluation: the bureau submits its own, the admin approves or returns; submitted freezes the bureau’s form', async () => {
    const policy = { policy: 'I-2-(1)-④', bureau: '企画調整局' };
    const stageOf = async () => (await cycleOverview(as(), 2021)).policyEvaluations.find((e) => e.policy === policy.policy && e.bureau === policy.bureau)?.stage;
    expect(await stageOf()).toBe('draft');
    expect(await kind(transitionPolicyEvaluation(as(OTHER_BUREAU), 2021, { ...policy, to: 'submitted' }))).toBe('forbidden');
    expect(await kind(transitionPolicyEvaluation(as(DIVISION), 2021, { ...policy, to: 'submitted' }))).toBe('forbidden');
    expect(await kind(transitionPolicyEvaluation(as(BUREAU), 2021, { ...policy, to: 'reviewed' }))).toBe('forbidden');
    const bureauTasks = await myTasks(as(BUREAU), { today: TODAY });
    expect(bureauTasks.policyEvaluations.find((e) => e.policy === policy.policy)).toMatchObject({ stage: 'draft', moves: ['submitted'], deadline: '2021-07-31' });
    await transitionPolicyEvaluation(as(BUREAU), 2021, { ...policy, to: 'submitted' });
    expect(await stageOf()).toBe('submitted');
    const save = savePolicyEvaluation(as(BUREAU), { ...policy, fiscalYear: 2021, improvement: '提出後の変更' }, { channel: 'form' });
    expect(await kind(save)).toBe('conflict');
    expect(await kind(transitionPolicyEvaluation(as(BUREAU), 2021, { ...policy, to: 'submitted' }))).toBe('conflict');
    expect(await kind(transitionPolicyEvaluation(as(), 2021, { ...policy, to: 'draft' }))).toBe('invalid');
    expect((await myTasks(as(), { today: TODAY })).policyEvaluations.map((e) => [e.policy, e.moves])).toEqual([[policy.policy, ['reviewed', 'draft']]]);
    const returned = await transitionPolicyEvaluation(as(), 2021, { ...policy, to: 'draft', comment: '目標の記述を補ってください' });
    expect(returned.transitions.map((t) => [t.from, t.to, t.comment])).toEqual([
      ['draft', 'submitted', undefined],
      ['submitted', 'draft', '目標の記述を補ってください'],
    ]);
    expect(await kind(savePolicyEvaluation(as(BUREAU), { ...policy, fiscalYear: 2021, improvement: '差戻し後の変更' }, { channel: 'form' }))).toBe('ok');
    const log = await store.changeLog.forOrganization(1, { limit: 5 });
    expect(log.some((entry) => entry.path.endsWith('/cycles/2021/stage') && entry.path.startsWith('policyEvaluations/'))).toBe(true);
  });
});
