// /projects/:key/edit as a browser without JavaScript uses it: the form read from the page,
// changed and posted back with the session's CSRF field; problems beside their inputs with
// everything typed kept; a stale save answered with both values; another division refused.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { addUser } from '../../services/users.js';
import { projectHistory } from '../../services/history.js';
import { formFields, formPost } from './test-form.js';
import { textOf } from './test-html.js';

const ORG = '401005';
const PASSWORD = 'project-form-test-password';
// teiju-iju is 企画課's; its one indicator's 2021 actual is 362 against a target of 100.
const EDIT = '/projects/teiju-iju/edit';
const ACTUAL = 'indicators/young-net-migration/periods/2021/actual';

const { app, store } = useDemoApp({
  seed: async (store) => {
    const ctx = createContext(store, CLI, ORG);
    await addUser(ctx, { login: 'kikaku', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
    await addUser(ctx, { login: 'kokusai', role: 'division', bureau: '企画調整局', division: '国際政策課', password: PASSWORD });
    await addUser(ctx, { login: 'kikakuchosei', role: 'bureau', bureau: '企画調整局', password: PASSWORD });
  },
});

async function signIn(login: string): Promise<{ cookie: string; csrf: string }> {
  const response = await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login, password: PASSWORD } });
  expect(response.statusCode, response.body).toBe(204);
  return { cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: String(response.headers['x-csrf-token']) };
}

async function openForm(cookie: string, url = EDIT) {
  const page = await app().inject({ url, headers: { cookie } });
  expect(page.statusCode, page.body.slice(0, 500)).toBe(200);
  return { page, fields: formFields(page.body, EDIT) };
}

const post = (cookie: string, fields: Record<string, string>) => app().inject({ method: 'POST', url: EDIT, ...formPost(fields, { cookie }) });

