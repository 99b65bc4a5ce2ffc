import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../domain/model.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import { confirmValue } from './carry-over.js';
import { cycleOverview, openCycle } from './cycles.js';
import { DEMO_DOCUMENT } from './demo.js';
import { projectForEdit, saveProjects } from './editing.js';
import { projectHistory } from './history.js';
import { importDocument } from './import.js';
import { testContext, testUser } from './test-context.js';

const demo = (): HyokaDocument => JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8'));
const division = testUser('kokusai', 'division', '企画調整局', '国際政策課');
const otherDivision = testUser('somu', 'division', '企画調整局', '総務課');
const AGI = 'projects/agi-subsidy/evaluations/2022';
const UNIV_ROW = 'projects/kitakyushu-univ/placements/I-2-(1)-②/1/evaluations/2022';

describe.each(testStores())('carried over on $name', (factory) => {
  let store: TestStore;
  const cli = () => testContext(store);
  const entry = async (key: string) => (await cycleOverview(cli(), 2022)).entries.find((e) => e.key === key)!;
  const edit = async (key: string, change: (project: Project) => void, actor = division) => {
    const { project, version } = await projectForEdit(cli(), key);
    change(project);
    await saveProjects(testContext(store, actor), [{ key, project, ifMatch: version }], { channel: 'form' });
  };
  const status = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: { kind?: string }) => error.kind);
  beforeAll(async () => {
    store = await factory.open();
    await importDocument(cli(), demo());
    await openCycle(cli(), 2021);
    expect((await openCycle(cli(), 2022)).carried).toBe(30);
  });
  afterAll(async () => {
    await store.close();
  });

  it("carries last year's course where it was kept, through the write path, so only grades and actuals are missing", async () => {
    const { project } = await projectForEdit(cli(), 'agi-subsidy');
    expect(project.evaluations).toEqual([
      { fiscalYear: 2021, grade: '順調', course: '継続' },
      { fiscalYear: 2022, course: '継続' },
    ]);
    expect(await entry('agi-subsidy')).toMatchObject({
      missing: [
        'projects/agi-subsidy/indicators/papers/periods/2022/actual',
        'projects/agi-subsidy/indicators/external-funds/periods/2022/actual',
        `${AGI}/grade`,
      ],
      carried: [`${AGI}/course`],
      sameAsLastYear: [],
      confirmed: [],
    });
    expect((await entry('kitakyushu-univ')).carried).toHaveLength(3);
    const logged = await projectHistory(cli(), 'agi-subsidy');
    expect(logged.find((e) => e.path === `${AGI}`)).toMatchObject({ channel: 'cycle', after: { fiscalYear: 2022, course: '継続' } });
  });

  it('clears the flag when the division confirms the course, and when it changes it', async () => {
    expect(await status(confirmValue(testContext(store, otherDivision), 2022, 'agi-subsidy', { path: `${AGI}/course` }))).toBe('forbidden');
    expect(await status(confirmValue(testContext(store, division), 2022, 'agi-subsidy', { path: `${AGI}/grade` }))).toBe('invalid');
    const marks = await confirmValue(testContext(store, division), 2022, 'agi-subsidy', { path: `${AGI}/course` });
    expect(marks).toEqual({ carried: [], sameAsLastYear: [], confirmed: [`${AGI}/course`] });
    expect((await entry('agi-subsidy')).confirmed).toMatchObject([{ path: `${AGI}/course`, reason: '', by: 'kokusai' }]);

    const before = await entry('kitakyushu-univ');
    expect(before.carried).toContain(`${UNIV_ROW}/course`);
    await edit('kitakyushu-univ', (p) => (p.placements[0]!.evaluations!.find((e) => e.fiscalYear === 2022)!.course = '拡大'), otherDivision);
    expect((await entry('kitakyushu-univ')).carried).not.toContain(`${UNIV_ROW}/course`);
  });

  it('marks a text the same as last year’s until confirmed 変更なし with a reason, or edited', async () => {
    const somu = testUser('somu', 'division', '企画調整局', '総務課');
    const copied = (await projectForEdit(cli(), 'kitakyushu-univ')).project.placements[0]!.evaluations![0]!.improvement!;
    await edit('kitakyushu-univ', (p) => (p.placements[0]!.evaluations!.find((e) => e.fiscalYear === 2022)!.improvement = copied), somu);
    expect((await entry('kitakyushu-univ')).sameAsLastYear).toEqual([`${UNIV_ROW}/improvement`]);
    expect(await status(confirmValue(testContext(store, somu), 2022, 'kitakyushu-univ', { path: `${UNIV_ROW}/improvement`, reason: ' ' }))).toBe('invalid');
    await confirmValue(testContext(store, somu), 2022, 'kitakyushu-univ', { path: `${UNIV_ROW}/improvement`, reason: '計画期間中のため' });
    const confirmed = await entry('kitakyushu-univ');
    expect(confirmed.sameAsLastYear).toEqual([]);
    expect(confirmed.confirmed).toMatchObject([{ path: `${UNIV_ROW}/improvement`, reason: '計画期間中のため', by: 'somu' }]);
    // An edit leaves the confirmation behind; the same text again is marked again.
    await edit('kitakyushu-univ', (p) => (p.placements[0]!.evaluations!.find((e) => e.fiscalYear === 2022)!.improvement = `${copied}（追記）`), somu);
    expect((await entry('kitakyushu-univ')).confirmed).toEqual([]);
    await edit('kitakyushu-univ', (p) => (p.placements[0]!.evaluations!.find((e) => e.fiscalYear === 2022)!.improvement = copied), somu);
    expect((await entry('kitakyushu-univ')).sameAsLastYear).toEqual([]);
  });

  it('refuses a confirmation once the entry is past the stage at which its division edits', async () => {
    const key = 'tokyo-supporters-network';
    const tokyo = testUser('tokyo', 'division', '企画調整局', '東京事務所');
    const carried = (await entry(key)).carried[0]!;
    const cycle = await store.cycles.byYear(1, 2022);
    const { id } = (await store.cycles.entries(cycle!.id)).find((e) => e.project === key)!;
    await store.cycles.transition(1, { id, project: key, fiscalYear: 2022 }, { from: 'draft', to: 'submitted', actor: 'test', at: 1 });
    expect(await status(confirmValue(testContext(store, tokyo), 2022, key, { path: carried }))).toBe('forbidden');
    expect(await confirmValue(cli(), 2022, key, { path: carried })).toMatchObject({ carried: [], confirmed: [carried] });
  });
});
