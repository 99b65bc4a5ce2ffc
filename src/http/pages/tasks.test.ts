// /tasks, the stage forms and /cycles/:fiscalYear as a browser without JavaScript uses them, on
// the demo with cycle 2022 opened (deadlines long past): the refusals shown on the page with
// their paths, a return's comment first in the division's to-do, the overview's counts.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { cycleOverview, openCycle } from '../../services/cycles.js';
import { addUser } from '../../services/users.js';

const PASSWORD = 'kitakyushu-planning-2026';
const ORG_ID = 1;
const { app, store } = useDemoApp({
  seed: async (s) => {
    const cli = createContext(s, CLI);
    await addUser(cli, { login: 'kikakuka', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
    await addUser(cli, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(cli, { login: 'kikakuchosei', role: 'bureau', bureau: '企画調整局', password: PASSWORD });
    await addUser(cli, { login: 'hoken', role: 'bureau', bureau: '保健福祉局', password: PASSWORD });
    await openCycle(cli, 2022, { deadlines: { division: '2022-06-30', bureau: '2022-07-31' } });
  },
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const sessions = new Map<string, { cookie: string; csrf: string }>();

async function signIn(login: string): Promise<{ cookie: string; csrf: string }> {
  const known = sessions.get(login);
  if (known) return known;
  const response = await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login, password: PASSWORD } });
  expect(response.statusCode, response.body).toBe(204);
  const session = { cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: String(response.headers['x-csrf-token']) };
  sessions.set(login, session);
  return session;
}

async function get(login: string, url: string) {
  return app().inject({ url, headers: { cookie: (await signIn(login)).cookie } });
}

async function post(login: string, url: string, fields: Record<string, string>) {
  const { cookie, csrf } = await signIn(login);
  return app().inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString() });
}

/** Moves an entry as the store would, without the submission's checks: the demo has no 2022 actuals. */
async function force(key: string, from: string, to: string) {
  const cycle = (await store().cycles.byYear(ORG_ID, 2022))!;
  const entry = (await store().cycles.entries(cycle.id)).find((e) => e.project === key)!;
  expect(await store().cycles.transition(ORG_ID, { id: entry.id, project: key, fiscalYear: 2022 }, { from, to, actor: 'cli', at: Date.now() })).toBe(true);
}

/** `2026-12-03 16:00` for 2026-12-03T07:00Z: Japan is nine hours ahead of UTC, all year. */
const inJapan = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const stageOf = async (key: string) => (await cycleOverview(createContext(store(), CLI), 2022)).entries.find((e) => e.key === key)!.stage;

