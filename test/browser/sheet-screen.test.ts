// The PDCA sheet as a person sees it on a 1280 px screen, in Debian's Chromium: every column of
// a row in view without scrolling sideways, and the header still in view after scrolling down.
// What is painted is checked, not only where the boxes are: the screenshot is taken, and the
// point in the middle of the last column's header must belong to that header.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumGate, startBrowserSession, type BrowserSession } from './harness.js';

const VIEWPORT = { width: 1280, height: 900 };

/** Whether the middle of the element is in the viewport and is painted by the element itself. */
async function painted(page: Page, selector: string): Promise<{ box: { x: number; y: number; width: number; height: number }; onTop: boolean }> {
  return page.evaluate(
    ({ selector, width, height }) => {
      const element = document.querySelector(selector)!;
      const rect = element.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const inView = x >= 0 && x < width && y >= 0 && y < height;
      const hit = inView ? document.elementFromPoint(x, y) : null;
      return { box: { x: rect.left, y: rect.top, width: rect.width, height: rect.height }, onTop: hit !== null && element.contains(hit) };
    },
    { selector, ...VIEWPORT },
  );
}

describe.skipIf(!chromiumGate.available)(`the sheet on a 1280 px screen ${chromiumGate.label}`, () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = await (await session.context({ viewport: VIEWPORT })).newPage();
    const response = await page.goto('/sheet');
    expect(response?.status()).toBe(200);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  const lastHeader = 'table.pdca-sheet thead tr:first-child th:last-child';

  it('shows every column of a row without scrolling sideways', { timeout: 30_000 }, async () => {
    expect(await page.textContent(lastHeader)).toContain('R5年度に向けて強化・見直した内容');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, region: document.querySelector('.sheet-scroll')!.scrollWidth - document.querySelector('.sheet-scroll')!.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(VIEWPORT.width);
    expect(widths.region).toBeLessThanOrEqual(0);
    const shot = await page.screenshot();
    expect(shot.length).toBeGreaterThan(10_000);
    const { box, onTop } = await painted(page, lastHeader);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(onTop, JSON.stringify(box)).toBe(true);
    // The last cell of the first row (its bureau's improvement text) is in view too.
    const lastCell = await page.evaluate(() => {
      const row = document.querySelector('table.pdca-sheet tbody tr.row-start')!;
      const rect = row.lastElementChild!.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    });
    expect(lastCell.left).toBeGreaterThan(0);
    expect(lastCell.right).toBeLessThanOrEqual(VIEWPORT.width);
  });

  it('keeps the header in view after scrolling down', { timeout: 30_000 }, async () => {
    await page.evaluate(() => window.scrollTo(0, 4000));
    await page.waitForFunction(() => window.scrollY >= 4000);
    await page.screenshot();
    const { box, onTop } = await painted(page, lastHeader);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThan(VIEWPORT.height / 2);
    expect(onTop, JSON.stringify(box)).toBe(true);
    const firstHeader = await painted(page, 'table.pdca-sheet thead tr:first-child th:first-child');
    expect(firstHeader.onTop).toBe(true);
  });
});
