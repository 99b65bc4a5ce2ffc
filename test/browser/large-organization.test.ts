// A generated organization of 200 projects in eight bureaus, as a person sees it in Debian's
// Chromium at 1280 px: the dashboard stays a page long (the worst rows needing attention, their
// count, a link to them all), the sheet is bound by bureau under headings, and the pages that
// list them (the sheet's pages, /attention) pass axe as the demo's pages do.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocument } from '../../src/interchange/generate.js';
import { requirePackage } from '../requires.js';
import { chromiumGate, startBrowserSession, type BrowserSession } from './harness.js';

const popplerGate = requirePackage('poppler-utils');
const run = promisify(execFile);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const q = encodeURIComponent;

describe.skipIf(!chromiumGate.available)(`200 generated projects in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession({ document: generateDocument({ projects: 200, seed: 1 }) });
    page = await (await session.context({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  async function visit(url: string): Promise<void> {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
  }

  async function axeViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.passes.length).toBeGreaterThan(10);
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
  }

  it('keeps the dashboard a page long: the ten worst rows needing attention, their count and a link to all', { timeout: 60_000 }, async () => {
    await visit('/');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(12_000);
    const attention = page.locator('table.attention');
    expect(await attention.locator('tbody tr').count()).toBe(10);
    const caption = await attention.locator('caption').innerText();
    const total = Number(/要注意の行 ([\d,]+)件のうち上位10件/.exec(caption)?.[1]?.replaceAll(',', ''));
    expect(total).toBeGreaterThan(100);
    await page.getByRole('link', { name: new RegExp(`要注意の行をすべて見る（${total.toLocaleString('en-US')}件）`) }).click();
    await page.waitForURL(/\/attention\?/);
    expect(await page.locator('table.attention tbody tr').count()).toBe(100);
    expect(await page.getByRole('status').innerText()).toContain(`${total.toLocaleString('en-US')}件中 1〜100件目`);
    expect(await axeViolations()).toEqual([]);
  });

  it('narrows the dashboard to one bureau from its form', { timeout: 60_000 }, async () => {
    await visit('/');
    await page.getByLabel(/^局/).selectOption('環境局');
    await page.getByRole('button', { name: /絞り込む/ }).click();
    await page.waitForURL(/bureau=/);
    expect(await page.getByRole('heading', { level: 2, name: /の評価（環境局）/ }).count()).toBe(1);
    const bureaus = await page.locator('table', { has: page.locator('caption', { hasText: '局別予算額' }) }).locator('tbody th').allInnerTexts();
    expect(bureaus).toEqual(['環境局']);
  });

  it('binds the sheet by bureau, each under its heading with its rows from No. 1', { timeout: 90_000 }, async () => {
    await visit('/sheet');
    const headings = await page.locator('section.sheet-bureau > h2').allInnerTexts();
    expect(headings.length).toBeGreaterThan(1);
    for (const [index, section] of (await page.locator('section.sheet-bureau').all()).entries()) {
      const nos = await section.locator('table.pdca-sheet tbody th.number[scope="row"]').allInnerTexts();
      if (index < headings.length - 1) expect(nos[0], headings[index]).toBe('1');
      expect(new Set(nos).size, headings[index]).toBe(nos.length);
    }
    expect(await page.getByRole('navigation', { name: /PDCAシートのページ/ }).getByRole('link', { name: /次へ/ }).count()).toBe(1);
    // One bureau's sheet, as the index links it: still every column in view at 1280 px.
    await page.getByRole('navigation', { name: '局 / Bureaus' }).getByRole('link', { name: '環境局' }).click();
    await page.waitForURL(new RegExp(`bureau=${q('環境局')}`));
    expect(await page.locator('section.sheet-bureau > h2').allInnerTexts()).toEqual([expect.stringContaining('環境局')]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(await axeViolations()).toEqual([]);
  });

  it.skipIf(!popplerGate.available)(`prints the page's bureaus each from a new A3 page ${popplerGate.label}`, { timeout: 90_000 }, async () => {
    const response = await session.site.app.inject('/sheet?format=pdf');
    expect(response.statusCode).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'hyoka-large-pdf-'));
    try {
      const file = path.join(dir, 'sheet.pdf');
      writeFileSync(file, response.rawPayload);
      const pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [file])).stdout)?.[1]);
      const starts: number[] = [];
      for (let page = 1; page <= pages; page += 1) {
        const text = (await run('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])).stdout.replace(/\s+/g, '');
        if (/PDCAシート[^（]*局（/.test(text)) starts.push(page);
      }
      const json = (await session.site.app.inject('/sheet?format=json')).json() as { rows: { bureau: string }[] };
      const bureaus = new Set(json.rows.map((row) => row.bureau)).size;
      expect(bureaus).toBeGreaterThan(1);
      // Each bureau's caption opens a page of its own: as many starting pages as bureaus, the first on page 1.
      expect(starts).toHaveLength(bureaus);
      expect(starts[0]).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
