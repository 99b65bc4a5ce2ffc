// A reader's walk through the demo city in Debian's Chromium, by clicking links and submitting
// forms: dashboard → policy → project → sheet (filtered) → search; at each step, what the page
// shows is checked against the demo document.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountOf, demo, EVALUATED_YEAR, project, rowEvaluation, rowNumbers, rowsGraded, yen } from './demo-facts.js';
import { chromiumGate, hasPage, startBrowserSession, type BrowserSession } from './harness.js';

const POLICY = 'II-3-(3)-①';
const PROJECT = project('tabunka'); // 多文化共生の推進, sheet row No. 5
const INDICATOR = PROJECT.indicators!.find((i) => i.key === 'ninchido')!;

/** The texts of a table's body rows, cell by cell (th and td), whitespace collapsed. */
function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

function tableCaptioned(page: Page, caption: string | RegExp): Locator {
  return page.locator('table', { has: page.locator('caption', { hasText: caption }) });
}

function siteLink(page: Page, name: RegExp): Locator {
  return page.getByRole('navigation', { name: 'サイト内 / Site' }).getByRole('link', { name });
}

/** The sheet's row numbers (No.) as the table shows them. */
function sheetRowNumbers(page: Page): Promise<number[]> {
  return page.locator('table.pdca-sheet tbody th.number[scope="row"]').evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)));
}

