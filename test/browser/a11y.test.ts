// JIS X 8341-3:2016 AA (WCAG 2.1 AA) in Debian's Chromium: axe-core on every page, keyboard
// use (skip link, visible focus), the page language, reflow at 320 px and at 200% zoom, and
// form errors tied to their fields.
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
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

describe.skipIf(!chromiumGate.available)(`accessibility in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;
  let page: Page;
  let cases: PageCase[];

  beforeAll(async () => {
    session = await startBrowserSession();
    page = await (await session.context({ viewport: { width: 1280, height: 900 } })).newPage();
    cases = PAGES.filter((c) => c.route === undefined || hasPage(session.site.app, c.route));
  });

  afterAll(async () => {
    await session?.close();
  });

  async function visit(target: Page, c: PageCase): Promise<void> {
    const response = await target.goto(c.url);
    expect(c.status, `${c.url} answered ${response?.status()}`).toContain(response?.status());
  }

  it('every page: axe finds no WCAG 2.1 A/AA violation, and the language is Japanese', async () => {
    const report: string[] = [];
    for (const c of cases) {
      await visit(page, c);
      expect(await page.getAttribute('html', 'lang'), c.url).toBe('ja');
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      if (results.violations.length > 0) report.push(`${c.name} ${c.url}\n${describeViolations(results)}`);
      for (const failure of await undecidedContrastFailures(page, results)) {
        report.push(`${c.name} ${c.url}\n  color-contrast (measured here): ${failure.target} ${failure.color} on ${failure.background} = ${failure.ratio}:1 < ${failure.required}:1`);
      }
      // axe must have looked at something: a run that checks nothing would pass any page.
      expect(results.passes.length, c.url).toBeGreaterThan(10);
    }
    expect(report.join('\n\n'), 'axe violations').toBe('');
  });

  it('the first Tab focuses the skip link, and Enter moves focus to the main content', async () => {
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

  it('shows where the keyboard focus is', async () => {
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

  it('reflows at 320 CSS px and at 200% zoom: no page-level horizontal scrolling', async () => {
    const overflowing: string[] = [];
    const unreachable: string[] = [];
    for (const [label, options] of [
      ['320 px', { viewport: { width: 320, height: 640 } }],
      ['200% zoom of 1280 px', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
    ] as const) {
      const narrow = await (await session.context(options)).newPage();
      for (const c of cases) {
        await visit(narrow, c);
        const { scrollWidth, clientWidth } = await narrow.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > options.viewport.width || scrollWidth > clientWidth) {
          overflowing.push(`${label} ${c.url}: scrollWidth ${scrollWidth} > ${clientWidth}`);
        }
        // Tables that scroll in their own region at this width must be reachable by keyboard
        // (axe's scrollable-region-focusable, measured here: one axe run per page and width
        // would double the suite's time).
        for (const region of await narrow.evaluate(unreachableScrollRegions)) unreachable.push(`${label} ${c.url}: ${region}`);
      }
    }
    expect(overflowing).toEqual([]);
    expect(unreachable.join('\n\n')).toBe('');
  });

  it('ties a form error to its field', async () => {
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
