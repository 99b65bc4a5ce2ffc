// A static publication opened from file:// in Chromium: the stylesheets apply, every link on
// the page names a file of the copy, and the navigation leads from page to page.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectFetch } from '../../src/http/inject-fetch.js';
import { CLI, createContext } from '../../src/services/context.js';
import { publishStatic } from '../../src/services/static-publication.js';
import { chromiumGate, startBrowserSession, type BrowserSession } from './harness.js';

describe.skipIf(!chromiumGate.available)(`a static publication from file:// in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    session = await startBrowserSession();
    dir = mkdtempSync(path.join(tmpdir(), 'hyoka-static-file-'));
    await publishStatic(createContext(session.site.store, CLI), { dir, fetch: injectFetch(session.site.app) });
    page = await (await session.context({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies the site’s stylesheets to a project page', async () => {
    await page.goto(pathToFileURL(path.join(dir, 'projects/tabunka/index.html')).href);
    expect(await page.locator('h1').innerText()).toMatch(/^多文化共生の推進/);
    const style = await page.evaluate(() => {
      const header = getComputedStyle(document.querySelector('.site-header')!);
      const nav = getComputedStyle(document.querySelector('.site-nav')!);
      return { html: getComputedStyle(document.documentElement).fontFamily, border: header.borderBottomStyle, nav: nav.display };
    });
    expect(style).toEqual({ html: '"Noto Sans JP", sans-serif', border: 'solid', nav: 'flex' });
  });

  it('names a file of the copy in every link, and its navigation leads to the sheet and on to a project', async () => {
    const root = pathToFileURL(dir).href;
    const targets = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map((a) => a.href));
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) {
      expect(target.startsWith(`${root}/`), target).toBe(true);
      expect(existsSync(fileURLToPath(target.split('#')[0]!)), target).toBe(true);
    }
    await page.getByRole('navigation', { name: 'サイト内 / Site' }).getByRole('link', { name: /^PDCAシート/ }).click();
    await page.waitForURL(/\/sheet\/index\.html$/);
    expect(await page.locator('table.pdca-sheet caption').innerText()).toContain('PDCAシート');
    await page.locator('table.pdca-sheet a', { hasText: '多文化共生の推進' }).first().click();
    await page.waitForURL(/\/projects\/tabunka\/(?:[^/]+\/)?index\.html$/);
    expect(await page.locator('h1').innerText()).toMatch(/^多文化共生の推進/);
  });
});
