import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { tableByCaption, textOf } from './test-html.js';
import { useDemoApp } from '../../../test/demo-app.js';

const CODE = 'I-2-(1)-②';
const ENCODED = 'I-2-%281%29-%E2%91%A1';

describe('the policy pages /policies and /policies/:code', () => {
  const { app } = useDemoApp();

  it('lays out the policy tree by the levels of the codes', async () => {
    const response = await app().inject('/policies');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    // I → I-2 → I-2-(1) → the policy, nested lists in that order.
    const at = (text: string) => html.indexOf(text);
    expect(at('<span class="policy-level">I</span>')).toBeGreaterThan(0);
    expect(at('<span class="policy-level">I-2</span>')).toBeGreaterThan(at('<span class="policy-level">I</span>'));
    expect(at('<span class="policy-level">I-2-(1)</span>')).toBeGreaterThan(at('<span class="policy-level">I-2</span>'));
    expect(html).toContain(`href="/policies/${ENCODED}?fiscalYear=2021"`);
    expect(html.match(/class="policy-item"/g)?.length).toBe(22);
  });

  it('gives each policy its bureau grade and its rows’ grades', async () => {
    const html = (await app().inject('/policies')).body;
    const item = (code: string) => {
      const start = html.indexOf(`<span class="policy-code">${code}</span>`);
      return textOf(html.slice(start, html.indexOf('</div>', start)));
    };
    expect(item('VII-3-(1)-②')).toContain('局施策評価 Bureau grade: 順調');
    expect(item('VII-3-(1)-②')).toContain('No. 32 広域行政推進事業: 順調');
    expect(item('VII-3-(1)-②')).toContain('No. 33 関門連携推進事業');
    // No. 34's policy evaluation has text but no grade (domain.md).
    expect(item('VII-3-(2)-②')).toContain('局施策評価 Bureau grade: —');
    expect(item('VII-3-(2)-②')).toContain('No. 34 広域行政推進事業: 大変順調');
  });

  it('shows one policy, its code decoded from the URL', async () => {
    const response = await app().inject(`/policies/${ENCODED}`);
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain(`施策 ${CODE}`);
    expect(text).toContain('大学などの教育研究機能の充実');
    expect(text).toContain('企画調整局: 順調');
    expect(text).toContain('引き続き公立大学法人北九州市立大学の健全な業務運営');
    const rows = tableByCaption(response.body, `${CODE} の行`);
    expect(rows[1]).toEqual(['1', '公立大学法人北九州市立大学運営事業', '総務課', '順調', '—', '継続']);
    expect(response.body).toContain('href="/projects/kitakyushu-univ?fiscalYear=2021"');
  });

  it('shows a row’s suggested grade beside its grade', async () => {
    const response = await app().inject(`/policies/${encodeURIComponent('VII-1-(1)-②')}`);
    const rows = tableByCaption(response.body, 'の行');
    // No. 25: 38.0% → 遅れ; No. 26: 124.3 / 49,243.4 → 大変順調 (domain.md rule 4).
    expect(rows.find((row) => row[0] === '25')?.slice(3, 5)).toEqual(['遅れ', '遅れ']);
    expect(rows.find((row) => row[0] === '26')?.slice(3, 5)).toEqual(['大変順調', '大変順調']);
  });

  it('answers an unknown policy with an HTML 404', async () => {
    const response = await app().inject(`/policies/${encodeURIComponent('IX-9-(9)-⑨')}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(textOf(response.body)).toContain('施策「IX-9-(9)-⑨」はありません');
  });

  it('answers ?format=json and ?format=csv with what each page shows', async () => {
    const tree = (await app().inject('/policies?format=json')).json();
    expect(tree.fiscalYear).toBe(2021);
    expect(tree.tree[0].code).toBe('I');
    expect(tree.policies).toHaveLength(22);
    const one = (await app().inject(`/policies/${ENCODED}?format=json`)).json();
    expect(one).toMatchObject({ code: CODE, title: '大学などの教育研究機能の充実', evaluations: [{ bureau: '企画調整局', grade: '順調' }] });
    expect(one.rows).toEqual([expect.objectContaining({ no: 1, projectKey: 'kitakyushu-univ', grade: '順調', suggestedGrade: null })]);

    const csv = await app().inject('/policies?format=csv');
    const lines = parse(csv.body.slice(1)) as string[][];
    expect(lines[0]![1]).toBe('施策番号');
    // One line per row: the demo has 34 rows, and every policy has at least one.
    expect(lines.length - 1).toBe(34);
    expect(lines).toContainEqual(['2021', CODE, `I > I-2 > I-2-(1) > ${CODE}`, '大学などの教育研究機能の充実', '企画調整局: 順調', '企画調整局', '1', 'kitakyushu-univ', '公立大学法人北九州市立大学運営事業', '総務課', '順調', '', '継続']);
    const oneCsv = parse((await app().inject(`/policies/${ENCODED}?format=csv`)).body.slice(1)) as string[][];
    expect(oneCsv).toHaveLength(2);
  });

  it('reports a bad fiscal year at its field', async () => {
    const response = await app().inject(`/policies/${ENCODED}?fiscalYear=20x1`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain('id="filter-fiscalYear-error"');
    const json = await app().inject('/policies?fiscalYear=20x1&format=csv');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.problems[0].path).toBe('fiscalYear');
  });
});
