// The forms' use cases on both dialects (SQLite, and PostgreSQL: the server in
// TEST_DATABASE_URL, else PGlite): a division's project form and a bureau's policy evaluation
// round trip through the one write path; a stale form comes back with both values.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStores, type TestStore } from '../store/test-stores.js';
import type { UserActor } from './context.js';
import { loadDemoIfEmpty } from './demo.js';
import { projectHistory } from './history.js';
import { openPolicyEvaluationForm, submitPolicyEvaluationForm } from './policy-evaluation-form.js';
import { openProjectForm, submitProjectForm } from './project-form.js';
import { testContext } from './test-context.js';
import { projectFormValues } from './views/project-form-fields.js';

const ORG = '401005';
const user = (login: string, role: UserActor['role'], division?: string): UserActor => ({
  kind: 'user',
  userId: 1,
  login,
  orgId: 1,
  role,
  bureau: '企画調整局',
  ...(division !== undefined && { division }),
});
const KIKAKU = user('kikaku', 'division', '企画課');
const KYOKU = user('kyoku', 'bureau');
const ACTUAL = 'indicators/young-net-migration/periods/2021/actual';

describe.each(testStores())('the forms on $name', (factory) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await factory.open();
    await loadDemoIfEmpty(testContext(store, undefined, ORG));
  });
  afterEach(async () => {
    await store.close();
  });
  const ctx = (actor: UserActor) => testContext(store, actor);

  it('round-trips a division’s project form: what was typed is stored, logged, and shown next time', async () => {
    const opened = await openProjectForm(ctx(KIKAKU), 'teiju-iju');
    expect(opened.fiscalYear).toBe(2021);
    expect(opened.mayChange('evaluations/2021/grade')).toBe(true);
    expect(opened.mayChange('name')).toBe(false);
    const values = { ...projectFormValues(opened.stored, 2021), [ACTUAL]: '３００', 'evaluations/2021/course': '拡大' };
    const outcome = await submitProjectForm(ctx(KIKAKU), 'teiju-iju', { values, version: opened.version, fiscalYear: 2021 });
    expect(outcome).toMatchObject({ saved: true, changes: 2 });
    const reopened = await openProjectForm(ctx(KIKAKU), 'teiju-iju');
    expect(projectFormValues(reopened.stored, 2021)).toEqual({ ...values, [ACTUAL]: '300' });
    const history = await projectHistory(ctx(KIKAKU), 'teiju-iju');
    expect(history.map(({ path, before, after, channel }) => ({ path, before, after, channel })).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      // The demo's publication recorded its entry as approved.
      { path: 'projects/teiju-iju/cycles/2021/stage', before: 'draft', after: 'approved', channel: 'cycle' },
      { path: 'projects/teiju-iju/evaluations/2021/course', before: '継続', after: '拡大', channel: 'form' },
      { path: `projects/teiju-iju/${ACTUAL}`, before: 362, after: 300, channel: 'form' },
    ]);
  });

  it('lets a division add an indicator by naming it', async () => {
    const opened = await openProjectForm(ctx(KIKAKU), 'teiju-iju');
    const values = { ...projectFormValues(opened.stored, 2021), 'newIndicator/name': 'UIJターン相談件数', 'newIndicator/unit': '件' };
    expect(await submitProjectForm(ctx(KIKAKU), 'teiju-iju', { values, version: opened.version, fiscalYear: 2021 })).toMatchObject({ saved: true });
    const reopened = await openProjectForm(ctx(KIKAKU), 'teiju-iju');
    expect(reopened.stored.indicators?.map((indicator) => [indicator.key, indicator.name])).toEqual([
      ['young-net-migration', '20歳代～30歳代の社会動態の増加数'],
      ['indicator-2', 'UIJターン相談件数'],
    ]);
  });

  it('gives a stale form back with the stored project and the paths that differ, writing nothing', async () => {
    const opened = await openProjectForm(ctx(KIKAKU), 'teiju-iju');
    const values = projectFormValues(opened.stored, 2021);
    expect(await submitProjectForm(ctx(KIKAKU), 'teiju-iju', { values: { ...values, summary: '先に保存' }, version: opened.version, fiscalYear: 2021 })).toMatchObject({ saved: true });
    const stale = await submitProjectForm(ctx(KIKAKU), 'teiju-iju', { values: { ...values, summary: '後から保存' }, version: opened.version, fiscalYear: 2021 });
    expect(stale.saved).toBe(false);
    if (stale.saved) return;
    expect(stale.conflict?.paths).toEqual(['summary']);
    expect(stale.conflict?.stored.summary).toBe('先に保存');
    expect(stale.current.summary).toBe('後から保存');
    expect(stale.state.version).not.toBe(opened.version);
    expect((await openProjectForm(ctx(KIKAKU), 'teiju-iju')).stored.summary).toBe('先に保存');
  });

  it('round-trips a bureau’s policy evaluation form', async () => {
    const opened = await openPolicyEvaluationForm(ctx(KYOKU), 'I-2-(1)-②', {});
    expect(opened).toMatchObject({ bureau: '企画調整局', fiscalYear: 2021, values: { grade: '順調' } });
    expect(await submitPolicyEvaluationForm(ctx(KYOKU), 'I-2-(1)-②', { fiscalYear: 2021, grade: 'やや遅れ', improvement: '局として見直す\r\n二行目' })).toEqual({ saved: true });
    const reopened = await openPolicyEvaluationForm(ctx(KYOKU), 'I-2-(1)-②', { fiscalYear: 2021 });
    expect(reopened.values).toEqual({ grade: 'やや遅れ', improvement: '局として見直す\n二行目' });
    const refused = await submitPolicyEvaluationForm(ctx(KYOKU), 'I-2-(1)-②', { fiscalYear: 2021, grade: 'S', improvement: '残る' });
    expect(refused).toMatchObject({ saved: false, problems: [{ path: 'grade' }], form: { values: { grade: 'S', improvement: '残る' } } });
  });

  it('refuses another division the form (403)', async () => {
    await expect(openProjectForm(ctx(user('kokusai', 'division', '国際政策課')), 'teiju-iju')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(openPolicyEvaluationForm(ctx(KIKAKU), 'I-2-(1)-②', { bureau: '企画調整局' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
