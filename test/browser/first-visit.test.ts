// What a new reader sees in Debian's Chromium on a first visit, at 1280 and 390 px: the text in
// Noto Sans JP (digits and Latin letters included), a mistyped address answered by a page of
// the site, the SDG page on a phone, and a project's personnel costs as the sheet prints them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumGate, startBrowserSession, type BrowserSession } from './harness.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumGate.available)(`a first visit in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(url: string, viewport = DESKTOP): Promise<{ page: Page; status: number | undefined }> {
    const page = await (await session.context({ viewport })).newPage();
    const response = await page.goto(url);
    return { page, status: response?.status() };
  }

  it('draws digits and Latin letters in Noto Sans JP: every face the page uses loads', async () => {
    const { page } = await open('/sdgs');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const faces = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.family.replaceAll(/["']/g, '') === 'Noto Sans JP').map((face) => ({ range: face.unicodeRange, weight: face.weight, status: face.status })),
    );
    // The Latin subset (U+0000-00FF: digits, letters) was asked for by the page's text, and came.
    const latin = faces.filter((face) => face.range.startsWith('U+0-FF') || face.range.startsWith('U+0000-00FF'));
    expect(latin.length, JSON.stringify(faces.slice(0, 3))).toBeGreaterThan(0);
    expect(latin.filter((face) => face.weight === '400').map((face) => face.status)).toEqual(['loaded']);
    expect(faces.filter((face) => face.status === 'error')).toEqual([]);
  });

  it('answers a mistyped address with a page of the site, not JSON', async () => {
    const { page, status } = await open('/projcts/tabunka');
    expect(status).toBe(404);
    expect(await page.title()).toBe('ページが見つかりません | 北九州市 行政評価');
    expect(await page.locator('h1').innerText()).toContain('ページが見つかりません');
    expect(await page.getByRole('alert').innerText()).toContain('「/projcts/tabunka」というページはありません');
    // The site's navigation leads on.
    await page.getByRole('navigation', { name: 'サイト内 / Site' }).getByRole('link', { name: /^PDCAシート/ }).click();
    await page.waitForURL(/\/sheet$/);
    expect(await page.locator('h1').innerText()).toContain('PDCAシート');
  });

  it('names the organization on the page of an unknown project', async () => {
    const { page, status } = await open('/projects/no-such-project');
    expect(status).toBe(404);
    expect(await page.locator('.site-name').innerText()).toContain('北九州市 行政評価');
  });

  it('/sdgs on a phone: goal names wrap over a few lines, not one character per line', async () => {
    const { page } = await open('/sdgs', PHONE);
    const names = await page.locator('table.goals tbody th[scope="row"]').evaluateAll((cells) =>
      cells.map((cell) => {
        const style = getComputedStyle(cell);
        const lineHeight = parseFloat(style.lineHeight);
        const height = cell.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return { text: cell.textContent ?? '', lines: Math.round(height / lineHeight) };
      }),
    );
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => name.lines > 3)).toEqual([]);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  it('shows each row’s personnel cost as the sheet prints it, and their sum only labelled as the total', async () => {
    const { page } = await open('/projects/regional-administration');
    const table = page.locator('table', { has: page.locator('caption', { hasText: '年度別の事業費' }) });
    const cell = table.locator('tbody tr', { has: page.locator('th', { hasText: 'R5年度' }) }).locator('td').nth(2);
    expect(await cell.locator('li').allInnerTexts()).toEqual(['No. 32: 13,300', 'No. 34: 3,075', '合計 Total: 16,375']);
    // 16,375 appears nowhere on the page but beside its label.
    const text = await page.locator('main').innerText();
    expect(text.match(/16,375/g)).toHaveLength(1);
  });
});