describe('the project form', () => {
  it('sends someone not signed in to sign in first', async () => {
    const response = await app().inject({ url: EDIT });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(EDIT)}`);
  });

  it('shows a division its project’s inputs with the suggested grade, and links to the form from the project page', async () => {
    const { cookie } = await signIn('kikaku');
    const { page, fields } = await openForm(cookie);
    expect(fields[ACTUAL]).toBe('362');
    expect(fields['evaluations/2021/grade']).toBe('大変順調');
    expect(fields._csrf).toBeTruthy();
    expect(fields._version).toBeTruthy();
    expect(textOf(page.body)).toContain('提案 Suggested: 大変順調');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const project = await app().inject({ url: '/projects/teiju-iju', headers: { cookie } });
    expect(project.body).toContain(`href="${EDIT}?fiscalYear=2021"`);
    expect((await app().inject({ url: '/projects/teiju-iju' })).body).not.toContain(EDIT);
  }, 30_000);

  it('refuses another division’s project, to read as a form and to post (403)', async () => {
    const { cookie, csrf } = await signIn('kokusai');
    expect((await app().inject({ url: EDIT, headers: { cookie } })).statusCode).toBe(403);
    expect((await post(cookie, { _csrf: csrf, _version: 'x', _year: '2021', summary: '他課の変更' })).statusCode).toBe(403);
    expect((await app().inject({ url: '/projects/teiju-iju', headers: { cookie } })).body).not.toContain(EDIT);
  }, 30_000);

  it('refuses a post without the CSRF field', async () => {
    const { cookie } = await signIn('kikaku');
    const { fields } = await openForm(cookie);
    const { _csrf: _dropped, ...rest } = fields;
    const response = await post(cookie, { ...rest, summary: 'CSRF なし' });
    expect(response.statusCode).toBe(403);
  }, 30_000);

  it('shows a problem beside its input and keeps everything typed', async () => {
    const { cookie } = await signIn('kikaku');
    const { fields } = await openForm(cookie);
    const response = await post(cookie, { ...fields, [ACTUAL]: '多い', summary: '入力した概要', 'budgets/2023/amount': '12,345' });
    expect(response.statusCode).toBe(400);
    const again = formFields(response.body, EDIT);
    expect(again[ACTUAL]).toBe('多い');
    expect(again.summary).toBe('入力した概要');
    expect(again['budgets/2023/amount']).toBe('12,345');
    const problem = new RegExp(`id="f-${ACTUAL}-problems"[^>]*><span class="form-error" role="alert">「多い」は数値ではありません`);
    expect(response.body).toMatch(problem);
  }, 30_000);

  it('saves a division’s typed values through the one write path: the project page shows the new figures and rate', async () => {
    const { cookie } = await signIn('kikaku');
    const { fields } = await openForm(cookie);
    const saved = await post(cookie, {
      ...fields,
      [ACTUAL]: '250',
      [`${ACTUAL.replace('/actual', '/provisional')}`]: 'true',
      'indicators/young-net-migration/periods/2022/target/kind': 'number',
      'indicators/young-net-migration/periods/2022/target': '150',
      'budgets/2023/amount': '45,000',
      'evaluations/2021/improvement': 'フォームで書いた改善内容',
    });
    expect(saved.statusCode, textOf(saved.body).slice(0, 600)).toBe(303);
    expect(saved.headers.location).toBe('/projects/teiju-iju?fiscalYear=2021');
    const page = textOf((await app().inject({ url: saved.headers.location!, headers: { cookie } })).body);
    expect(page).toContain('250人');
    expect(page).toContain('250.0');
    expect(page).toContain('フォームで書いた改善内容');
    const api = (await app().inject({ url: '/api/v1/projects/teiju-iju', headers: { cookie } })).json().project;
    expect(api.indicators[0].periods[0]).toMatchObject({ fiscalYear: 2021, actual: 250, provisional: true });
    expect(api.indicators[0].periods[1]).toMatchObject({ fiscalYear: 2022, target: 150 });
    expect(api.budgets.find((b: { fiscalYear: number }) => b.fiscalYear === 2023).amount).toBe(45000);
    const history = await projectHistory(createContext(store(), CLI, ORG), 'teiju-iju');
    expect(history).toContainEqual(expect.objectContaining({ actor: 'kikaku', channel: 'form', path: `projects/teiju-iju/${ACTUAL}`, before: 362, after: 250 }));
  }, 30_000);

  it('answers a stale save 409 with yours and the stored value side by side, the first save intact', async () => {
    const { cookie } = await signIn('kikaku');
    const first = (await openForm(cookie)).fields;
    const second = (await openForm(cookie)).fields;
    expect((await post(cookie, { ...first, summary: '最初の保存' })).statusCode).toBe(303);
    const stale = await post(cookie, { ...second, summary: '二番目の保存' });
    expect(stale.statusCode).toBe(409);
    const conflict = /<div class="form-problems conflicts"[\s\S]*?<\/table>/.exec(stale.body)?.[0] ?? '';
    expect(textOf(conflict)).toContain('summary 二番目の保存 最初の保存');
    const again = formFields(stale.body, EDIT);
    expect(again.summary).toBe('二番目の保存');
    expect(again._version).not.toBe(second._version);
    const api = (await app().inject({ url: '/api/v1/projects/teiju-iju', headers: { cookie } })).json().project;
    expect(api.summary).toBe('最初の保存');
    // Saved again from the refreshed form, it goes through.
    expect((await post(cookie, again)).statusCode).toBe(303);
  }, 30_000);
  it('loses no update: a stale save of another field is refused once, then saving again keeps both people’s changes', async () => {
    const [a, b] = [(await signIn('kikakuchosei')).cookie, (await signIn('kikaku')).cookie];
    const formA = (await openForm(a)).fields;
    const formB = (await openForm(b)).fields;
    expect((await post(a, { ...formA, summary: 'A の概要' })).statusCode).toBe(303);
    const stale = await post(b, { ...formB, [ACTUAL]: '271' });
    expect(stale.statusCode).toBe(409);
    const again = formFields(stale.body, EDIT);
    // The field B did not change shows A's value; B's change is kept; nothing is shown side by side.
    expect([again.summary, again[ACTUAL]]).toEqual(['A の概要', '271']);
    expect(stale.body).not.toContain('<td class="stored">');
    expect((await post(b, again)).statusCode).toBe(303);
    const api = (await app().inject({ url: '/api/v1/projects/teiju-iju', headers: { cookie: b } })).json().project;
    expect([api.summary, api.indicators[0].periods[0].actual]).toEqual(['A の概要', 271]);
  }, 30_000);

  it('shows side by side only the field both people changed, and saving again keeps the other field as stored', async () => {
    const [a, b] = [(await signIn('kikakuchosei')).cookie, (await signIn('kikaku')).cookie];
    const formA = (await openForm(a)).fields;
    const formB = (await openForm(b)).fields;
    expect((await post(a, { ...formA, summary: 'A が先に', [ACTUAL]: '282' })).statusCode).toBe(303);
    const stale = await post(b, { ...formB, summary: 'B が後から' });
    expect(stale.statusCode).toBe(409);
    const rows = [...stale.body.matchAll(/<td class="stored">/g)];
    expect(rows).toHaveLength(1);
    const conflict = /<div class="form-problems conflicts"[\s\S]*?<\/table>/.exec(stale.body)?.[0] ?? '';
    expect(textOf(conflict)).toContain('summary B が後から A が先に');
    const again = formFields(stale.body, EDIT);
    expect([again.summary, again[ACTUAL]]).toEqual(['B が後から', '282']);
    expect((await post(b, again)).statusCode).toBe(303);
    const api = (await app().inject({ url: '/api/v1/projects/teiju-iju', headers: { cookie: b } })).json().project;
    expect([api.summary, api.indicators[0].periods[0].actual]).toEqual(['B が後から', 282]);
  }, 30_000);
});
