// /admin/settings as an admin's browser without JavaScript uses it: the form read from the page,
// a preview of the effect (nothing written), then the save; problems beside their inputs with
// the text kept; refused to anyone but an admin and without the CSRF field.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { exportDocument } from '../../services/export.js';
import { organizationHistory } from '../../services/history.js';
import { addUser } from '../../services/users.js';
import { formFields, formPost } from './test-form.js';
import { textOf } from './test-html.js';

const ORG = '401005';
const PASSWORD = 'settings-form-test-password';
const PATH = '/admin/settings';

const { app, store } = useDemoApp({
  seed: async (s) => {
    const ctx = createContext(s, CLI, ORG);
    await addUser(ctx, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(ctx, { login: 'kyoku', role: 'bureau', bureau: '企画調整局', password: PASSWORD });
  },
});

async function signIn(login: string): Promise<string> {
  const response = await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login, password: PASSWORD } });
  expect(response.statusCode, response.body).toBe(204);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const post = (cookie: string, fields: Record<string, string>) => app().inject({ method: 'POST', url: PATH, ...formPost(fields, { cookie }) });
const storedSettings = async () => (await exportDocument(createContext(store(), CLI, ORG))).settings;

describe('the settings form', () => {
  it('previews the effect of a narrower budget band without writing, then saves it', async () => {
    const cookie = await signIn('kikaku');
    const page = await app().inject({ url: PATH, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const fields = formFields(page.body, PATH);
    expect(fields.budgetFlatBand).toBe('');
    expect(page.body).not.toContain('value="save"');

    const preview = await post(cookie, { ...fields, budgetFlatBand: '2', _action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(textOf(preview.body)).toMatch(/増減の表示が変わる予算: [1-9]\d*件/u);
    expect(textOf(preview.body)).toContain('提案評価が変わる評価: 0件');
    expect(await storedSettings()).toBeUndefined();

    const again = formFields(preview.body, PATH);
    expect(again.budgetFlatBand).toBe('2');
    const saved = await post(cookie, { ...again, _action: 'save' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect(saved.headers.location).toBe(`${PATH}?saved=1`);
    expect(await storedSettings()).toEqual({ budgetFlatBand: 2 });
    const log = await organizationHistory(createContext(store(), CLI, ORG));
    expect(log.filter((entry) => entry.path.startsWith('settings')).map(({ actor, channel, path, after }) => ({ actor, channel, path, after }))).toEqual([
      { actor: 'kikaku', channel: 'form', path: 'settings', after: { budgetFlatBand: 2 } },
    ]);
    const after = await app().inject({ url: saved.headers.location!, headers: { cookie } });
    expect(formFields(after.body, PATH).budgetFlatBand).toBe('2');
    expect(textOf(after.body)).toContain('設定を保存しました');
  }, 30_000);

  it('shows a problem beside its input and keeps what was typed', async () => {
    const cookie = await signIn('kikaku');
    const fields = formFields((await app().inject({ url: PATH, headers: { cookie } })).body, PATH);
    const response = await post(cookie, { ...fields, rateDecimals: '9', courses: '継続\n拡大', _action: 'preview' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/id="f-rateDecimals-problems"[^>]*><span class="form-error" role="alert">達成率の小数桁数は 0〜4 です/u);
    const again = formFields(response.body, PATH);
    expect(again.rateDecimals).toBe('9');
    expect(again.courses).toBe('継続\n拡大');
  }, 30_000);

  it('refuses a scale that drops a grade in use, listing where it is used, and writes nothing', async () => {
    const cookie = await signIn('kikaku');
    const before = await storedSettings();
    const fields = formFields((await app().inject({ url: PATH, headers: { cookie } })).body, PATH);
    const response = await post(cookie, { ...fields, grades: 'S\nA\nB\nC', gradeBands: '', _action: 'save' });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('保存できませんでした');
    expect(response.body).toContain('evaluations');
    expect(await storedSettings()).toEqual(before);
  }, 30_000);

  it('is an admin’s alone, and takes a post only with the CSRF field', async () => {
    const bureau = await signIn('kyoku');
    expect((await app().inject({ url: PATH, headers: { cookie: bureau } })).statusCode).toBe(403);
    const cookie = await signIn('kikaku');
    const fields = formFields((await app().inject({ url: PATH, headers: { cookie } })).body, PATH);
    const { _csrf: _dropped, ...rest } = fields;
    expect((await post(cookie, { ...rest, rateDecimals: '2', _action: 'save' })).statusCode).toBe(403);
    expect((await storedSettings())?.rateDecimals).toBeUndefined();
  }, 30_000);
});
