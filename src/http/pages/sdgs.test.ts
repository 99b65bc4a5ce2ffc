import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DEMO_DOCUMENT } from '../../services/demo.js';
import type { HyokaDocument } from '../../domain/model.js';
import type { SdgsView } from '../../services/views/sdgs.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { publishYears } from '../../../test/publish.js';

// Cycle 2020 published too (from the demo as it stands), so that its year can be read.
const { app } = useDemoApp({ seed: (store) => publishYears(store, { years: [2020] }) });

// The expected figures, counted straight from the demo file: a row's goals are its own or
// its project's; a project's R5 budget counts once under each goal of its rows.
const demo = JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8')) as HyokaDocument;
function expectedByGoal(budgetYear: number) {
  const goals = new Map<number, { rows: number; projects: Set<string>; budget: number }>();
  for (const project of demo.projects) {
    const budget = project.budgets?.find((b) => b.fiscalYear === budgetYear)?.amount ?? 0;
    for (const placement of project.placements) {
      for (const goal of placement.sdgs ?? project.sdgs ?? []) {
        const entry = goals.get(goal) ?? { rows: 0, projects: new Set<string>(), budget: 0 };
        entry.rows += 1;
        if (!entry.projects.has(project.key)) entry.budget += budget;
        entry.projects.add(project.key);
        goals.set(goal, entry);
      }
    }
  }
  return [...goals.entries()].sort(([a], [b]) => a - b);
}

describe('/sdgs', () => {
  it('answers JSON with the rows, projects and R5 budget of each goal', async () => {
    const view = (await app().inject('/sdgs?format=json')).json() as SdgsView & { organization: string };
    expect(view.fiscalYear).toBe(2021);
    expect(view.budgetYear).toBe(2023);
    expect(view.goals.map((g) => [g.goal, { rows: g.rows, projects: new Set(g.projects.map((p) => p.key)), budget: g.budget }])).toEqual(expectedByGoal(2023));
    const quality = view.goals.find((g) => g.goal === 4)!;
    expect(quality.rows).toBe(12);
    expect(quality.budget).toBe(3144000 + 140000 + 43921 + 24715 + 1837000);
    const total = demo.projects.reduce((sum, p) => sum + (p.budgets?.find((b) => b.fiscalYear === 2023)?.amount ?? 0), 0);
    expect(view.total).toEqual({ rows: 34, projects: 21, budget: total });
  });

  it('shows the chart as SVG, the table of the same numbers and says how budgets are counted', async () => {
    const html = (await app().inject('/sdgs')).body;
    expect(html).toContain('<svg');
    expect(html).toContain('それぞれのゴールに数える');
    for (const [goal, entry] of expectedByGoal(2023)) {
      const cells = new RegExp(`ゴール${goal} [^<]*</th><td class="number">${entry.rows}</td><td class="number">${entry.projects.size}</td><td class="number">${entry.budget.toLocaleString('en-US')}</td>`);
      expect(html).toMatch(cells);
    }
  });

  it('lists each goal’s projects, linking to their pages', async () => {
    const html = (await app().inject('/sdgs')).body;
    const goal5 = html.slice(html.indexOf('id="goal-5"'), html.indexOf('id="goal-7"'));
    expect(goal5).toContain('<a href="/projects/furusato-donation?fiscalYear=2021">');
    expect(goal5.match(/<li>/g)).toHaveLength(1);
    expect(html).toContain(`<a href="/projects/kitakyushu-univ?fiscalYear=2021">公立大学法人北九州市立大学運営事業</a>（総務課、No. 1・2・4、予算額 3,144,000千円）`);
  });

  it('keeps ?org= in its links and form, whichever of the two was rendered first (the body is cached per document)', async () => {
    const plain = (await app().inject('/sdgs')).body;
    const chosen = (await app().inject('/sdgs?org=401005')).body;
    expect(plain).toContain('<a href="/projects/furusato-donation?fiscalYear=2021">');
    expect(plain).not.toContain('org=401005');
    expect(chosen).toContain('<a href="/projects/furusato-donation?org=401005&amp;fiscalYear=2021">');
    expect(chosen).toContain('name="org" value="401005"');
    expect((await app().inject('/sdgs')).body).toBe(plain);
  });

  it('shows an unreadable year at its field (400), and answers its data with the problem', async () => {
    const page = await app().inject('/sdgs?fiscalYear=abc');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('id="filter-fiscalYear-error"');
    const json = await app().inject('/sdgs?fiscalYear=abc&format=json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.problems).toEqual([{ path: 'fiscalYear', message: expect.stringContaining('four digits') }]);
  });

  it('follows the fiscal year: the budget is that of two years later', async () => {
    const view = (await app().inject('/sdgs?fiscalYear=2020&format=json')).json() as SdgsView;
    expect(view.budgetYear).toBe(2022);
    expect(view.goals.find((g) => g.goal === 4)!.budget).toBe(2665000 + 140000 + 42803 + 24715 + 1110000);
    expect((await app().inject('/sdgs?fiscalYear=2020')).body).toContain('R4年度予算額');
  });

  it('answers CSV with one line per goal and project, and links it', async () => {
    const html = (await app().inject('/sdgs')).body;
    expect(html).toContain('href="/sdgs?format=csv"');
    const [header, ...lines] = parse((await app().inject('/sdgs?format=csv')).body.slice(1)) as string[][];
    expect(header![0]).toBe('ゴール');
    const expected = expectedByGoal(2023);
    expect(lines).toHaveLength(expected.reduce((n, [, e]) => n + e.projects.size, 0));
    expect(lines.find((line) => line[0] === '5')).toEqual(['5', 'ジェンダー平等を実現しよう', '1', '1', '1837000', 'furusato-donation', 'ふるさと寄附金促進事業', '企画課', '18', '1837000']);
  });
});
