// The version pages as a browser without JavaScript uses them, over the demo (published as cycle
// 2021, version 1): the office publishes a correction from /cycles/2021/publish (form read from
// the page, CSRF field included) and /versions/2021 then lists the value it changed, before and
// after, to anyone; a cycle with entries not approved lists them instead of the form.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { openCycle } from '../../services/cycles.js';
import { projectForEdit, saveProjects } from '../../services/editing.js';
import { addUser } from '../../services/users.js';
import { formFields, formPost } from './test-form.js';
import { tableByCaption, textOf } from './test-html.js';

const ORG = '401005';
const PASSWORD = 'versions-page-test-password';
const ACTUAL = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/actual';
const NOTE = 'R8.12.3 修正：<転入>実績値を確定値に更新';

const { app, store } = useDemoApp({
  seed: async (s) => {
    const ctx = createContext(s, CLI, ORG);
    await addUser(ctx, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(ctx, { login: 'iin', role: 'viewer', password: PASSWORD });
  },
});

async function signIn(login: string): Promise<string> {
  const response = await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login, password: PASSWORD } });
  expect(response.statusCode, response.body).toBe(204);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

describe('the version pages', () => {
  it('shows the first version to anyone, with its download; a year without one is a 404 page', async () => {
    const page = await app().inject({ url: '/versions/2021' });
    expect(page.statusCode).toBe(200);
    const rows = tableByCaption(page.body, '公表版');
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('第1版');
    expect(rows[1]![4]).toMatch(/^[0-9a-f]{64}$/);
    expect(page.body).toContain('href="/api/v1/publications/2021/1"');
    expect(textOf(page.body)).not.toContain('変わった値');
    const missing = await app().inject({ url: '/versions/2030' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
    expect((await app().inject({ url: '/versions/R3' })).statusCode).toBe(404);
  });

  it('publishes a correction from the form, and lists the changed value before and after', async () => {
    const ctx = createContext(store(), CLI, ORG);
    const { project, version } = await projectForEdit(ctx, 'teiju-iju');
    const corrected = structuredClone(project);
    corrected.indicators![0]!.periods![0]!.actual = 365;
    await saveProjects(ctx, [{ key: 'teiju-iju', project: corrected, ifMatch: version }], { channel: 'form' });

    expect((await app().inject({ url: '/cycles/2021/publish' })).headers.location).toBe('/login?next=%2Fcycles%2F2021%2Fpublish');
    expect((await app().inject({ url: '/cycles/2021/publish', headers: { cookie: await signIn('iin') } })).statusCode).toBe(403);

    const cookie = await signIn('kikaku');
    const form = await app().inject({ url: '/cycles/2021/publish', headers: { cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<textarea[^>]*name="note"[^>]*required=""/);
    const fields = formFields(form.body, '/cycles/2021/publish');
    expect(fields._csrf).toMatch(/./);
    const post = (values: Record<string, string>) => app().inject({ method: 'POST', url: '/cycles/2021/publish', ...formPost(values, { cookie }) });
    expect((await post({ note: NOTE })).statusCode).toBe(403);
    const empty = await post({ ...fields, note: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/<textarea[^>]*name="note"/);
    const published = await post({ ...fields, note: NOTE });
    expect(published.statusCode, textOf(published.body).slice(0, 300)).toBe(303);
    expect(published.headers.location).toBe('/versions/2021?published=2');
    expect(textOf((await app().inject({ url: published.headers.location!, headers: { cookie } })).body)).toContain('第2版を公表しました。 Version 2 is published.');

    const page = await app().inject({ url: '/versions/2021' });
    expect(page.statusCode).toBe(200);
    expect(tableByCaption(page.body, '公表版').map((row) => row[0])).toEqual(['版 Version', '第2版', '第1版']);
    expect(tableByCaption(page.body, '第2版の変更')).toEqual([
      ['項目 Path', '変更前 Before', '変更後 After'],
      [ACTUAL, '362', '365'],
    ]);
    expect(page.body).toContain('R8.12.3 修正：&lt;転入&gt;実績値を確定値に更新');
    expect(page.body).not.toContain('<転入>');

    const json = (await app().inject({ url: '/versions/2021?format=json' })).json();
    expect(json.changes).toEqual([{ version: 2, against: 1, total: 1, offset: 0, changes: [{ path: ACTUAL, before: 362, after: 365 }] }]);
    expect(json.versions.map((row: { version: number; download: string }) => [row.version, row.download])).toEqual([
      [2, '/api/v1/publications/2021/2'],
      [1, '/api/v1/publications/2021/1'],
    ]);
    const csv = await app().inject({ url: '/versions/2021?format=csv' });
    expect(csv.headers['content-disposition']).toContain('versions-2021.csv');
    expect(csv.body).toContain(`,1,${ACTUAL},362,365`);
    expect((await app().inject({ url: '/versions/2021?version=2&page=9' })).statusCode).toBe(200);
    expect((await app().inject({ url: '/versions/2021?version=1' })).statusCode).toBe(404);
    expect((await app().inject({ url: '/versions/2021?version=x' })).statusCode).toBe(400);
  });

  it('lists the entries not approved instead of the form, and a post then is refused with them', async () => {
    await openCycle(createContext(store(), CLI, ORG), 2022);
    const cookie = await signIn('kikaku');
    const page = await app().inject({ url: '/cycles/2022/publish', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<textarea');
    const pending = tableByCaption(page.body, '確定していない事業');
    expect(pending).toHaveLength(22);
    expect(pending).toContainEqual(['teiju-iju', '作成中 Draft']);
    const csrf = formFields((await app().inject({ url: '/cycles/2021/publish', headers: { cookie } })).body, '/cycles/2021/publish')._csrf!;
    const refused = await app().inject({ method: 'POST', url: '/cycles/2022/publish', ...formPost({ _csrf: csrf, note: '公表' }, { cookie }) });
    expect(refused.statusCode).toBe(409);
    expect(tableByCaption(refused.body, '確定していない事業')).toHaveLength(22);
    expect((await app().inject({ url: '/versions/2022' })).statusCode).toBe(404);
    expect((await app().inject({ url: '/cycles/2099/publish', headers: { cookie } })).statusCode).toBe(404);
  });
});
