import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importValue } from '../../services/documents.js';
import { buildDocument, buildProject } from '../../../test/factories.js';
import { rowStarting, sectionOf, tableByCaption, textOf } from './test-html.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { importPublished } from '../../../test/publish.js';
import { testContext } from '../../services/test-context.js';

describe('the project page /projects/:key', () => {
  const { app } = useDemoApp();

  const page = async (url: string) => {
    const response = await app().inject(url);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('Plan: the policies it serves by row, its summary and SDG goals', async () => {
    const html = await page('/projects/tabunka');
    const rows = tableByCaption(html, '施策と行');
    expect(rows.slice(1).map((row) => row[0])).toEqual(['5', '7', '9', '29']);
    expect(rowStarting(rows, '5')[1]).toBe('II-3-(3)-① 多文化共生社会の実現に向けた体制の構築');
    expect(html).toContain('href="/policies/II-3-%283%29-%E2%91%A0?fiscalYear=2021"');
    expect(textOf(html)).toContain('SDGsゴール SDG goals: ④ ⑩ ⑪ ⑰');
    // No. 9 and 29 differ by one character (発揮 / 發揮): each row keeps its own summary.
    expect(rowStarting(rows, '9')[3]).toContain('自己の能力を発揮できる');
    expect(rowStarting(rows, '29')[3]).toContain('自己の能力を發揮できる');
  });

  it('Do: budgets with 事業費の増減, personnel cost as the rows print it, total cost', async () => {
    const rows = tableByCaption(await page('/projects/kitakyushu-univ'), '年度別の事業費');
    expect(rowStarting(rows, 'R4年度 (2022)')).toEqual(['R4年度 (2022)', '2,665,000', '—', '—', '—']);
    // No. 1, 2 and 4 repeat 13,200: the project's figure, shown once.
    expect(rowStarting(rows, 'R5年度 (2023)')).toEqual(['R5年度 (2023)', '3,144,000', '増額', '13,200', '3,157,200']);
    // No. 32 and 34 carry their own figures (13,300 and 3,075): each is shown with its row, and
    // their sum (printed nowhere on the sheet) only labelled as the total.
    const regional = tableByCaption(await page('/projects/regional-administration'), '年度別の事業費');
    expect(rowStarting(regional, 'R5年度 (2023)')).toEqual(['R5年度 (2023)', '4,011', '維持', 'No. 32: 13,300 No. 34: 3,075 合計 Total: 16,375', '20,386']);
  });

  it('Check: each indicator over the years, with progress toward the mid-term target and a chart', async () => {
    const html = await page('/projects/tabunka');
    const start = html.indexOf('市民の「多文化共生」という言葉の認知度');
    const block = html.slice(start, html.indexOf('</article>', start));
    expect(textOf(block)).toContain('No. 5, 9, 29');
    expect(textOf(block)).toContain('現状値(基準値) Baseline 51.8% (H29年度)');
    expect(textOf(block)).toContain('中期目標 Mid-term target 62% (R6年度)');
    const rows = tableByCaption(block, '年度別の目標・実績・達成率');
    // No. 5: 59.9 / 54.0 → 110.9%; by-year mid-term 62: 59.9 / 62 → 96.6%.
    expect(rowStarting(rows, 'R3年度 (2021)')).toEqual(['R3年度 (2021)', '54.0%', '59.9%', '110.9%', '達成 yes', '96.6%']);
    expect(rowStarting(rows, 'R4年度 (2022)')).toEqual(['R4年度 (2022)', '61.0%', '—', '—', '—', '—']);
    expect(block).toContain('<figure class="chart">');
    expect(block).toMatch(/<svg[^>]*>[\s\S]*59\.9[\s\S]*<\/svg>/);
  });

  it('Check: a revised mid-term target gives its reason', async () => {
    const html = await page('/projects/world-heritage-tours');
    expect(textOf(html)).toContain('※中期目標改訂 Mid-term target revised');
    expect(textOf(html)).toContain('【中期目標の変更内容】見学先の旧本事務所は令和2年度に復原工事を終えた');
    const rows = tableByCaption(html, '年度別の目標・実績・達成率');
    expect(rowStarting(rows, 'R3年度 (2021)').slice(1, 5)).toEqual(['160人', '0人', '0.0%', '未達成 no']);
  });

  it('Action: per row where rows differ, the grade beside the suggested grade', async () => {
    const action = textOf(sectionOf(await page('/projects/regional-administration'), 'action'));
    expect(action).toMatch(/No\. 32 事業評価 Grade 順調 （提案 suggested: 順調）/);
    expect(action).toMatch(/No\. 34 事業評価 Grade 大変順調 （提案 suggested: 大変順調）/);
    expect(action).toContain('书面開催');
    // One evaluation shared by all rows is shown once, without row numbers.
    const shared = await page('/projects/agi-subsidy');
    expect(textOf(sectionOf(shared, 'action'))).toMatch(/FY2021 R3年度 \(2021\)の事業評価 Evaluation of FY2021 事業評価 Grade 順調 （提案 suggested: 順調） 成果の方向性 Course 継続/);
    expect(textOf(sectionOf(shared, 'earlier'))).toContain('R3年度 (2021)より前の事業評価はありません');
  });

  it('answers an unknown project with an HTML 404', async () => {
    const response = await app().inject('/projects/no-such-project');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(textOf(response.body)).toContain('事業「no-such-project」はありません');
  });

  it('answers ?format=json and ?format=csv with what the page shows', async () => {
    const json = (await app().inject('/projects/kitakyushu-univ?format=json')).json();
    expect(json).toMatchObject({ organization: '北九州市', key: 'kitakyushu-univ', fiscalYear: 2021 });
    expect(json.costs).toEqual([
      { fiscalYear: 2022, budget: 2665000, change: null, personnelCosts: [] },
      { fiscalYear: 2023, budget: 3144000, change: '増額', personnelCosts: [{ nos: [1, 2, 4], amount: 13200 }], personnelCostTotal: 13200, total: 3157200 },
    ]);
    const regional = parse((await app().inject('/projects/regional-administration?format=csv')).body.slice(1)) as string[][];
    expect(regional.filter((line) => line[0]!.startsWith('Do 人件費'))).toEqual([
      ['Do 人件費', '32', '2023', '人件費(目安)(千円)', '13300', ''],
      ['Do 人件費', '34', '2023', '人件費(目安)(千円)', '3075', ''],
      ['Do 人件費合計', '', '2023', '人件費(目安)の合計(千円)', '16375', ''],
    ]);
    const csv = await app().inject('/projects/tabunka?format=csv');
    expect(csv.headers['content-disposition']).toContain('project-tabunka-2021.csv');
    const lines = parse(csv.body.slice(1)) as string[][];
    expect(lines[0]).toEqual(['区分', 'No.', '年度', '項目', '値', '内容']);
    expect(lines).toContainEqual(['Check 達成率', '5 9 29', '2021', '市民の「多文化共生」という言葉の認知度', '110.9%', '']);
    expect(lines).toContainEqual(['Do 予算額', '', '2023', '予算額(千円)', '43921', '維持']);
  });

  it('reports a bad fiscal year at its field', async () => {
    const response = await app().inject('/projects/tabunka?fiscalYear=%E4%BB%A4%E5%92%8C3');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('aria-invalid="true"');
    expect(textOf(response.body)).toContain('年度は西暦4桁で指定してください');
  });

  it('weighs under 200 KB of HTML and CSS, the largest demo project included', async () => {
    const css = (await app().inject('/assets/site.css')).body;
    const keys = await projectKeys();
    let largest = 0;
    for (const key of keys) largest = Math.max(largest, Buffer.byteLength(await page(`/projects/${key}`)));
    const total = largest + Buffer.byteLength(css);
    expect(keys.length).toBe(21);
    expect(total).toBeLessThan(200 * 1024);
  });

  async function projectKeys(): Promise<string[]> {
    const policies = (await app().inject('/policies?format=json')).json() as { policies: { rows: { projectKey: string }[] }[] };
    return [...new Set(policies.policies.flatMap((policy) => policy.rows.map((row) => row.projectKey)))];
  }
});

describe('the project page of an organization with earlier years', () => {
  const project = buildProject({
    key: 'tabunka',
    evaluations: [
      { fiscalYear: 2020, grade: 'やや遅れ', course: '改善', improvement: '前年度の見直し' },
      { fiscalYear: 2021, grade: '順調', course: '継続', gradeReason: '目標を上回った' },
    ],
  });
  const { app } = useDemoApp({ seed: (store) => importPublished(store, buildDocument({ organization: { name: '試験市', code: '999999' }, projects: [project] }), { years: [2020, 2021] }) });

  it('lists the evaluations of earlier years, and keeps ?org= in its links', async () => {
    const response = await app().inject('/projects/tabunka?org=999999');
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain('試験市 行政評価');
    const earlier = textOf(sectionOf(response.body, 'earlier'));
    expect(earlier).toContain('R2年度 (2020) No. 1');
    expect(earlier).toContain('事業評価 Grade やや遅れ');
    expect(earlier).toContain('前年度の見直し');
    expect(text).toContain('評価の理由 Reason for the grade 目標を上回った');
    expect(response.body).toContain('href="/policies/II-3-%283%29-%E2%91%A0?org=999999&amp;fiscalYear=2021"');
    const older = await app().inject('/projects/tabunka?org=999999&fiscalYear=2020&format=json');
    expect(older.json()).toMatchObject({ fiscalYear: 2020, actions: [{ grade: 'やや遅れ', nos: [1] }], earlier: [] });
  });

  it('asks which organization when the database holds several', async () => {
    const response = await app().inject('/projects/tabunka');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
