import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generateDocument } from '../../interchange/generate.js';
import { importValue } from '../../services/documents.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { importPublished } from '../../../test/publish.js';
import { tableByCaption, textOf } from './test-html.js';
import { testContext } from '../../services/test-context.js';

const q = encodeURIComponent;

describe('/attention on the demo', () => {
  const { app } = useDemoApp();

  it('lists every row needing attention of the year on one page, worst first', async () => {
    const response = await app().inject('/attention');
    expect(response.statusCode).toBe(200);
    const rows = tableByCaption(response.body, '要注意の行').slice(1);
    expect(rows).toHaveLength(19);
    expect(textOf(response.body)).toContain('19件');
    const behind = rows.filter((row) => row[0]!.startsWith('目標未達'));
    expect(behind.find((row) => row[1] === 'No. 25')?.[4]).toContain('達成率 38.0%');
    expect(behind.find((row) => row[1] === 'No. 19')?.[4]).toContain('10位以内');
    const findings = rows.filter((row) => row[0]!.startsWith('データ点検'));
    expect(findings.find((row) => row[1] === 'No. 26')?.[4]).toContain('49,243.4%');
    // The three policy evaluations with text but no grade (domain.md: No. 9, 10, 34).
    const withoutGrade = findings.filter((row) => row[4]!.includes('評価（grade）がありません')).map((row) => row[1]);
    expect(withoutGrade).toEqual(['No. 9', 'No. 10, 11', 'No. 34']);
    // Kinds in order: behind, then no actual, then findings.
    const kinds = rows.map((row) => row[0]!.split(' ')[0]);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['目標未達', '実績なし', 'データ点検'].indexOf(a!) - ['目標未達', '実績なし', 'データ点検'].indexOf(b!)));
    expect(response.body).not.toContain('class="pager"');
  });

  it('refuses an unreadable page number at its place', async () => {
    const html = await app().inject('/attention?page=abc');
    expect(html.statusCode).toBe(400);
    expect(textOf(html.body)).toContain('ページ番号は1以上の整数で指定してください');
    const json = await app().inject('/attention?page=0&format=json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.problems).toEqual([{ path: 'page', message: expect.stringContaining('whole number') }]);
  });
});

describe('/attention of 200 generated projects', () => {
  const { app } = useDemoApp({ demo: false, seed: (store) => importPublished(store, generateDocument({ projects: 200, seed: 1 })) });
  const org = '900001';

  it('shows a page of 100 with the total, and links the other pages keeping ?org= and the filters', async () => {
    const first = await app().inject(`/attention?org=${org}`);
    expect(first.statusCode).toBe(200);
    expect(tableByCaption(first.body, '要注意の行').slice(1)).toHaveLength(100);
    const total = Number(/([\d,]+)件中 1〜100件目/.exec(textOf(first.body))?.[1]?.replaceAll(',', ''));
    expect(total).toBeGreaterThan(400);
    expect(first.body).toContain(`<a href="/attention?org=${org}&amp;page=2" rel="next">`);
    const last = Math.ceil(total / 100);
    const lastPage = await app().inject(`/attention?org=${org}&page=${last}`);
    expect(tableByCaption(lastPage.body, '要注意の行').slice(1)).toHaveLength(total - (last - 1) * 100);
    expect(lastPage.body).toContain(`aria-current="page"><span class="visually-hidden">ページ </span>${last}</a>`);
    // The page's data is the page's items.
    const json = (await app().inject(`/attention?org=${org}&page=2&format=json`)).json();
    expect(json.page).toMatchObject({ number: 2, size: 100, total });
    expect(json.items).toHaveLength(100);
    const csv = parse((await app().inject(`/attention?org=${org}&page=2&format=csv`)).body, { bom: true }) as string[][];
    expect(csv).toHaveLength(101);
    expect(csv[1]![4]).toBe(json.items[0].subject);
  });

  it('narrows to one bureau, as the dashboard does, and the dashboard links it', async () => {
    const bureau = '総務局';
    const json = (await app().inject(`/attention?org=${org}&bureau=${q(bureau)}&format=json`)).json();
    expect(json.page.total).toBeGreaterThan(0);
    expect(json.items.every((item: { bureaus: string[] }) => item.bureaus.includes(bureau))).toBe(true);
    const dashboard = await app().inject(`/?org=${org}&bureau=${q(bureau)}`);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain(`<option value="${bureau}" selected="">`);
    expect(textOf(dashboard.body)).toContain(`要注意の行 ${json.page.total}件のうち上位10件`);
    expect(dashboard.body).toContain(`href="/attention?org=${org}&amp;fiscalYear=2021&amp;bureau=${q(bureau)}"`);
    // One bureau shown: no bureau column; all of them: each row names its bureau, as each numbers its rows from No. 1.
    expect(tableByCaption(dashboard.body, '要注意の行')[0]).not.toContain('局 Bureau');
    const all = tableByCaption((await app().inject(`/?org=${org}`)).body, '要注意の行');
    expect(all[0]![1]).toBe('局 Bureau');
    for (const row of all.slice(1)) expect(row[1]).toMatch(/局$/);
    const whole = (await app().inject(`/?org=${org}&format=json`)).json();
    const one = (await app().inject(`/?org=${org}&bureau=${q(bureau)}&format=json`)).json();
    expect(one.rows).toBeLessThan(whole.rows);
    expect(one.budgetByBureau.map((share: { name: string }) => share.name)).toEqual([bureau]);
  });
});
