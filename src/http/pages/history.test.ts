// The history on pages: the project page's section and /history, for signed-in users only.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI } from '../../services/context.js';
import { projectForEdit, saveProjects } from '../../services/editing.js';
import { testContext } from '../../services/test-context.js';
import { addUser, createToken } from '../../services/users.js';
import { textOf } from './test-html.js';

const ORG = '401005';

describe('history pages', () => {
  const demo = useDemoApp();
  let viewer: Record<string, string>;

  it('records a save and signs a viewer up', async () => {
    const ctx = testContext(demo.store(), CLI, ORG);
    const { project, version } = await projectForEdit(ctx, 'teiju-iju');
    await saveProjects(ctx, [{ key: 'teiju-iju', project: { ...project, summary: '<b>書き換えた</b>概要' }, ifMatch: version }], { channel: 'form', comment: '課長確認' });
    await addUser(ctx, { login: 'iin', role: 'viewer' });
    viewer = { authorization: `Bearer ${(await createToken(ctx, 'iin')).token}` };
  });

  it('shows a project’s history to a signed-in user, escaped, and not to an anonymous reader', async () => {
    const signedIn = await demo.app().inject({ url: '/projects/teiju-iju', headers: viewer });
    expect(signedIn.statusCode).toBe(200);
    const text = textOf(signedIn.body);
    expect(text).toContain('変更履歴 History');
    expect(text).toContain('projects/teiju-iju/summary');
    expect(text).toContain('課長確認');
    expect(signedIn.body).toContain('&lt;b&gt;書き換えた&lt;/b&gt;概要');
    const anonymous = await demo.app().inject({ url: '/projects/teiju-iju' });
    expect(anonymous.statusCode).toBe(200);
    expect(textOf(anonymous.body)).not.toContain('変更履歴');
    expect(anonymous.body).not.toContain('projects/teiju-iju/summary');
  });

  it('lists the organization’s changes at /history, newest first, with links to projects; sends the anonymous to sign in', async () => {
    const page = await demo.app().inject({ url: '/history', headers: viewer });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/projects/teiju-iju"');
    const text = textOf(page.body);
    expect(text.indexOf('projects/teiju-iju/summary')).toBeLessThan(text.indexOf('団体の登録'));
    expect(text).toContain('画面 form');
    const anonymous = await demo.app().inject({ url: '/history' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fhistory');
    const older = await demo.app().inject({ url: '/history?before=2', headers: viewer });
    expect(textOf(older.body)).not.toContain('projects/teiju-iju/summary');
    expect(textOf(older.body)).toContain('団体の登録');
    expect(textOf(older.body)).toContain('北九州市（401005）を登録：施策 22・事業 21・掲載行 34・成果指標 40');
    // The demo's publication: each entry recorded as approved, then version 1.
    expect(text).toContain('作成中 draft');
    expect(text).toContain('確定 approved');
    expect(text).toContain('cycles/2021/publications/1');
    expect((await demo.app().inject({ url: '/history?before=x', headers: viewer })).statusCode).toBe(400);
  });
});
