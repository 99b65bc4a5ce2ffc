import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HyokaDocument, Project } from '../domain/model.js';
import { buildRichDocument } from '../../test/factories.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import type { UserActor } from './context.js';
import { importValue } from './documents.js';
import { ConflictError, projectForEdit, projectsForEdit, saveProjects, savePolicyEvaluation } from './editing.js';
import { exportDocument } from './export.js';
import { organizationHistory, projectHistory } from './history.js';
import { importDocument } from './import.js';
import { testContext, testUser } from './test-context.js';

const ORG = '401005';

const user = testUser;

// tabunka is 企画調整局 国際政策課's; sdgs-empty and bare are 企画課's (no bureau).
const KOKUSAI = user('kokusai', 'division', '企画調整局', '国際政策課');
const KIKAKU = user('kikaku', 'division', undefined, '企画課');

function withActual(project: Project, actual: number): Project {
  const copy = structuredClone(project);
  copy.indicators![0]!.periods![0]!.actual = actual;
  return copy;
}

describe.each(testStores())('saving projects on $name', (factory) => {
  let store: TestStore;
  let stored: HyokaDocument;
  beforeEach(async () => {
    store = await factory.open();
    await importValue(testContext(store), buildRichDocument());
    stored = await exportDocument(testContext(store, undefined, ORG));
  });
  afterEach(async () => {
    await store.close();
  });

  // The only organization is the first: id 1.
  const ctx = (actor: UserActor) => testContext(store, actor);

  it('saves a division’s project, answers its new version, and logs every changed value with before and after', async () => {
    const { project, version } = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    const edited = { ...withActual(project, 61.2), summary: '新しい概要' };
    const result = await saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: edited, ifMatch: version }], { channel: 'api', comment: '実績入力' });
    expect(result.changes.map((c) => c.path).sort()).toEqual(['projects/tabunka/indicators/ninchido/periods/2021/actual', 'projects/tabunka/summary']);
    const after = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    expect(after.project).toEqual(edited);
    expect(result.versions.tabunka).toBe(after.version);
    expect(after.version).not.toBe(version);
    const history = await projectHistory(ctx(KOKUSAI), 'tabunka');
    expect(history.map(({ path, before, after, actor, channel, comment }) => ({ path, before, after, actor, channel, comment })).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'projects/tabunka/indicators/ninchido/periods/2021/actual', before: 59.9, after: 61.2, actor: 'kokusai', channel: 'api', comment: '実績入力' },
      { path: 'projects/tabunka/summary', before: '多文化共生社会の実現に向け、…', after: '新しい概要', actor: 'kokusai', channel: 'api', comment: '実績入力' },
    ]);
    // The rest of the organization is as it was, in the same order.
    const whole = await exportDocument(testContext(store, undefined, ORG));
    expect(whole).toEqual({ ...stored, projects: stored.projects.map((p) => (p.key === 'tabunka' ? edited : p)) });
  });

  it('lets a division add a year’s actual before a later year’s period: an insertion is no reordering', async () => {
    const { project, version } = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    const copy = structuredClone(project);
    const periods = copy.indicators![0]!.periods!;
    const [removed] = periods.splice(1, 1);
    await saveProjects(testContext(store), [{ key: 'tabunka', project: copy, ifMatch: version }], { channel: 'api' });
    const now = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    const inserted = structuredClone(now.project);
    inserted.indicators![0]!.periods!.splice(1, 0, removed!);
    const result = await saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: inserted, ifMatch: now.version }], { channel: 'form' });
    expect(result.changes.map((c) => c.path)).toContain(`projects/tabunka/indicators/ninchido/periods/${removed!.fiscalYear}`);
    expect((await projectForEdit(ctx(KOKUSAI), 'tabunka')).project).toEqual(project);
  });

  it('reads several projects at once as one by one: the same projects, versions and settings, in the order asked, a missing key left out', async () => {
    const keys = ['sdgs-empty', 'tabunka', 'missing', 'bare'];
    const bulk = await projectsForEdit(ctx(KOKUSAI), keys);
    expect(bulk.projects.map(({ project }) => project.key)).toEqual(['sdgs-empty', 'tabunka', 'bare']);
    for (const { project, version } of bulk.projects) {
      const single = await projectForEdit(ctx(KOKUSAI), project.key);
      expect(project).toEqual(single.project);
      expect(version).toBe(single.version);
      expect(bulk.settings).toEqual(single.settings);
    }
    expect(await projectsForEdit(ctx(KOKUSAI), [])).toEqual({ projects: [], settings: undefined });
  });

  it('answers a stale version with 409, the stored project and the differing paths; the first save stays', async () => {
    const { project, version } = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    await saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: withActual(project, 70), ifMatch: version }], { channel: 'form' });
    const error = await saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: withActual(project, 80), ifMatch: version }], { channel: 'api' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const [stale] = (error as ConflictError).stale;
    expect(stale).toMatchObject({ key: 'tabunka', paths: ['projects/tabunka/indicators/ninchido/periods/2021/actual'] });
    expect(stale!.stored.indicators![0]!.periods![0]!.actual).toBe(70);
    expect(stale!.version).toBe((await projectForEdit(ctx(KOKUSAI), 'tabunka')).version);
    expect((await projectForEdit(ctx(KOKUSAI), 'tabunka')).project.indicators![0]!.periods![0]!.actual).toBe(70);
    expect(await projectHistory(ctx(KOKUSAI), 'tabunka')).toHaveLength(1);
  });

  it('never makes two divisions editing different projects conflict, even saving at once', async () => {
    const a = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    const b = await projectForEdit(ctx(KIKAKU), 'bare');
    const saves = await Promise.all([
      saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: { ...a.project, summary: 'A' }, ifMatch: a.version }], { channel: 'form' }),
      saveProjects(ctx(KIKAKU), [{ key: 'bare', project: { ...b.project, summary: 'B' }, ifMatch: b.version }], { channel: 'form' }),
      // A version that went stale only by the other project's save is still current.
      saveProjects(ctx(KIKAKU), [{ key: 'sdgs-empty', project: { ...stored.projects[1]!, summary: 'C' }, ifMatch: (await projectForEdit(ctx(KIKAKU), 'sdgs-empty')).version }], { channel: 'form' }),
    ]);
    expect(saves.map((s) => Object.keys(s.versions))).toEqual([['tabunka'], ['bare'], ['sdgs-empty']]);
    const whole = await exportDocument(testContext(store, undefined, ORG));
    expect(whole.projects.map((p) => [p.key, p.summary])).toEqual([['tabunka', 'A'], ['sdgs-empty', 'C'], ['bare', 'B']]);
  });

  it('refuses a division’s save of another division’s project, or of a placement, with every path, writing nothing', async () => {
    const other = await projectForEdit(ctx(KOKUSAI), 'bare');
    await expect(saveProjects(ctx(KOKUSAI), [{ key: 'bare', project: { ...other.project, summary: 'x' }, ifMatch: other.version }], { channel: 'api' })).rejects.toMatchObject({
      kind: 'forbidden',
      problems: [{ path: 'projects/bare' }],
    });
    const own = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    const moved = { ...own.project, summary: '変更', placements: own.project.placements.map((p, i) => (i === 0 ? { ...p, no: 99 } : p)) };
    const refused = await saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: moved, ifMatch: own.version }], { channel: 'api' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect((refused as { problems: { path: string }[] }).problems.map((p) => p.path).sort()).toEqual(['projects/tabunka/placements/II-3-(3)-①/5', 'projects/tabunka/placements/II-3-(3)-①/99']);
    // All or nothing across projects: one refused project stops the other.
    await expect(
      saveProjects(
        ctx(KOKUSAI),
        [
          { key: 'tabunka', project: { ...own.project, summary: '変更' }, ifMatch: own.version },
          { key: 'bare', project: { ...other.project, summary: 'x' }, ifMatch: other.version },
        ],
        { channel: 'form' },
      ),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await exportDocument(testContext(store, undefined, ORG))).toEqual(stored);
    expect(await organizationHistory(ctx(KOKUSAI))).toHaveLength(1); // the organization's import alone
    const viewer = user('viewer', 'viewer');
    await expect(saveProjects(ctx(viewer), [{ key: 'tabunka', project: own.project, ifMatch: own.version }], { channel: 'form' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('refuses an invalid project with problems named by keys, writing nothing', async () => {
    const { project, version } = await projectForEdit(ctx(KOKUSAI), 'tabunka');
    const broken = structuredClone(project) as unknown as { indicators: { periods: { actual: unknown }[] }[]; evaluations: { grade: string }[] };
    broken.indicators[2]!.periods[1]!.actual = 'たくさん';
    const error = await saveProjects(ctx(KOKUSAI), [{ key: 'tabunka', project: broken as unknown as Project, ifMatch: version }], { channel: 'form' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', problems: [{ path: 'projects/tabunka/indicators/soudan/periods/2022/actual' }] });
    await expect(saveProjects(ctx(KOKUSAI), [{ key: 'other', project, ifMatch: version }], { channel: 'form' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ path: 'projects/other/key' }] });
    expect(await exportDocument(testContext(store, undefined, ORG))).toEqual(stored);
  });

  it('saves a bureau’s policy evaluation, and refuses a division’s', async () => {
    const bureau = user('kyoku', 'bureau', '企画調整局');
    const result = await savePolicyEvaluation(ctx(bureau), { policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 2023, grade: '順調', improvement: '改善' }, { channel: 'api' });
    expect(result.changes).toEqual([{ path: 'policyEvaluations/II-3-(3)-①/企画調整局/2023', after: { policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 2023, grade: '順調', improvement: '改善' } }]);
    await savePolicyEvaluation(ctx(bureau), { policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 2023, grade: 'やや遅れ' }, { channel: 'form' });
    const saved = (await exportDocument(testContext(store, undefined, ORG))).policyEvaluations?.find((e) => e.bureau === '企画調整局' && e.fiscalYear === 2023);
    expect(saved).toEqual({ policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 2023, grade: 'やや遅れ' });
    expect((await organizationHistory(ctx(bureau), { limit: 2 })).map((e) => e.path)).toEqual([
      'policyEvaluations/II-3-(3)-①/企画調整局/2023/improvement',
      'policyEvaluations/II-3-(3)-①/企画調整局/2023/grade',
    ]);
    await expect(savePolicyEvaluation(ctx(KOKUSAI), { policy: 'II-3-(3)-①', bureau: '企画調整局', fiscalYear: 2023 }, { channel: 'api' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('merges a file of one project: the others stay, every changed value is logged as an import, a setting is refused to a division', async () => {
    const edited = { ...withActual(stored.projects[0]!, 12.5), summary: 'ファイルから' };
    const file: HyokaDocument = { format: 'hyoka/1', organization: stored.organization, policies: [], projects: [edited] };
    const report = await importDocument(testContext(store, KOKUSAI), file, { mode: 'merge', listChanges: 10 });
    expect(report.changes?.changes.map((c) => c.path).sort()).toEqual(['projects/tabunka/indicators/ninchido/periods/2021/actual', 'projects/tabunka/summary']);
    expect(await exportDocument(testContext(store, undefined, ORG))).toEqual({ ...stored, projects: [edited, ...stored.projects.slice(1)] });
    const logged = await projectHistory(ctx(KOKUSAI), 'tabunka');
    expect(logged.map(({ path, before, after, channel, actor }) => ({ path, before, after, channel, actor })).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'projects/tabunka/indicators/ninchido/periods/2021/actual', before: 59.9, after: 12.5, channel: 'import', actor: 'kokusai' },
      { path: 'projects/tabunka/summary', before: '多文化共生社会の実現に向け、…', after: 'ファイルから', channel: 'import', actor: 'kokusai' },
    ]);
    const withSetting = { ...file, settings: { ...stored.settings, rateDecimals: 2 } };
    await expect(importDocument(testContext(store, KOKUSAI), withSetting, { mode: 'merge' })).rejects.toMatchObject({ kind: 'forbidden', problems: [{ path: 'settings/rateDecimals' }] });
  });
});
