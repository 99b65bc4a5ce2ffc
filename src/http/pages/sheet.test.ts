import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importValue } from '../../services/documents.js';
import { buildDocument } from '../../../test/factories.js';
import type { Sheet } from '../../interchange/sheet-rows.js';
import { textOf } from './test-html.js';
import { openDemoApp, useDemoApp } from '../../../test/demo-app.js';
import { viewerHeaders } from '../../../test/publish.js';
import { importPublished } from '../../../test/publish.js';
import { testContext } from '../../services/test-context.js';

const { app, store } = useDemoApp();

const get = (url: string) => app().inject(url);
/** The text of the <tbody> elements: what the table shows. */
const bodyText = (html: string) => textOf(html.slice(html.indexOf('<tbody')));
const rowNumbers = (html: string) => [...html.matchAll(/<th scope="row" rowSpan="\d+" id="[^"]+-no" class="number">(\d+)<\/th>/g)].map((m) => Number(m[1]));

describe('/sheet', () => {
  it('shows the 34 rows of the demo in No. order, with the seed’s columns and year labels', async () => {
    const response = await get('/sheet');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(rowNumbers(html)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    const head = html.slice(html.indexOf('<thead'), html.indexOf('</thead>')).replace(/<span lang="en"[^>]*>[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '|');
    const labels = head.split('|').map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('区分'));
    expect(labels).toEqual([
      '施策番号・施策名', 'No.', 'SDGsゴール番号', '主な事業・取組', '所管課名', '事業・取組概要', '事業評価の成果指標（目標・実績）',
      '成果の方向性', 'R4年度予算額(千円)', 'R5年度予算額(千円)', '事業費の増減', '人件費(目安)金額(千円)', 'R3年度事業評価',
      'R5年度に向けて強化・見直した内容', 'R3年度局施策評価', 'R5年度に向けて強化・見直した内容',
      '指標名等', '目標/実績/達成率', '現状値(基準値)', 'R3年度', 'R4年度', 'R5年度', '中期目標',
    ]);
  });

  it('lays the rows out as on paper: policy groups, three lines per indicator, named headers', async () => {
    const html = (await get('/sheet')).body;
    // No. 3 has no policy cell of its own: it sits in I-2-(1)-④'s group with No. 2 (4 + 2 indicators × 3 lines).
    expect(html).toContain('<th scope="rowgroup" rowSpan="12" class="policy"><span class="policy-code">I-2-(1)-④</span>');
    expect(html).toMatch(/<caption id="sheet-caption">北九州市 R3年度 PDCAシート 企画調整局（34行）/);
    // No. 5's indicator: 54.0% / 59.9% / 110.9%, each cell naming its No., indicator, year and line.
    const five = html.slice(html.indexOf('>5</th>'), html.indexOf('>6</th>'));
    expect(five).toMatch(/headers="(g\d+-r\d+)-no \1-i0 h-period-0 \1-i0-target">54\.0%</);
    expect(five).toMatch(/-i0-actual">59\.9%</);
    expect(five).toMatch(/-i0-rate" class="number">110\.9%</);
    expect(five).toContain('<a href="/projects/tabunka?fiscalYear=2021">多文化共生の推進</a>');
    expect(bodyText(html)).toContain('49,243.4%');
    expect(html).toContain('<link rel="stylesheet" href="/assets/site.css"/>');
  });

  it('shows budgets, their change, personnel cost and grades', async () => {
    const html = (await get('/sheet')).body;
    const one = textOf(html.slice(html.indexOf('>1</th>'), html.indexOf('>2</th>')));
    expect(one).toMatch(/2,665,000\s+3,144,000\s+増額\s+13,200\s+順調/);
    const thirteen = textOf(html.slice(html.indexOf('>13</th>'), html.indexOf('>14</th>')));
    expect(thirteen).toMatch(/1,400\s+1,280\s+減額\s+5,800\s+遅れ/);
  });

  it('filters by division, policy, grade and SDG goal, reflected in the form', async () => {
    expect(rowNumbers((await get('/sheet?division=' + encodeURIComponent('東京事務所'))).body)).toEqual([11, 17]);
    expect(rowNumbers((await get('/sheet?policy=' + encodeURIComponent('IV-4-(2)-②'))).body)).toEqual([16, 17, 18]);
    const late = (await get('/sheet?grade=' + encodeURIComponent('遅れ'))).body;
    expect(rowNumbers(late)).toEqual([13, 22, 25]);
    expect(late).toContain('<option value="遅れ" selected="">遅れ</option>');
    expect(rowNumbers((await get('/sheet?sdg=9')).body)).toEqual([4, 20]);
    expect(rowNumbers((await get('/sheet?bureau=' + encodeURIComponent('環境局'))).body)).toEqual([]);
  });

  it('reports a bad filter value at its field and shows the sheet unfiltered', async () => {
    const html = (await get('/sheet?sdg=99')).body;
    expect(html).toMatch(/<select id="filter-sdg" name="sdg" aria-invalid="true" aria-describedby="filter-sdg-error">/);
    expect(html).toContain('SDGsゴールは1〜17の番号です');
    expect(rowNumbers(html)).toHaveLength(34);
  });

  it('changes the year columns with the fiscal year', async () => {
    // 2022 is not published: a signed-in user reads it in 作業中.
    const html = (await app().inject({ url: '/sheet?fiscalYear=2022', headers: await viewerHeaders(store()) })).body;
    expect(html).toContain('R6年度予算額(千円)');
    expect(html).toContain('R4年度事業評価');
    expect(html).toContain('R6年度に向けて強化・見直した内容');
  });

  it('links its data and answers JSON with exactly the rows it shows', async () => {
    const html = (await get('/sheet?grade=' + encodeURIComponent('遅れ'))).body;
    expect(html).toContain(`href="/sheet?grade=${encodeURIComponent('遅れ')}&amp;format=json"`);
    const json = (await get('/sheet?grade=' + encodeURIComponent('遅れ') + '&format=json')).json() as Sheet & { organization: string };
    expect(json.organization).toBe('北九州市');
    expect(json.fiscalYear).toBe(2021);
    expect(json.rows.map((row) => row.no)).toEqual([13, 22, 25]);
    expect(json.rows[0]!.indicators[0]!.periods[0]).toEqual({ fiscalYear: 2021, target: '160人', actual: '0人', rate: '0.0%' });
  });

  it('answers CSV with one line per indicator of each row shown', async () => {
    const response = await get('/sheet?format=csv&policy=' + encodeURIComponent('IV-4-(2)-②'));
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parse(response.body.slice(1)) as string[][];
    expect(header!.slice(0, 3)).toEqual(['施策番号', '施策名', 'No.']);
    expect(header).toContain('R3年度達成率');
    // No. 16 has three indicators, 17 one, 18 two.
    expect(lines.map((line) => line[2])).toEqual(['16', '16', '16', '17', '18', '18']);
    const eighteen = lines[4]!;
    expect(eighteen[header!.indexOf('R3年度目標')]).toBe('前年度比 (64,616件) 増');
    expect(eighteen[header!.indexOf('R3年度達成率')]).toBe('150.0%');
    expect(eighteen[header!.indexOf('R5年度予算額(千円)')]).toBe('1837000');
  });

  it('honours ?org= when the database holds several organizations', async () => {
    const two = await openDemoApp({ seed: (store) => importPublished(store, buildDocument({ organization: { name: '別市', code: '999999' } })) });
    try {
      const html = (await two.app.inject('/sheet?org=999999')).body;
      expect(rowNumbers(html)).toEqual([1]);
      expect(html).toContain('<input type="hidden" name="org" value="999999"/>');
      expect(html).toContain('href="/sheet?org=999999&amp;format=csv"');
      // Its rows' projects open in the organization chosen, at the sheet's year.
      const projectLinks = [...html.matchAll(/<a href="(\/projects\/[^"]*)"/g)].map((match) => match[1]);
      expect(projectLinks).toEqual(['/projects/tabunka?org=999999&amp;fiscalYear=2021']);
      expect(rowNumbers((await two.app.inject('/sheet?org=' + encodeURIComponent('北九州市'))).body)).toHaveLength(34);
      expect((await two.app.inject('/sheet')).statusCode).toBe(400); // two organizations: which one?
    } finally {
      await two.close();
    }
  });
});
