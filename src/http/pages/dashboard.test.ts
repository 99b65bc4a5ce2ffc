import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DEMO_DOCUMENT } from '../../services/demo.js';
import type { HyokaDocument } from '../../domain/model.js';
import { rowStarting, tableByCaption, textOf } from './test-html.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { publishYears } from '../../../test/publish.js';

// Expected figures are derived from the demo file itself, not from the code under test.
const demo = JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8')) as HyokaDocument;

function gradesOfRows(year: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of demo.projects) {
    for (const placement of project.placements) {
      const evaluation = placement.evaluations?.find((e) => e.fiscalYear === year) ?? project.evaluations?.find((e) => e.fiscalYear === year);
      const grade = evaluation?.grade ?? '未評価';
      counts.set(grade, (counts.get(grade) ?? 0) + 1);
    }
  }
  return counts;
}

function budgetTotal(year: number): number {
  return demo.projects.reduce((sum, project) => sum + (project.budgets?.find((b) => b.fiscalYear === year)?.amount ?? 0), 0);
}

const yen = (n: number) => n.toLocaleString('en-US');

describe('the dashboard page /', () => {
  const { app } = useDemoApp();
  let html: string;
  beforeAll(async () => {
    const response = await app().inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    html = response.body;
  });

  it('shows the latest evaluated year by default, with its data links', () => {
    expect(html).toContain('<html lang="ja">');
    expect(textOf(html)).toContain('R3年度 (2021)の評価');
    expect(html).toContain('href="/?format=json"');
    expect(html).toContain('href="/?format=csv"');
  });

  it('counts the rows by grade as the demo grades them', () => {
    const expected = gradesOfRows(2021);
    const rows = tableByCaption(html, '事業評価別の行数');
    for (const grade of ['大変順調', '順調', 'やや遅れ', '遅れ']) {
      expect(rowStarting(rows, grade)[1]).toBe(String(expected.get(grade) ?? 0));
    }
    // domain.md names the 大変順調 rows: No. 10, 18, 26 and 34.
    expect(rowStarting(rows, '大変順調')[1]).toBe('4');
    expect(rowStarting(rows, '未評価')[1]).toBe('0');
  });

  it('bins the achievement rates, the seed’s 49,243.4% in the top bin', () => {
    const rows = tableByCaption(html, '達成率の分布');
    expect(rowStarting(rows, '500%以上')[1]).toBe('1');
    const binned = rows.slice(1, -1).reduce((sum, row) => sum + Number(row[1]), 0);
    expect(binned).toBeGreaterThan(20);
  });

  it('adds the budgets of the sheet’s later budget year by bureau and by SDG goal', () => {
    const bureau = tableByCaption(html, '局別予算額');
    expect(rowStarting(bureau, '企画調整局')[2]).toBe(yen(budgetTotal(2023)));
    const goals = tableByCaption(html, 'SDGsゴール別予算額');
    const goal4 = demo.projects.filter((p) => [...(p.sdgs ?? []), ...p.placements.flatMap((r) => r.sdgs ?? [])].includes(4));
    expect(rowStarting(goals, 'ゴール4')).toEqual(['ゴール4', String(goal4.length), yen(goal4.reduce((s, p) => s + p.budgets!.find((b) => b.fiscalYear === 2023)!.amount, 0))]);
  });

  it('lists the worst rows needing attention first, with their count and a link to them all', () => {
    const rows = tableByCaption(html, '要注意の行').slice(1);
    expect(rows).toHaveLength(10);
    expect(textOf(html)).toContain('要注意の行 19件のうち上位10件');
    // Behind first, lowest rate first: No. 25's 38.0% comes before the rates above it.
    expect(rows.every((row) => row[0]!.startsWith('目標未達'))).toBe(true);
    const rates = rows.map((row) => /達成率 ([\d.,]+)%/.exec(row[4]!)?.[1]).filter((rate) => rate !== undefined).map((rate) => Number(rate.replaceAll(',', '')));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(rows.find((row) => row[1] === 'No. 25')?.[4]).toContain('達成率 38.0%');
    expect(html).toContain('href="/projects/asean-cities?fiscalYear=2021"');
    expect(html).toContain('<a href="/attention?fiscalYear=2021">要注意の行をすべて見る（19件）');
  });

  it('compares with no year nobody evaluated: the demo publishes R3 alone', () => {
    const section = html.slice(html.indexOf('comparison-heading'));
    expect(textOf(section)).toContain('R2年度 (2020)は評価されていないため、比較はありません');
    expect(section).not.toContain('事業評価別の行数');
  });

  it('answers ?format=json with the figures the page shows', async () => {
    const response = await app().inject('/?format=json');
    expect(response.headers['content-type']).toContain('application/json');
    const data = response.json();
    expect(data).toMatchObject({ organization: '北九州市', fiscalYear: 2021, previousYear: 2020, budgetYear: 2023, rows: 34, budgetTotal: budgetTotal(2023) });
    expect(data.grades).toContainEqual({ grade: '大変順調', rows: 4 });
    expect(data.attention.length).toBe(tableByCaption(html, '要注意の行').length - 1);
    expect(data.attentionTotal).toBe(19);
  });

  it('answers ?format=csv with the same tables, one line each', async () => {
    const response = await app().inject('/?format=csv');
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    expect(response.body).toContain('\r\n');
    const lines = parse(response.body.slice(1)) as string[][];
    expect(lines[0]).toEqual(['表', '項目', '年度', '件数', '金額(千円)', 'No.', '内容']);
    expect(lines).toContainEqual(['事業評価', '大変順調', '2021', '4', '', '', '']);
    expect(lines).toContainEqual(['予算額合計', '合計', '2023', '21', String(budgetTotal(2023)), '', '']);
    expect(lines.filter((line) => line[0]!.startsWith('要注意')).length).toBe(tableByCaption(html, '要注意の行').length - 1);
  });

  it('reports a bad fiscal year at its field', async () => {
    const response = await app().inject('/?fiscalYear=R3');
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<select id="filter-fiscalYear" name="fiscalYear" aria-invalid="true" aria-describedby="filter-fiscalYear-error">/);
    expect(response.body).toContain('id="filter-fiscalYear-error"');
    expect(textOf(response.body)).toContain('年度は西暦4桁で指定してください');
    const json = await app().inject('/?fiscalYear=R3&format=json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.problems).toEqual([{ path: 'fiscalYear', message: expect.stringContaining('four digits') }]);
  });

  it('honours ?org= and keeps it in its links; an unknown organization is an HTML 404', async () => {
    const response = await app().inject(`/?org=${encodeURIComponent('北九州市')}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`href="/projects/asean-cities?org=${encodeURIComponent('北九州市')}&amp;fiscalYear=2021"`);
    expect(response.body).toContain('name="org" value="北九州市"');
    const missing = await app().inject('/?org=nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
  });
});

describe('the dashboard of a year whose previous year is published', () => {
  // Cycle 2022 published from the demo as it stands: nothing graded yet; cycle 2021 as the demo published it.
  const { app } = useDemoApp({ seed: (store) => publishYears(store, { years: [2022] }) });

  it('shows another fiscal year when asked, keeping the choice in the form, compared with the previous cycle', async () => {
    const response = await app().inject('/?fiscalYear=2022');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<option value="2022" selected="">');
    const comparison = tableByCaption(response.body.slice(response.body.indexOf('comparison-heading')), '事業評価別の行数');
    expect(comparison[0]!.slice(1, 3)).toEqual(['R3年度 (2021)', 'R4年度 (2022)']);
    expect(rowStarting(comparison, '大変順調').slice(1)).toEqual(['4', '0', '−4']);
    expect(rowStarting(comparison, '順調').slice(1)).toEqual([String(gradesOfRows(2021).get('順調')), '0', `−${gradesOfRows(2021).get('順調')}`]);
    expect(rowStarting(comparison, '未評価').slice(1)).toEqual(['0', '34', '+34']);
    const budget = tableByCaption(response.body, '予算額合計');
    expect(rowStarting(budget, 'R3年度 (2021)')).toEqual(['R3年度 (2021)', 'R5年度 (2023)', yen(budgetTotal(2023))]);
  });

  it('offers only the published years', async () => {
    const response = await app().inject('/');
    expect(response.body).toContain('<option value="2022">');
    expect(response.body).toContain('<option value="2021">');
    expect(response.body).not.toContain('<option value="2023">');
    expect((await app().inject('/?fiscalYear=2023')).statusCode).toBe(404);
  });
});
