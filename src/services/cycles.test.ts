import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../domain/model.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import type { Actor } from './context.js';
import { cycleOverview, openCycle, setScopes, transition } from './cycles.js';
import { DEMO_DOCUMENT } from './demo.js';
import { projectForEdit, saveProjects } from './editing.js';
import { importDocument } from './import.js';
import { testContext, testUser } from './test-context.js';

const demo = (): HyokaDocument => JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8'));

const user = testUser;

// agi-subsidy is 企画調整局 国際政策課's, and its 2021 evaluation lacks nothing.
const ROLES: Record<string, Actor> = {
  admin: user('admin', 'admin'),
  'own bureau': user('kikaku-kyoku', 'bureau', '企画調整局'),
  'other bureau': user('kenchiku', 'bureau', '建築都市局'),
  'own division': user('kokusai', 'division', '企画調整局', '国際政策課'),
  'other division': user('somu', 'division', '企画調整局', '総務課'),
  viewer: user('viewer', 'viewer'),
};
const STAGES = ['draft', 'submitted', 'reviewed', 'approved'] as const;
const MOVES = ['submitted', 'reviewed', 'approved', 'draft'] as const;
/** Per role: the answer of each move (columns: to submitted, reviewed, approved, draft) from each stage (rows). */
const EXPECTED: Record<string, (string | number)[][]> = {
  admin: [
    ['ok', 409, 409, 409],
    [409, 'ok', 409, 'ok'],
    [409, 409, 'ok', 'ok'],
    [409, 409, 409, 'ok'],
  ],
  'own bureau': [
    [403, 409, 403, 409],
    [403, 'ok', 403, 'ok'],
    [403, 409, 403, 'ok'],
    [403, 409, 403, 403],
  ],
  'own division': [
    ['ok', 403, 403, 403],
    [409, 403, 403, 403],
    [409, 403, 403, 403],
    [409, 403, 403, 403],
  ],
  'other bureau': STAGES.map(() => [403, 403, 403, 403]),
  'other division': STAGES.map(() => [403, 403, 403, 403]),
  viewer: STAGES.map(() => [403, 403, 403, 403]),
};
const STATUS: Record<string, number> = { forbidden: 403, conflict: 409, invalid: 422, 'not-found': 404 };

async function outcome(promise: Promise<unknown>): Promise<string | number> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    const kind = (error as { kind?: string }).kind;
    if (kind === undefined || STATUS[kind] === undefined) throw error;
    return STATUS[kind]!;
  }
}

