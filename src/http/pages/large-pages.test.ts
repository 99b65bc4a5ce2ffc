// The pages that listed a whole organization at once (issue 8: at 20,000 projects /policies
// took 5.6 s, /changes 4 s and 59 MB) answer a page of 100 at a generated organization of
// 2,000 projects: the page's items counted, its size bounded, the pager's links labelled, the
// JSON and CSV holding what the page lists, and the pages together the whole list.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generateDocument } from '../../interchange/generate.js';
import { testContext } from '../../services/test-context.js';
import { importValue } from '../../services/documents.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { importPublished } from '../../../test/publish.js';
import { textOf } from './test-html.js';

const document = generateDocument({ projects: 2000, seed: 5 });
// It evaluates 2021; published as the cycles of 2021 and 2022, so that /changes compares the two.
const { app } = useDemoApp({ demo: false, seed: (store) => importPublished(store, structuredClone(document), { years: [2021, 2022] }) });

const get = async (url: string) => {
  const response = await app().inject(url);
  expect(response.statusCode, url).toBe(200);
  return response;
};
const csvLines = async (url: string) => (parse((await get(url)).body, { bom: true }) as string[][]).slice(1);

describe('/changes of 2,000 projects', () => {
  interface ChangesJson {
    projects: { key: string }[];
    counts: { projectsChanged: number };
    page: { number: number; pages: number; total: number };
  }

  it('lists 100 projects a page with the counts of the whole comparison, and the pages together list every project once', async () => {
    const first: ChangesJson = (await get('/changes?format=json')).json();
    expect(first.projects).toHaveLength(100);
    expect(first.page.total).toBeGreaterThan(1000);
    const html = (await get('/changes')).body;
    expect(html.length).toBeLessThan(1_500_000);
    expect(html.match(/<table class="changes-table"/g)).toHaveLength(100);
    expect(textOf(html)).toContain(`${first.page.total.toLocaleString('en-US')}事業中 1〜100事業目`);
    expect(html).toContain('aria-label="事業ごとの変更のページ / Pages of 事業ごとの変更"');
    expect(html).toContain('<a href="/changes?page=2" rel="next">');
    const keys = new Set<string>();
    for (let page = 1; page <= first.page.pages; page++) {
      const json: ChangesJson = (await get(`/changes?format=json&page=${page}`)).json();
      expect(json.counts).toEqual(first.counts);
      for (const project of json.projects) keys.add(project.key);
    }
    expect(keys.size).toBe(first.page.total);
  });

  it("gives the page's projects as CSV, and keeps changed=1 across pages", async () => {
    const second: ChangesJson = (await get('/changes?format=json&page=2')).json();
    const lines = await csvLines('/changes?format=csv&page=2');
    expect(new Set(lines.map((line) => line[0]))).toEqual(new Set(second.projects.map((project) => project.key)));
    const changed: ChangesJson = (await get('/changes?format=json&changed=1')).json();
    expect(changed.page.total).toBe(changed.counts.projectsChanged);
    if (changed.page.pages > 1) expect((await get('/changes?changed=1')).body).toContain('<a href="/changes?changed=1&amp;page=2" rel="next">');
  });

  it('refuses an unreadable page number at its field', async () => {
    const response = await app().inject('/changes?page=x');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('ページ番号は1以上の整数で指定してください');
    expect((await app().inject('/changes?page=x&format=json')).json().error.problems[0].path).toBe('page');
  });
});

