// The browser tests' shared setup: the app on a real SQLite file holding the demo data
// (the seed sheet, curated), listening on a free port of 127.0.0.1, and one Debian Chromium
// per test file. Every browser test is gated by `chromiumGate` so that without Chromium it is
// reported as skipped with the package it needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.js';
import { launchChromium, type LaunchedBrowser } from '../../src/print/chromium.js';
import type { HyokaDocument } from '../../src/domain/model.js';
import { loadDemoIfEmpty } from '../../src/services/demo.js';
import { importPublished } from '../publish.js';
import { openStore, type Store } from '../../src/store/index.js';
import { requirePackage } from '../requires.js';
import { testContext } from '../../src/services/test-context.js';

export const chromiumGate = requirePackage('chromium');

export interface DemoSite {
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  store: Store;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** Another organization instead of the demo (a generated one, to see a large sheet). */
  document?: HyokaDocument;
}

/** The app with the demo data (or the document given), on a fresh SQLite file, listening on a free port. */
export async function startDemoSite(options: SiteOptions = {}): Promise<DemoSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hyoka-browser-'));
  const store = await openStore({ sqlitePath: path.join(dir, 'hyoka.sqlite') });
  try {
    // The document published, as the demo is: the browser reads as an anonymous visitor.
    if (options.document) await importPublished(store, options.document);
    else if ((await loadDemoIfEmpty(testContext(store))) === null) throw new Error('the fresh database already held an organization');
    const app = await buildApp({ store });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      app,
      origin: address.replace(/\/$/, ''),
      store,
      close: async () => {
        await app.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface BrowserSession {
  site: DemoSite;
  browser: Browser;
  /** A new context (Japanese locale, the site as base URL); closed with the session. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The demo site and one Chromium: what a browser test file starts in beforeAll. */
export async function startBrowserSession(options: SiteOptions = {}): Promise<BrowserSession> {
  const site = await startDemoSite(options);
  let launched: LaunchedBrowser;
  try {
    launched = await launchChromium();
  } catch (error) {
    await site.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    site,
    browser: launched.browser,
    async context(options = {}) {
      const context = await launched.browser.newContext({ locale: 'ja-JP', baseURL: site.origin, ...options });
      // A missing element fails fast with the locator in the message, not at the test's timeout;
      // loading a page may take longer on a busy two-core machine.
      context.setDefaultTimeout(5_000);
      context.setDefaultNavigationTimeout(30_000);
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await launched.close();
      await site.close();
    },
  };
}

/** A new context's page signed in through /login, landed on `next` (the sign-in may be slow on a busy machine). */
export async function signedInPage(session: BrowserSession, login: string, password: string, next: string): Promise<Page> {
  const page = await (await session.context()).newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('ログイン名').fill(login);
  await page.getByLabel('パスワード').fill(password);
  await Promise.all([page.waitForURL(`**${next}`, { timeout: 60_000 }), page.getByRole('button', { name: 'サインイン' }).click({ timeout: 60_000 })]);
  return page;
}

/** Whether the app has a page (the search page may not be registered yet). */
export function hasPage(app: FastifyInstance, url: string): boolean {
  return app.hasRoute({ method: 'GET', url });
}