describe.skipIf(!chromiumGate.available)(`a reader's walk in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = await (await session.context({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the dashboard shows the evaluated year at a glance', async () => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toContain('ダッシュボード');
    const figures = await page.locator('dl.summary-figures > div').evaluateAll((items) =>
      items.map((item): [string, string] => [item.querySelector('dt')?.textContent ?? '', item.querySelector('dd')?.textContent ?? '']),
    );
    const figure = (label: string) => figures.find(([dt]) => dt.includes(label))?.[1];
    expect(figure('行数')).toBe(String(rowNumbers().length));
    expect(figure('事業数')).toBe(String(demo.projects.length));
    const budget = demo.projects.reduce((sum, p) => sum + (amountOf(p.budgets, EVALUATED_YEAR + 2) ?? 0), 0);
    expect(figure('予算額')).toBe(`${yen(budget)} 千円`);
    const byGrade = Object.fromEntries((await tableRows(page.locator('section[aria-labelledby="grades-heading"] table'))).map(([grade, rows]) => [grade, Number(rows)]));
    for (const grade of ['大変順調', '順調', 'やや遅れ', '遅れ']) expect(byGrade[grade], grade).toBe(rowsGraded(grade).length);
  });

  it('follows the navigation to the policy tree, and a policy to its page', async () => {
    await siteLink(page, /^施策/).click();
    await page.waitForURL(/\/policies(\?|$)/);
    expect(await page.locator('h1').innerText()).toContain('施策');
    const title = demo.policies.find((p) => p.code === POLICY)!.title;
    await page.getByRole('link', { name: `${POLICY} ${title}` }).click();
    await page.waitForURL(/\/policies\/II-3-/);
    expect(await page.locator('h1').innerText()).toContain(`施策 ${POLICY}`);
    expect(await page.locator('.policy-title').innerText()).toBe(title);
    const evaluation = demo.policyEvaluations!.find((e) => e.policy === POLICY && e.fiscalYear === EVALUATED_YEAR)!;
    expect(await page.locator('.policy-evaluation h3').first().innerText()).toBe(`${evaluation.bureau}: ${evaluation.grade}`);
    const rows = await tableRows(tableCaptioned(page, `${POLICY} の行`));
    const expected = rowEvaluation(5)!;
    expect(rows).toEqual([['5', PROJECT.name, PROJECT.division, expected.grade, expect.any(String), expected.course]]);
  });

  it('opens the project as a PDCA page: budgets, indicator, grade', async () => {
    await page.getByRole('link', { name: PROJECT.name, exact: true }).click();
    await page.waitForURL(/\/projects\/tabunka/);
    expect(await page.locator('h1').innerText()).toMatch(new RegExp(`^${PROJECT.name}`));
    expect(await page.locator('.project-owner').innerText()).toContain(`${PROJECT.bureau} ${PROJECT.division}`);

    // Do: budgets by year, the personnel cost and the total where both are known.
    const costs = await tableRows(tableCaptioned(page, '年度別の事業費'));
    const [previous, current] = [EVALUATED_YEAR + 1, EVALUATED_YEAR + 2].map((year) => amountOf(PROJECT.budgets, year)!);
    const personnel = amountOf(PROJECT.personnelCosts, EVALUATED_YEAR + 2)!;
    expect(costs).toEqual([
      [`R4年度 (${EVALUATED_YEAR + 1})`, yen(previous!), '—', '—', '—'],
      [`R5年度 (${EVALUATED_YEAR + 2})`, yen(current!), '維持', yen(personnel), yen(current! + personnel)],
    ]);

    // Check: the indicator's target, actual and rate (達成率 = actual ÷ target, one decimal).
    const period = INDICATOR.periods!.find((p) => p.fiscalYear === EVALUATED_YEAR)!;
    const [target, actual] = [period.target as number, period.actual as number];
    const rate = `${(Math.round((actual / target) * 1000) / 10).toFixed(1)}%`;
    expect(rate).toBe('110.9%');
    const indicator = page.locator('article.indicator', { has: page.locator('h3', { hasText: INDICATOR.name }) });
    const periods = await tableRows(indicator.locator('table'));
    expect(periods[0]?.slice(0, 5)).toEqual([`R3年度 (${EVALUATED_YEAR})`, `${target.toFixed(1)}%`, `${actual.toFixed(1)}%`, rate, '達成 yes']);
    expect(await indicator.locator('[role="img"]').getAttribute('aria-label')).toContain(INDICATOR.name);

    // Action: the grade and course of the year.
    const action = page.locator('section[aria-labelledby="action"]');
    expect(await action.locator('dd').first().innerText()).toContain(rowEvaluation(5)!.grade!);
    expect(await action.innerText()).toContain(rowEvaluation(5)!.course!);
  });

  it('shows the PDCA sheet, and narrows it with the filter form', async () => {
    await siteLink(page, /^PDCAシート/).click();
    await page.waitForURL(/\/sheet$/);
    expect(await page.locator('table.pdca-sheet caption').innerText()).toContain(`PDCAシート 企画調整局（${rowNumbers().length}行）`);
    expect(await sheetRowNumbers(page)).toEqual(rowNumbers());

    // No. 5's rate, found through the headers its cell names (row, indicator, year, line).
    const rateCell = await page.evaluate(() => {
      const no = [...document.querySelectorAll('table.pdca-sheet th.number[scope="row"]')].find((th) => th.textContent === '5');
      const cells = [...document.querySelectorAll('table.pdca-sheet td[headers]')].filter((td) => {
        const headers = td.getAttribute('headers')!.split(' ');
        return headers.includes(no!.id) && headers.includes('h-period-0') && headers.some((id) => id.endsWith('-rate'));
      });
      return cells.map((td) => td.textContent);
    });
    expect(rateCell[0]).toBe('110.9%');

    await page.getByLabel(/事業評価/).selectOption('遅れ');
    await page.getByRole('button', { name: /絞り込む/ }).click();
    await page.waitForURL(/grade=/);
    expect(new URL(page.url()).searchParams.get('grade')).toBe('遅れ');
    const late = rowsGraded('遅れ');
    expect(await sheetRowNumbers(page)).toEqual(late);
    expect(await page.locator('table.pdca-sheet caption').innerText()).toContain(`${late.length}行、絞り込み: 遅れ`);
    // The form keeps the choice, and the data links carry it.
    expect(await page.getByLabel(/事業評価/).inputValue()).toBe('遅れ');
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toContain('grade=');
  });

  it('searches from the form and marks the matches', async (context) => {
    if (!hasPage(session.site.app, '/search')) context.skip();
    await siteLink(page, /^検索/).click();
    await page.waitForURL(/\/search/);
    await page.getByRole('searchbox').fill('多文化共生');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/q=/);
    const hits = page.locator('ol.search-results > li');
    expect(await hits.count()).toBeGreaterThan(0);
    expect(await page.getByRole('status').innerText()).toMatch(new RegExp(`^${await hits.count()}件`));
    // Every hit shows where it matched, highlighted.
    const marks = await hits.evaluateAll((items) => items.map((li) => [...li.querySelectorAll('mark')].map((mark) => mark.textContent)));
    for (const itemMarks of marks) expect(itemMarks).toContain('多文化共生');
    // The project named after the words is among the hits, and its link leads to it.
    await hits.getByRole('link', { name: PROJECT.name, exact: true }).first().click();
    await page.waitForURL(/\/projects\/tabunka/);
    expect(await page.locator('h1').innerText()).toMatch(new RegExp(`^${PROJECT.name}`));

    // A two-character word is found too.
    await siteLink(page, /^検索/).click();
    await page.waitForURL(/\/search$/);
    await page.getByRole('searchbox').fill('大学');
    await page.getByRole('button', { name: /絞り込む/ }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('ol.search-results mark').first().innerText()).toBe('大学');
    const university = project('kitakyushu-univ');
    expect(await page.locator('ol.search-results > li h2').allInnerTexts()).toContain(university.name);
  });
});
