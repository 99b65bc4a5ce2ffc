// /tasks/entry in the open cycle (workflow.md, "Carried over"), as a browser without JavaScript:
// the list opens on the cycle's year, a carried course flagged until confirmed, the suggested
// grade preselected, 前年と同一 until confirmed 変更なし with a reason, and for a reviewer the
// improvement's difference from last year's.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { entryFormFields } from '../../../test/entry-form.js';
import { CLI, createContext } from '../../services/context.js';
import { cycleOverview, openCycle } from '../../services/cycles.js';
import { addUser } from '../../services/users.js';

const PASSWORD = 'kitakyushu-planning-2026';
const { app, store } = useDemoApp({
  seed: async (s) => {
    const cli = createContext(s, CLI);
    await addUser(cli, { login: 'kikakuka', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
    await addUser(cli, { login: 'kikakuchosei', role: 'bureau', bureau: '企画調整局', password: PASSWORD });
    await openCycle(cli, 2022);
  },
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const TEIJU = 'projects/teiju-iju/evaluations/2022';
const MEDIA = 'projects/media-publicity/evaluations/2022';
const LAST_MEDIA = '市制60周年を迎えるにあたり、大型番組等の誘致や60周年関連イベント等の情報発信に重点的に取り組む。';

async function signIn(login: string): Promise<string> {
  const response = await app().inject({ method: 'POST', url: '/login', headers: FORM, payload: new URLSearchParams({ login, password: PASSWORD, next: '/' }).toString() });
  expect(response.statusCode, response.body).toBe(303);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const fieldsOf = entryFormFields;

const page = async (cookie: string) => (await app().inject({ url: '/tasks/entry', headers: { cookie } })).body;
const post = (cookie: string, fields: URLSearchParams) => app().inject({ method: 'POST', url: '/tasks/entry', headers: { ...FORM, cookie }, payload: fields.toString() });
const entryOf = async (key: string) => (await cycleOverview(createContext(store(), CLI), 2022)).entries.find((entry) => entry.key === key)!;

describe('/tasks/entry in the open cycle', () => {
  it('opens on the cycle’s year, flags each carried course, and confirms one when its box is ticked', async () => {
    const cookie = await signIn('kikakuka');
    const html = await page(cookie);
    const fields = fieldsOf(html);
    expect(fields.get('fiscalYear')).toBe('2022');
    expect(fields.get(`${TEIJU}/course`)).toBe('継続');
    expect(html).toContain('前年から引継ぎ・未確認');
    expect(html).toContain(`name="confirm/${TEIJU}/course"`);
    fields.set(`confirm/${TEIJU}/course`, 'true');
    const saved = await post(cookie, fields);
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toContain('confirmed=1');
    expect((await app().inject({ url: saved.headers.location!, headers: { cookie } })).body).toContain('1 件を確認済みにしました');
    expect((await entryOf('teiju-iju')).carried).toEqual([]);
    expect(await page(cookie)).not.toContain(`name="confirm/${TEIJU}/course"`);
  });

  it('preselects the suggested grade once the actuals give one, saving it with the form', async () => {
    const cookie = await signIn('kikakuka');
    const fields = fieldsOf(await page(cookie));
    for (const indicator of ['attachment', 'fondness', 'pride', 'can-tell-charms']) fields.set(`projects/city-appeal/indicators/${indicator}/periods/2022/actual`, '99');
    expect((await post(cookie, fields)).statusCode).toBe(303);
    const html = await page(cookie);
    const grades = [...html.matchAll(/<select ([^>]*name="projects\/city-appeal\/placements\/[^"]*\/grade"[^>]*)>([\s\S]*?)<\/select>/g)];
    expect(grades.length).toBeGreaterThan(0);
    for (const [, attributes, options] of grades) {
      const suggested = /data-suggested="([^"]*)"/.exec(attributes!)![1]!;
      expect(suggested).not.toBe('');
      expect(/<option value="([^"]*)" selected/.exec(options!)?.[1]).toBe(suggested);
    }
    expect(await post(cookie, fieldsOf(html))).toMatchObject({ statusCode: 303 });
    expect((await entryOf('city-appeal')).missing.filter((path) => path.endsWith('/grade'))).toEqual([]);
  });

  it('marks a text the same as last year’s until confirmed 変更なし, which needs a reason, and shows a reviewer the difference', async () => {
    const cookie = await signIn('kikakuka');
    let fields = fieldsOf(await page(cookie));
    fields.set(`${MEDIA}/improvement`, LAST_MEDIA);
    expect((await post(cookie, fields)).statusCode).toBe(303);
    const html = await page(cookie);
    expect(html).toContain('前年と同一');
    fields = fieldsOf(html);
    fields.set(`confirm/${MEDIA}/improvement`, 'true');
    const refused = await post(cookie, fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('変更なしの理由を入力してください');
    // What was ticked survives the refusal.
    expect(fieldsOf(refused.body).get(`confirm/${MEDIA}/improvement`)).toBe('true');
    fields.set(`reason/${MEDIA}/improvement`, '60周年事業が続くため');
    expect((await post(cookie, fields)).statusCode).toBe(303);
    expect(await page(cookie)).toContain('確認済み <span lang="en">Confirmed</span>（60周年事業が続くため）');
    expect((await entryOf('media-publicity')).sameAsLastYear).toEqual([]);

    fields = fieldsOf(await page(cookie));
    fields.set(`${MEDIA}/improvement`, LAST_MEDIA.replace('重点的に', 'オンラインでも'));
    expect((await post(cookie, fields)).statusCode).toBe(303);
    expect(await page(cookie)).not.toContain('class="text-diff"');
    const reviewer = await page(await signIn('kikakuchosei'));
    const diff = /<p class="text-diff"[^>]*>([\s\S]*?)<\/p>/.exec(reviewer)![1]!;
    expect(diff).toContain('<del><span class="visually-hidden">［削除 deleted：</span>重点的に');
    expect(diff).toContain('<ins><span class="visually-hidden">［追加 inserted：</span>オンラインでも');
  });

  it('binds the project form to the cycle’s year too: the carried course flagged, confirmed with its box, a reviewer’s diff', async () => {
    const cookie = await signIn('kikakuka');
    const form = async (who: string) => (await app().inject({ url: '/projects/furusato-donation/edit', headers: { cookie: who } })).body;
    const html = await form(cookie);
    const fields = entryFormFields(html, 'edit-form');
    expect(fields.get('_year')).toBe('2022');
    expect(html).toContain('前年から引継ぎ・未確認');
    fields.set('confirm/projects/furusato-donation/evaluations/2022/course', 'true');
    fields.set('evaluations/2022/improvement', 'ふるさと寄附金については、引き続き魅力ある返礼品を開発する。');
    const saved = await app().inject({ method: 'POST', url: '/projects/furusato-donation/edit', headers: { ...FORM, cookie }, payload: fields.toString() });
    expect(saved.statusCode, saved.body).toBe(303);
    expect(await entryOf('furusato-donation')).toMatchObject({ carried: [], confirmed: [{ path: 'projects/furusato-donation/evaluations/2022/course', by: 'kikakuka' }] });
    expect(await form(cookie)).not.toContain('class="text-diff"');
    const reviewed = await form(await signIn('kikakuchosei'));
    expect(reviewed).toContain('class="text-diff"');
    expect(reviewed).toContain('<del><span class="visually-hidden">［削除 deleted：</span>');
  });
});
