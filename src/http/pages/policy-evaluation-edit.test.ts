// A bureau's policy evaluation form as a browser without JavaScript uses it: linked from the
// policy page, posted with the CSRF field, a problem shown with the text kept, then saved.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { addUser } from '../../services/users.js';
import { formFields, formPost } from './test-form.js';
import { textOf } from './test-html.js';

const ORG = '401005';
const PASSWORD = 'policy-form-test-password';
const POLICY = '/policies/I-2-%281%29-%E2%91%A1';
const FORM = `${POLICY}/evaluation`;

const { app } = useDemoApp({
  seed: async (store) => {
    const ctx = createContext(store, CLI, ORG);
    await addUser(ctx, { login: 'kyoku', role: 'bureau', bureau: '企画調整局', password: PASSWORD });
    await addUser(ctx, { login: 'kikaku', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
  },
});

async function signIn(login: string): Promise<string> {
  const response = await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login, password: PASSWORD } });
  expect(response.statusCode, response.body).toBe(204);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

describe('the policy evaluation form', () => {
  it('is linked from the policy page for the bureau, and saves its grade and text', async () => {
    const cookie = await signIn('kyoku');
    const policy = await app().inject({ url: POLICY, headers: { cookie } });
    const link = /href="([^"]*\/evaluation\?[^"]*)"/.exec(policy.body)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBe(`${FORM}?bureau=${encodeURIComponent('企画調整局')}&fiscalYear=2021`);
    const page = await app().inject({ url: link!, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const fields = formFields(page.body, FORM);
    expect(fields.grade).toBe('順調');

    const refused = await app().inject({ method: 'POST', url: FORM, ...formPost({ ...fields, grade: 'S', improvement: '書きかけの文' }, { cookie }) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="f-grade-problems"[^>]*><span class="form-error" role="alert">評価「S」は設定にありません/u);
    expect(formFields(refused.body, FORM).improvement).toBe('書きかけの文');

    const saved = await app().inject({ method: 'POST', url: FORM, ...formPost({ ...fields, grade: 'やや遅れ', improvement: '局として重点を見直す' }, { cookie }) });
    expect(saved.statusCode).toBe(303);
    const after = textOf((await app().inject({ url: saved.headers.location!, headers: { cookie } })).body);
    expect(after).toContain('企画調整局: やや遅れ');
    expect(after).toContain('局として重点を見直す');
  }, 30_000);

  it('is not offered to a division, nor to anyone anonymous', async () => {
    const cookie = await signIn('kikaku');
    expect((await app().inject({ url: POLICY, headers: { cookie } })).body).not.toContain('/evaluation?');
    expect((await app().inject({ url: `${FORM}?bureau=${encodeURIComponent('企画調整局')}`, headers: { cookie } })).statusCode).toBe(403);
    expect((await app().inject({ url: POLICY })).body).not.toContain('/evaluation?');
  }, 30_000);
});
