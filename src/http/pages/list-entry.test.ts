// /tasks/entry as a browser without JavaScript uses it: the table of a division's projects,
// a post with a bad value answered with the same table (typed values kept, the problem beside
// its cell and linked from the top), a save, and a stale save shown with both values.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { entryFormFields } from '../../../test/entry-form.js';
import { CLI, createContext } from '../../services/context.js';
import { projectHistory } from '../../services/history.js';
import { addUser } from '../../services/users.js';
import { cellId } from './list-entry-grid.js';

const PASSWORD = 'kitakyushu-planning-2026';
const { app, store } = useDemoApp({
  seed: async (s) => {
    const cli = createContext(s, CLI);
    await addUser(cli, { login: 'kikakuka', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
    await addUser(cli, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(cli, { login: 'kikakuchosei', role: 'bureau', bureau: '企画調整局', password: PASSWORD });
    await addUser(cli, { login: 'iinkai', role: 'viewer', password: PASSWORD });
  },
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ACTUAL = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/actual';
const PROVISIONAL = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/provisional';
const COURSE = 'projects/furusato-donation/evaluations/2021/course';

async function signIn(login: string): Promise<string> {
  const response = await app().inject({ method: 'POST', url: '/login', headers: FORM, payload: new URLSearchParams({ login, password: PASSWORD, next: '/' }).toString() });
  expect(response.statusCode, response.body).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const fieldsOf = entryFormFields;

async function post(cookie: string, fields: URLSearchParams) {
  return app().inject({ method: 'POST', url: '/tasks/entry', headers: { ...FORM, cookie }, payload: fields.toString() });
}

describe('/tasks/entry', () => {
  it('sends someone not signed in to sign in first, and refuses a viewer', async () => {
    const anonymous = await app().inject({ url: '/tasks/entry' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Ftasks%2Fentry');
    expect((await app().inject({ url: '/tasks/entry', headers: { cookie: await signIn('iinkai') } })).statusCode).toBe(403);
  });

  it('shows a division every input of its own projects, each labelled, under column headers, with its enhancing script', async () => {
    const cookie = await signIn('kikakuka');
    const home = await app().inject({ url: '/', headers: { cookie } });
    expect(home.body).toContain('<a href="/tasks/entry">一覧入力');
    const page = await app().inject({ url: '/tasks/entry', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script src="/assets/list-entry.js" defer="">');
    const fields = fieldsOf(page.body);
    expect([...fields.keys()].filter((name) => name.startsWith('version/')).sort()).toEqual(
      ['city-appeal', 'furusato-donation', 'media-publicity', 'teiju-iju'].map((key) => `version/${key}`),
    );
    expect(fields.get(ACTUAL)).toBe('362');
    expect(fields.get('fiscalYear')).toBe('2021');
    expect(page.body).toContain('<th scope="col">実績 R3年度');
    for (const match of page.body.matchAll(/<(?:input|select|textarea) [^>]*id="([^"]+)"/g)) {
      expect(page.body, match[1]).toContain(`<label for="${match[1]}" class="visually-hidden">`);
    }
    expect((await app().inject({ url: '/assets/list-entry.js' })).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('answers a bad value with the same table: the typed values kept, the problem beside its cell and linked from the top', async () => {
    const cookie = await signIn('kikakuka');
    const fields = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body);
    fields.set(ACTUAL, 'たくさん');
    fields.set(COURSE, '改善');
    const refused = await post(cookie, fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<option value="2021" selected="">R3年度 (2021)</option>');
    const kept = fieldsOf(refused.body);
    expect(kept.get(ACTUAL)).toBe('たくさん');
    expect(kept.get(COURSE)).toBe('改善');
    const id = /<input [^>]*\sid="([^"]+)"[^>]*name="projects\/teiju-iju\/indicators\/young-net-migration\/periods\/2021\/actual"/.exec(refused.body)?.[1];
    expect(id).toBeDefined();
    expect(refused.body).toMatch(new RegExp(`aria-invalid="true" aria-describedby="${id}-error"`));
    expect(refused.body).toContain(`<span class="field-error" id="${id}-error">「たくさん」は数値ではありません`);
    expect(refused.body).toContain(`<a href="#${id}">定住・移住促進事業：`);
    // Nothing was saved.
    expect(fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body).get(COURSE)).toBe('拡大');
  });

  it('places a problem the write path finds (an improvement past its length) beside its cell too', async () => {
    const cookie = await signIn('kikakuka');
    const fields = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body);
    const improvement = 'projects/teiju-iju/evaluations/2021/improvement';
    fields.set(improvement, 'あ'.repeat(10_001));
    fields.set(COURSE, '改善');
    const refused = await post(cookie, fields);
    expect(refused.statusCode).toBe(400);
    const id = new RegExp(`<textarea [^>]*\\sid="([^"]+)"[^>]*name="${improvement}"`).exec(refused.body)?.[1];
    expect(refused.body).toContain(`id="${id}-error">10,000 文字以内にしてください`);
    expect(fieldsOf(refused.body).get(COURSE)).toBe('改善');
  });

  it('names a project removed since the form was filled, keeping the rest as typed', async () => {
    const cookie = await signIn('kikakuka');
    const fields = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body);
    fields.set('version/removed-meanwhile', 'v1');
    fields.set(COURSE, '改善');
    const refused = await post(cookie, fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<code>projects/removed-meanwhile</code>: 事業「removed-meanwhile」は削除されています');
    expect(fieldsOf(refused.body).get(COURSE)).toBe('改善');
  });

  it('saves every changed project at once, and shows the new figures on the project page', async () => {
    const cookie = await signIn('kikakuka');
    const fields = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body);
    fields.set(ACTUAL, '380');
    fields.set(PROVISIONAL, 'true');
    fields.set(COURSE, '改善');
    const saved = await post(cookie, fields);
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe('/tasks/entry?fiscalYear=2021&saved=2');
    const again = await app().inject({ url: saved.headers.location!, headers: { cookie } });
    expect(again.body).toContain('2 件の事業を保存しました');
    expect(fieldsOf(again.body).get(ACTUAL)).toBe('380');
    expect(fieldsOf(again.body).get(PROVISIONAL)).toBe('true');
    // Each changed value is on record, as typed in the form, by whom.
    const history = await projectHistory(createContext(store(), CLI), 'teiju-iju');
    expect(history.filter((entry) => entry.path === ACTUAL)).toMatchObject([{ actor: 'kikakuka', channel: 'form', before: 362, after: 380 }]);
    const project = await app().inject({ url: '/projects/teiju-iju', headers: { cookie } });
    expect(project.body).toContain('380人');
    expect(project.body).toContain('380.0%');
  });

  it('answers a save against a version changed meanwhile with 409, the values typed and the values stored side by side', async () => {
    const cookie = await signIn('kikakuka');
    const first = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body);
    const second = new URLSearchParams(first);
    first.set(ACTUAL, '400');
    expect((await post(cookie, first)).statusCode).toBe(303);
    second.set(ACTUAL, '410');
    const stale = await post(cookie, second);
    expect(stale.statusCode).toBe(409);
    expect(fieldsOf(stale.body).get(ACTUAL)).toBe('410');
    expect(stale.body).toMatch(/保存済み <span lang="en">stored<\/span>: 400/);
    // Saving again after seeing both keeps what was typed.
    expect((await post(cookie, fieldsOf(stale.body))).statusCode).toBe(303);
    expect(fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie } })).body).get(ACTUAL)).toBe('410');
  });

  it('loses no update: a stale save of other cells is refused once, then saving again keeps both people’s changes', async () => {
    const [a, b] = [await signIn('kikakuchosei'), await signIn('kikakuka')];
    const BUDGET = 'projects/teiju-iju/budgets/2022/amount';
    const formA = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie: a } })).body);
    const formB = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie: b } })).body);
    formA.set(ACTUAL, '501');
    expect((await post(a, formA)).statusCode).toBe(303);
    formB.set(BUDGET, '45001');
    const stale = await post(b, formB);
    expect(stale.statusCode).toBe(409);
    const shown = fieldsOf(stale.body);
    // The cell B did not change now shows A's value; B's change is kept; nothing is shown side by side.
    expect([shown.get(ACTUAL), shown.get(BUDGET)]).toEqual(['501', '45001']);
    expect(stale.body).not.toContain('class="entry-stored"');
    expect((await post(b, shown)).statusCode).toBe(303);
    const after = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie: b } })).body);
    expect([after.get(ACTUAL), after.get(BUDGET)]).toEqual(['501', '45001']);
  });

  it('shows side by side only the cell both people changed, and saving again keeps the other cell as stored', async () => {
    const [a, b] = [await signIn('kikakuchosei'), await signIn('kikakuka')];
    const BUDGET = 'projects/teiju-iju/budgets/2022/amount';
    const IMPROVEMENT = 'projects/teiju-iju/evaluations/2021/improvement';
    const formA = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie: a } })).body);
    const formB = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie: b } })).body);
    formA.set(ACTUAL, '602');
    formA.set(IMPROVEMENT, 'A の改善内容');
    expect((await post(a, formA)).statusCode).toBe(303);
    formB.set(ACTUAL, '603');
    formB.set(BUDGET, '46002');
    const stale = await post(b, formB);
    expect(stale.statusCode).toBe(409);
    const stored = [...stale.body.matchAll(/<span class="entry-stored" id="([^"]*)-stored">/g)].map((match) => match[1]);
    expect(stored).toEqual([cellId(ACTUAL)]);
    expect(stale.body).toMatch(/保存済み <span lang="en">stored<\/span>: 602/);
    const shown = fieldsOf(stale.body);
    expect([shown.get(ACTUAL), shown.get(BUDGET), shown.get(IMPROVEMENT)]).toEqual(['603', '46002', 'A の改善内容']);
    expect((await post(b, shown)).statusCode).toBe(303);
    const after = fieldsOf((await app().inject({ url: '/tasks/entry', headers: { cookie: b } })).body);
    expect([after.get(ACTUAL), after.get(BUDGET), after.get(IMPROVEMENT)]).toEqual(['603', '46002', 'A の改善内容']);
  });

  it('shows a bureau all its projects, or one division’s', async () => {
    const cookie = await signIn('kikakuchosei');
    const versions = async (url: string) => [...fieldsOf((await app().inject({ url, headers: { cookie } })).body).keys()].filter((name) => name.startsWith('version/'));
    expect(await versions('/tasks/entry')).toHaveLength(21);
    expect((await versions(`/tasks/entry?division=${encodeURIComponent('企画課')}`)).sort()).toEqual(
      ['city-appeal', 'furusato-donation', 'media-publicity', 'teiju-iju'].map((key) => `version/${key}`),
    );
  });

  it('asks an admin for a bureau or division, then shows theirs', async () => {
    const cookie = await signIn('kikaku');
    const choose = await app().inject({ url: '/tasks/entry', headers: { cookie } });
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('局または課を選んでください');
    expect(choose.body).not.toContain('name="fiscalYear"');
    const division = await app().inject({ url: `/tasks/entry?division=${encodeURIComponent('東京事務所')}`, headers: { cookie } });
    expect([...fieldsOf(division.body).keys()].filter((name) => name.startsWith('version/')).sort()).toEqual(['version/side-job-matching', 'version/tokyo-supporters-network']);
  });
});