describe('/policies of 2,000 projects', () => {
  interface PoliciesJson {
    policies: { code: string; rows: { no: number; projectKey: string }[] }[];
    total: number;
    page: { number: number; pages: number; total: number };
  }

  it('shows 100 policies a page with their rows, the pages together the whole tree', async () => {
    const first: PoliciesJson = (await get('/policies?format=json')).json();
    expect(first.policies).toHaveLength(100);
    expect(first.page).toMatchObject({ number: 1, total: document.policies.length, pages: Math.ceil(document.policies.length / 100) });
    const html = (await get('/policies')).body;
    expect(html.length).toBeLessThan(600_000);
    expect(html.match(/<div class="policy-item">/g)).toHaveLength(100);
    expect(textOf(html)).toContain(`${document.policies.length}施策中 1〜100施策目`);
    expect(html).toContain('aria-label="施策体系のページ / Pages of 施策体系"');
    expect(html).toContain('<a href="/policies?page=2" rel="next">');
    const codes: string[] = [];
    let rows = 0;
    for (let page = 1; page <= first.page.pages; page++) {
      const json: PoliciesJson = (await get(`/policies?format=json&page=${page}`)).json();
      codes.push(...json.policies.map((policy) => policy.code));
      rows += json.policies.reduce((sum, policy) => sum + policy.rows.length, 0);
    }
    expect(codes).toEqual(document.policies.map((policy) => policy.code));
    expect(rows).toBe(document.projects.reduce((sum, project) => sum + project.placements.length, 0));
  });

  it("gives the page's policies and rows as CSV", async () => {
    const third: PoliciesJson = (await get('/policies?format=json&page=3')).json();
    const lines = await csvLines('/policies?format=csv&page=3');
    expect(new Set(lines.map((line) => line[1]))).toEqual(new Set(third.policies.map((policy) => policy.code)));
    expect(lines.length).toBe(third.policies.reduce((sum, policy) => sum + Math.max(1, policy.rows.length), 0));
  });

  it('refuses an unreadable page number', async () => {
    expect((await app().inject('/policies?page=0')).statusCode).toBe(400);
    expect((await app().inject('/policies?page=0&format=json')).json().error.problems[0].path).toBe('page');
  });
});

describe('/sdgs of 2,000 projects', () => {
  interface SdgsJson {
    goals: { goal: number; rows: number; projectCount: number; projects: { key: string }[] }[];
    withoutGoal: { projects: { key: string }[] };
    page: { number: number; pages: number; total: number };
  }
  const listed = (json: SdgsJson) => [
    ...json.goals.flatMap((goal) => goal.projects.map((project) => `${goal.goal} ${project.key}`)),
    ...json.withoutGoal.projects.map((project) => `- ${project.key}`),
  ];

  it("lists 100 of the goals' projects a page beside the whole figures, the pages together every list", async () => {
    const first: SdgsJson = (await get('/sdgs?format=json')).json();
    expect(listed(first)).toHaveLength(100);
    expect(first.page.pages).toBeGreaterThan(10);
    const html = (await get('/sdgs')).body;
    expect(html.length).toBeLessThan(300_000);
    expect(html.match(/<li><a href="\/projects\//g)).toHaveLength(100);
    expect(html).toContain('aria-label="ゴールごとの事業のページ / Pages of ゴールごとの事業"');
    expect(html).toContain('<a href="/sdgs?page=2" rel="next">');
    // The table of every goal stays whole on each page.
    const table = (page: string) => /<table class="goals">[\s\S]*?<\/table>/.exec(page)?.[0];
    const last = (await get(`/sdgs?page=${first.page.pages}`)).body;
    expect(table(last)).toBe(table(html));
    const all: string[] = [];
    for (let page = 1; page <= first.page.pages; page++) all.push(...listed((await get(`/sdgs?format=json&page=${page}`)).json()));
    expect(all).toHaveLength(first.page.total);
    expect(new Set(all).size).toBe(all.length);
    for (const goal of first.goals) expect(all.filter((entry) => entry.startsWith(`${goal.goal} `))).toHaveLength(goal.projectCount);
  });

  it("gives the page's list entries as CSV", async () => {
    const second: SdgsJson = (await get('/sdgs?format=json&page=2')).json();
    const lines = await csvLines('/sdgs?format=csv&page=2');
    expect(lines.map((line) => `${line[0]} ${line[5]}`)).toEqual(listed(second).filter((entry) => !entry.startsWith('- ')));
  });
});