describe.each(testStores())('the cycle on $name', (factory) => {
  let store: TestStore;
  const cli = () => testContext(store);
  const as = (actor: Actor) => testContext(store, actor);
  beforeAll(async () => {
    store = await factory.open();
    await importDocument(cli(), demo());
    await openCycle(cli(), 2021, { deadlines: { division: '2022-05-31', bureaus: { 企画調整局: '2022-06-15' } } });
  });
  afterAll(async () => {
    await store.close();
  });

  /** Brings agi-subsidy to `stage` from draft, as the console. */
  async function reach(stage: (typeof STAGES)[number]): Promise<void> {
    for (const to of STAGES.slice(1, STAGES.indexOf(stage) + 1)) await transition(cli(), 2021, 'agi-subsidy', { to });
  }

  it('opens with an entry in draft per project with a row, and an overview of what each lacks', async () => {
    const overview = await cycleOverview(as(ROLES.viewer!), 2021);
    expect(overview).toMatchObject({ fiscalYear: 2021, state: 'open', deadlines: { division: '2022-05-31', bureaus: { 企画調整局: '2022-06-15' } } });
    expect(overview.entries).toHaveLength(21);
    expect(overview.entries.every((entry) => entry.stage === 'draft' && entry.scope === 'full')).toBe(true);
    expect(overview.entries.find((entry) => entry.key === 'agi-subsidy')).toEqual({
      key: 'agi-subsidy',
      bureau: '企画調整局',
      division: '国際政策課',
      stage: 'draft',
      scope: 'full',
      missing: [],
      sameAsLastYear: [],
      carried: [],
      confirmed: [],
    });
    expect(overview.entries.find((entry) => entry.key === 'kanmon-cooperation')?.missing).toEqual([
      'projects/kanmon-cooperation/indicators/kanmon-tourism-spending/periods/2021/actual',
    ]);
    expect(await outcome(openCycle(as(ROLES['own bureau']!), 2022))).toBe(403);
    expect(await outcome(openCycle(cli(), 2021))).toBe(409);
    expect(await outcome(cycleOverview(cli(), 2030))).toBe(404);
  });

  it('refuses a submission that lacks inputs (422 naming them) and a return without a comment', async () => {
    const somu = as(ROLES['other division']!);
    await expect(transition(somu, 2021, 'kanmon-cooperation', { to: 'submitted' })).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'projects/kanmon-cooperation/indicators/kanmon-tourism-spending/periods/2021/actual' }],
    });
    await transition(cli(), 2021, 'teiju-iju', { to: 'submitted' });
    await expect(transition(as(ROLES['own bureau']!), 2021, 'teiju-iju', { to: 'draft', comment: ' ' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ path: 'comment' }] });
    const back = await transition(as(ROLES['own bureau']!), 2021, 'teiju-iju', { to: 'draft', comment: '指標の実績を確認してください' });
    expect(back.transitions).toMatchObject([
      { actor: 'cli', from: 'draft', to: 'submitted' },
      { actor: 'kikaku-kyoku', from: 'submitted', to: 'draft', comment: '指標の実績を確認してください' },
    ]);
    const log = await store.changeLog.forProject(1, 'teiju-iju', { limit: 5 });
    expect(log[0]).toMatchObject({ channel: 'cycle', actor: 'kikaku-kyoku', path: 'projects/teiju-iju/cycles/2021/stage', before: 'submitted', after: 'draft' });
  });

  it('sets scopes by key, by division and by policy; a light entry needs no grade', async () => {
    expect(await setScopes(cli(), 2021, { scope: 'skip', division: '東京事務所' })).toEqual({ updated: 2 });
    expect(await setScopes(cli(), 2021, { scope: 'light', policy: 'VII-3-(1)-②' })).toEqual({ updated: 2 });
    expect(await outcome(setScopes(cli(), 2021, { scope: 'full', keys: ['nothing-such'] }))).toBe(422);
    expect(await outcome(setScopes(as(ROLES['own bureau']!), 2021, { scope: 'full' }))).toBe(403);
    const entries = (await cycleOverview(cli(), 2021)).entries;
    const scopes = Object.fromEntries(entries.filter((e) => e.scope !== 'full').map((e) => [e.key, e.scope]));
    expect(scopes).toEqual({ 'side-job-matching': 'skip', 'tokyo-supporters-network': 'skip', 'regional-administration': 'light', 'kanmon-cooperation': 'light' });
    expect(await setScopes(cli(), 2021, { scope: 'full', keys: ['side-job-matching', 'tokyo-supporters-network', 'regional-administration', 'kanmon-cooperation'] })).toEqual({
      updated: 4,
    });
  });

  it('moves an entry exactly as the roles allow, from every stage to every stage', async () => {
    const found: Record<string, (string | number)[][]> = {};
    for (const [role, actor] of Object.entries(ROLES)) {
      found[role] = [];
      for (const from of STAGES) {
        const row: (string | number)[] = [];
        for (const to of MOVES) {
          await reach(from);
          row.push(await outcome(transition(as(actor), 2021, 'agi-subsidy', { to, ...(to === 'draft' && { comment: '差戻し' }) })));
          const { entries } = await cycleOverview(cli(), 2021);
          const stage = entries.find((entry) => entry.key === 'agi-subsidy')!.stage;
          expect(stage).toBe(row.at(-1) === 'ok' ? to : from);
          if (stage !== 'draft') await transition(cli(), 2021, 'agi-subsidy', { to: 'draft', comment: 'reset' });
        }
        found[role].push(row);
      }
    }
    expect(found).toEqual(EXPECTED);
  });

  it('freezes a project for its division once submitted, for its bureau once reviewed, never for the admin', async () => {
    let n = 0;
    const edit = async (actor: Actor) => {
      const { project, version } = await projectForEdit(cli(), 'agi-subsidy');
      return outcome(saveProjects(as(actor), [{ key: 'agi-subsidy', project: { ...project, summary: `概要 ${++n}` }, ifMatch: version }], { channel: 'api' }));
    };
    expect(await edit(ROLES['own division']!)).toBe('ok');
    await reach('submitted');
    expect(await edit(ROLES['own division']!)).toBe(409);
    const { project, version } = await projectForEdit(cli(), 'agi-subsidy');
    await expect(saveProjects(as(ROLES['own division']!), [{ key: 'agi-subsidy', project, ifMatch: version }], { channel: 'api' })).rejects.toMatchObject({
      problems: [{ path: 'projects/agi-subsidy', message: '段階 / stage: submitted' }],
    });
    expect(await edit(ROLES['own bureau']!)).toBe('ok');
    await transition(cli(), 2021, 'agi-subsidy', { to: 'reviewed' });
    expect(await edit(ROLES['own bureau']!)).toBe(409);
    expect(await edit(ROLES.admin!)).toBe('ok');
    expect(await edit(ROLES['other division']!)).toBe(403);
    await transition(cli(), 2021, 'agi-subsidy', { to: 'draft', comment: 'reset' });
    // In draft again, the division changes the open cycle's year, not another's.
    const stored = (await projectForEdit(cli(), 'agi-subsidy')).project;
    const inYear = (year: number) => {
      const copy = structuredClone(stored);
      copy.evaluations = [...(copy.evaluations ?? []).filter((e) => e.fiscalYear !== year), { fiscalYear: year, improvement: `${year} の改善` }];
      return copy;
    };
    const save = async (year: number) =>
      outcome(saveProjects(as(ROLES['own division']!), [{ key: 'agi-subsidy', project: inYear(year), ifMatch: (await projectForEdit(cli(), 'agi-subsidy')).version }], { channel: 'api' }));
    expect(await save(2019)).toBe(403);
  });

  it('opening the next year closes this one, leaves out ended projects, and follows settings.stages', async () => {
    const doc = demo();
    doc.settings = { ...doc.settings, stages: ['draft', 'submitted', 'approved'] };
    doc.projects.find((p) => p.key === 'teiju-iju')!.evaluations!.find((e) => e.fiscalYear === 2021)!.course = '廃止';
    await importDocument(cli(), doc);
    const opened = await openCycle(cli(), 2022);
    expect(opened).toEqual({ fiscalYear: 2022, entries: 20, excluded: [{ key: 'teiju-iju', course: '廃止' }], closed: 2021, carried: 29 });
    expect((await cycleOverview(cli(), 2021)).state).toBe('closed');
    expect(await outcome(transition(cli(), 2021, 'agi-subsidy', { to: 'submitted' }))).toBe(409);
    expect(await outcome(openCycle(cli(), 2020))).toBe(409);
    // No `reviewed`: the admin approves a submitted entry; a move to reviewed is no stage at all.
    const entry = await store.cycles.byYear(1, 2022);
    const id = (await store.cycles.entries(entry!.id)).find((e) => e.project === 'agi-subsidy')!.id;
    await store.cycles.transition(1, { id, project: 'agi-subsidy', fiscalYear: 2022 }, { from: 'draft', to: 'submitted', actor: 'test', at: 1 });
    expect(await outcome(transition(cli(), 2022, 'agi-subsidy', { to: 'reviewed' }))).toBe(422);
    expect(await outcome(transition(as(ROLES['own bureau']!), 2022, 'agi-subsidy', { to: 'approved' }))).toBe(403);
    expect((await transition(as(ROLES.admin!), 2022, 'agi-subsidy', { to: 'approved' })).stage).toBe('approved');
  });
});