describe('/tasks and the stage forms', () => {
  it('sends someone not signed in to sign in, and links a signed-in user’s work from the header', async () => {
    const anonymous = await app().inject({ url: '/tasks' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Ftasks');
    const home = await get('kikakuka', '/');
    for (const href of ['/tasks', '/tasks/entry', '/history', '/import']) expect(home.body).toContain(`<a href="${href}">`);
    expect(home.body).not.toContain('<a href="/cycles">');
    expect((await get('kikaku', '/')).body).toContain('<a href="/cycles">');
    const cycles = await get('kikaku', '/cycles');
    expect(cycles.statusCode).toBe(303);
    expect(cycles.headers.location).toBe('/cycles/2022');
  });

  it('shows a division its drafts with deadline, 期限超過 and a labelled form per move', async () => {
    const page = await get('kikakuka', '/tasks');
    expect(page.statusCode).toBe(200);
    for (const name of ['定住・移住促進事業', '北九州市魅力発信事業', 'ふるさと寄附金促進事業', '情報発信・取材協力事業']) expect(page.body).toContain(name);
    expect(page.body).toContain('2022-06-30');
    expect(page.body).toContain('期限超過');
    expect(page.body).toContain('action="/cycles/2022/entries/teiju-iju/stage"');
    expect(page.body).toContain('<h2 id="waiting-title">');
    const json = (await get('kikakuka', '/tasks?format=json')).json();
    expect(json.entries.map((e: { key: string }) => e.key).sort()).toEqual(['city-appeal', 'furusato-donation', 'media-publicity', 'teiju-iju']);
  });

  it('shows a refused submission on the page: 422 with the missing inputs in Japanese, nothing moved', async () => {
    const refused = await post('kikakuka', '/cycles/2022/entries/teiju-iju/stage', { to: 'submitted' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('role="alert"');
    const named = '指標「20歳代～30歳代の社会動態の増加数」（人）の2022年度 実績';
    expect(refused.body).toContain(named);
    expect(refused.body).not.toContain('指標「young-net-migration」');
    expect((await get('kikakuka', '/projects/teiju-iju')).body).toContain(named);
    expect(refused.body).toContain('2022年度の評価（事業評価）');
    expect(await stageOf('teiju-iju')).toBe('draft');
  });

  it('lets the bureau return with a required comment; the division then sees it first, with who and when', async () => {
    await force('furusato-donation', 'draft', 'submitted');
    const bureau = await get('kikakuchosei', '/tasks');
    expect(bureau.body).toContain('action="/cycles/2022/entries/furusato-donation/stage"');
    expect(bureau.body).toContain('<label for="comment-furusato-donation">');
    expect(bureau.body).not.toContain('action="/cycles/2022/entries/teiju-iju/stage"');

    const noComment = await post('kikakuchosei', '/cycles/2022/entries/furusato-donation/stage', { to: 'draft', comment: ' ' });
    expect(noComment.statusCode).toBe(422);
    expect(noComment.body).toContain('コメント');
    expect(await stageOf('furusato-donation')).toBe('submitted');

    const returned = await post('kikakuchosei', '/cycles/2022/entries/furusato-donation/stage', { to: 'draft', comment: '寄附件数の出典を確認してください' });
    expect(returned.statusCode, returned.body).toBe(303);
    expect(returned.headers.location).toMatch(/^\/tasks\?status=/);
    expect((await get('kikakuchosei', String(returned.headers.location))).body).toContain('role="status"');

    const division = (await get('kikakuka', '/tasks?format=json')).json();
    expect(division.entries[0]).toMatchObject({ key: 'furusato-donation', returned: { actor: 'kikakuchosei', comment: '寄附件数の出典を確認してください' } });
    const page = (await get('kikakuka', '/tasks')).body;
    expect(page.indexOf('寄附件数の出典を確認してください')).toBeGreaterThan(-1);
    const at: string = division.entries[0].returned.at;
    expect(page).toContain(`<time dateTime="${at}">${inJapan(at)}</time>`);
    expect(page.indexOf('furusato-donation/stage')).toBeLessThan(page.indexOf('teiju-iju/stage'));

    const project = (await get('kikakuka', '/projects/furusato-donation')).body;
    expect(project).toContain('id="cycle-entry-title"');
    expect(project).toContain('寄附件数の出典を確認してください');
    expect(project).toContain(`<time dateTime="${at}">${inJapan(at)}</time>`);
    expect((await app().inject({ url: '/projects/furusato-donation' })).body).not.toContain('寄附件数の出典');
  });

  it('answers a move from the wrong stage with 409 on the page, naming the stage', async () => {
    await force('city-appeal', 'draft', 'submitted');
    const refused = await post('kikakuka', '/cycles/2022/entries/city-appeal/stage', { to: 'submitted' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('提出済');
    expect(await stageOf('city-appeal')).toBe('submitted');
  });

  it('keeps another bureau’s entries from a bureau: its to-do, the overview and the entry’s thread', async () => {
    expect((await get('hoken', '/tasks?format=json')).json().entries).toEqual([]);
    const board = (await get('hoken', '/cycles/2022?format=json')).json();
    expect(board.bureau).toBe('保健福祉局');
    expect(board.groups).toEqual([]);
    expect((await get('hoken', '/api/v1/cycles/2022/entries/city-appeal')).statusCode).toBe(403);
    const own = await get('kikakuchosei', '/api/v1/cycles/2022/entries/furusato-donation');
    expect(own.statusCode).toBe(200);
    expect(own.json().transitions.at(-1)).toMatchObject({ from: 'submitted', to: 'draft', comment: '寄附件数の出典を確認してください' });
  });

  it('lets the bureau submit its policy evaluation from its to-do, which then freezes its form', async () => {
    const policy = 'III-1-(1)-②';
    const bureau = (await get('kikakuchosei', '/tasks')).body;
    expect(bureau).toContain('<h2 id="policy-title">');
    expect(bureau).toContain(`value="${policy}"`);
    const submitted = await post('kikakuchosei', '/cycles/2022/policy-evaluations/stage', { policy, bureau: '企画調整局', to: 'submitted' });
    expect(submitted.statusCode, submitted.body).toBe(303);
    const stage = (await cycleOverview(createContext(store(), CLI), 2022)).policyEvaluations.find((e) => e.policy === policy && e.bureau === '企画調整局');
    expect(stage?.stage).toBe('submitted');
    const frozen = await post('kikakuchosei', `/policies/${encodeURIComponent(policy)}/evaluation`, { _bureau: '企画調整局', _year: '2022', grade: '順調', improvement: '提出後の書き換え' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.body).toContain('<span class="stage stage-submitted">提出済');
    expect(frozen.body).toContain('提出後の書き換え');
    const admin = (await get('kikaku', '/tasks?format=json')).json();
    expect(admin.policyEvaluations.map((e: { policy: string; moves: string[] }) => [e.policy, e.moves])).toEqual([[policy, ['reviewed', 'draft']]]);
  });

  it('lets the admin approve every reviewed entry at once', async () => {
    await force('city-appeal', 'submitted', 'reviewed');
    await force('media-publicity', 'draft', 'submitted');
    await force('media-publicity', 'submitted', 'reviewed');
    const approved = await post('kikaku', '/tasks/bulk', { to: 'approved' });
    expect(approved.statusCode, approved.body).toBe(303);
    expect(new URL(String(approved.headers.location), 'http://x').searchParams.get('status')).toContain('2 件を「確定」');
    expect([await stageOf('city-appeal'), await stageOf('media-publicity')]).toEqual(['approved', 'approved']);
  });
});

describe('/cycles/:fiscalYear', () => {
  it('counts the entries by bureau and division × stage, the missing inputs and the late', async () => {
    const overview = await cycleOverview(createContext(store(), CLI), 2022);
    const board = (await get('kikaku', '/cycles/2022?format=json')).json();
    expect(board.totals.entries).toBe(overview.entries.length);
    expect(board.totals.counts.approved).toBe(2);
    expect(board.totals.counts.draft).toBe(overview.entries.filter((e) => e.stage === 'draft' && e.scope !== 'skip').length);
    expect(board.totals.missing).toBe(overview.entries.reduce((sum, e) => sum + e.missing.length, 0));
    expect(board.totals.missing).toBeGreaterThan(0);
    expect(board.late.length).toBe(overview.entries.filter((e) => e.stage === 'draft').length);
    const kikakuka = board.groups.find((g: { division: string }) => g.division === '企画課');
    expect(kikakuka.counts).toEqual({ draft: 2, approved: 2 });

    const page = await get('kikaku', '/cycles/2022');
    expect(page.statusCode).toBe(200);
    for (const text of ['作成中', '提出済', '局確認済', '確定', '期限超過', 'データ点検', '前年と同一', 'href="/cycles/2022/publish"', 'href="/versions/2022"', 'action="/cycles"', 'action="/cycles/2022/scopes"']) {
      expect(page.body).toContain(text);
    }
    const csv = await get('kikaku', '/cycles/2022?format=csv');
    expect(csv.body.split('\n')[0]).toContain('局確認済');
    expect((await get('kikakuka', '/cycles/2022')).statusCode).toBe(403);
    expect((await get('kikakuchosei', '/cycles/2022')).body).not.toContain('action="/cycles"');
  });

  it('sets scopes in bulk and opens the next cycle from its forms', async () => {
    const scoped = await post('kikaku', '/cycles/2022/scopes', { scope: 'light', division: '企画課' });
    expect(scoped.statusCode, scoped.body).toBe(303);
    const entries = (await cycleOverview(createContext(store(), CLI), 2022)).entries;
    expect(entries.filter((e) => e.scope === 'light').map((e) => e.division)).toEqual(['企画課', '企画課', '企画課', '企画課']);
    const opened = await post('kikaku', '/cycles', { fiscalYear: '2023', division: '2023-06-30', bureau: '' });
    expect(opened.statusCode, opened.body).toBe(303);
    expect(opened.headers.location).toMatch(/^\/cycles\/2023\?status=/);
    expect((await store().cycles.byYear(ORG_ID, 2023))?.deadlines).toEqual({ division: '2023-06-30' });
  });
});
