// JIS X 8341-3:2016 AA (WCAG 2.1 AA) in Debian's Chromium: axe-core on every page, keyboard
// use (skip link, visible focus), the page language, reflow at 320 px and at 200% zoom, and
// form errors tied to their fields. One test per page (and width), each on its own page.
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undecidedContrastFailures } from './contrast.js';
import { chromiumGate, hasPage, startBrowserSession, type BrowserSession } from './harness.js';
import { PAGES, type PageCase } from './pages.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations as lines a reader can act on: rule, impact, help, and each node's target. */
function describeViolations(results: AxeResults): string {
  return results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n${nodes}${more}`;
    })
    .join('\n');
}

/** In the page: elements that scroll sideways but neither take focus nor hold anything that does. */
function unreachableScrollRegions(): string[] {
  const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  return [...document.querySelectorAll('body *')]
    .filter((element) => /auto|scroll/.test(getComputedStyle(element).overflowX) && element.scrollWidth > element.clientWidth)
    .filter((element) => !element.matches(focusable) && element.querySelector(focusable) === null)
    .map((element) => `${element.tagName.toLowerCase()}.${element.className} under "${element.closest('section')?.querySelector('h2, h3')?.textContent ?? ''}"`);
}

// One test per page and width, each on a page of its own, with time to spare on a busy
// two-core machine (axe on the PDCA sheet takes seconds there).
const PAGE_TIMEOUT = 90_000;
const WIDTHS = [
  ['320 px', { viewport: { width: 320, height: 640 } }],
  ['200% zoom of 1280 px', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
] as const;

describe.skipIf(!chromiumGate.available)(`accessibility in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function visit(target: Page, c: PageCase): Promise<void> {
    const response = await target.goto(c.url);
    expect(c.status, `${c.url} answered ${response?.status()}`).toContain(response?.status());
  }

  /** A page of its own for one test (1280 px unless told), closed after it. */
  async function withPage(use: (page: Page) => Promise<void>, options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }): Promise<void> {
    const context = await session.context(options);
    try {
      await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** Whether the page's route is registered (a page of another helper may not be yet). */
  const present = (c: PageCase) => c.route === undefined || hasPage(session.site.app, c.route);

  for (const c of PAGES) {
    it(`${c.name} (${c.url}): axe finds no WCAG 2.1 A/AA violation, and the language is Japanese`, async (context) => {
      if (!present(c)) context.skip();
      await withPage(async (page) => {
        await visit(page, c);
        expect(await page.getAttribute('html', 'lang'), c.url).toBe('ja');
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const report: string[] = [];
        if (results.violations.length > 0) report.push(describeViolations(results));
        for (const failure of await undecidedContrastFailures(page, results)) {
          report.push(`  color-contrast (measured here): ${failure.target} ${failure.color} on ${failure.background} = ${failure.ratio}:1 < ${failure.required}:1`);
        }
        expect(report.join('\n'), `axe violations on ${c.url}`).toBe('');
        // axe must have looked at something: a run that checks nothing would pass any page.
        expect(results.passes.length, c.url).toBeGreaterThan(10);
      });
    }, PAGE_TIMEOUT);
  }

  for (const [label, options] of WIDTHS) {
    for (const c of PAGES) {
      it(`${c.name} reflows at ${label}: no page-level horizontal scrolling, every region that scrolls reachable by keyboard`, async (context) => {
        if (!present(c)) context.skip();
        await withPage(async (page) => {
          await visit(page, c);
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          }));
          expect(scrollWidth, `${label} ${c.url}: scrollWidth ${scrollWidth} > ${clientWidth}`).toBeLessThanOrEqual(Math.min(clientWidth, options.viewport.width));
          // Tables that scroll in their own region at this width must be reachable by keyboard
          // (axe's scrollable-region-focusable, measured here: one axe run per page and width
          // would double the suite's time).
          expect((await page.evaluate(unreachableScrollRegions)).join('\n'), `${label} ${c.url}`).toBe('');
        }, options);
      }, PAGE_TIMEOUT);
    }
  }

  it('the first Tab focuses the skip link, and Enter moves focus to the main content', async () => {
    await withPage(async (page) => {
      await visit(page, PAGES[0]!);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const box = el?.getBoundingClientRect();
        return { className: el?.className, href: el?.getAttribute('href'), text: el?.textContent, top: box?.top ?? -1 };
      });
      expect(focused).toMatchObject({ className: 'skip-link', href: '#main' });
      expect(focused.text).toContain('本文へ移動');
      // Hidden until focused, then on screen.
      expect(focused.top).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab continues inside main, not back at the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    });
  });

  it('shows where the keyboard focus is', async () => {
    await withPage(async (page) => {
      await visit(page, PAGES[0]!);
      await page.keyboard.press('Tab'); // skip link
      await page.keyboard.press('Tab'); // the site name
      await page.keyboard.press('Tab'); // the first navigation link
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const computed = getComputedStyle(el);
        return { tag: el.tagName, href: el.getAttribute('href'), inNav: el.closest('nav') !== null, outlineStyle: computed.outlineStyle, outlineWidth: computed.outlineWidth };
      });
      expect(style).toMatchObject({ tag: 'A', href: '/', inNav: true });
      expect(style.outlineStyle).not.toBe('none');
      expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
    });
  });

  it('ties a form error to its field', async () => {
    await withPage(async (page) => {
      await visit(page, { name: 'sheet-invalid', url: '/sheet?fiscalYear=abc', status: [400] });
      const select = page.locator('select[name="fiscalYear"]');
      expect(await select.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await select.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      const message = page.locator(`[id="${describedBy}"]`);
      expect(await message.count()).toBe(1);
      expect(await message.textContent()).toContain('年度は西暦4桁で指定してください');
      // The accessible description a screen reader announces with the field.
      const description = await select.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      );
      expect(description).toContain('Give the fiscal year as four digits');
      // The field is also labelled.
      expect(await select.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent ?? '')).toContain('年度');
    });
  });
});
