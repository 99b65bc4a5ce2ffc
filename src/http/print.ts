// A page's print view as PDF: Debian's Chromium loads the page from this app in-process
// (every request it makes is answered by app.inject, so nothing listens on a port and the
// page renders exactly as a browser shows it), then prints it with the page's print CSS.
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { chromiumPath, launchChromium, type LaunchedBrowser } from '../print/chromium.js';
import { ServiceError } from '../services/errors.js';

/** The origin Chromium sees; requests to any other host are refused. */
const ORIGIN = 'http://hyoka.print';

export interface PrintOptions {
  /** Default: the page's own @page size (the sheet asks for A3 landscape), else A4. */
  format?: 'A3' | 'A4';
  landscape?: boolean;
}

const FOOTER = `<div style="font-family:'Noto Sans JP',sans-serif;font-size:8px;width:100%;text-align:center;color:#333;">
<span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/** How long a kept browser outlives its last PDF. */
const KEPT_IDLE_MS = 30_000;

/**
 * One Chromium for the PDFs of an app, launched at the first and closed when none has been
 * asked for a while, or with the app: a static publication with PDFs prints every page, and
 * a launch costs about a second. Each PDF still gets a fresh browser context of its own.
 */
class KeptBrowser {
  private launched: Promise<LaunchedBrowser> | undefined;
  /** The binary it was launched from: another (or none) now means Chromium was replaced or removed. */
  private binary: string | undefined;
  private users = 0;
  private idle: NodeJS.Timeout | undefined;

  async use<T>(print: (launched: LaunchedBrowser) => Promise<T>): Promise<T> {
    clearTimeout(this.idle);
    this.users += 1;
    try {
      const binary = chromiumPath();
      if (this.launched && binary !== this.binary) void this.close();
      this.binary = binary;
      const current = (this.launched ??= launchChromium());
      const launched = await current.catch((error: unknown) => {
        if (this.launched === current) this.launched = undefined;
        throw error;
      });
      if (!launched.browser.isConnected()) {
        if (this.launched === current) this.launched = undefined;
        return await this.use(print);
      }
      return await print(launched);
    } finally {
      this.users -= 1;
      if (this.users === 0) this.idle = setTimeout(() => void this.close(), KEPT_IDLE_MS).unref();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const launched = this.launched;
    this.launched = undefined;
    await launched?.then((l) => l.close()).catch(() => undefined);
  }
}

const kept = new WeakMap<FastifyInstance, KeptBrowser>();

/** From now on the app's PDFs share one browser (see KeptBrowser), closed with the app. */
export function keepBrowser(app: FastifyInstance): void {
  const browser = new KeptBrowser();
  kept.set(app, browser);
  app.addHook('onClose', () => browser.close());
}

/** `path`: the page with its query, e.g. `/sheet?bureau=企画調整局`. */
export async function printToPdf(app: FastifyInstance, path: string, options: PrintOptions = {}): Promise<Buffer> {
  const browser = kept.get(app);
  if (browser) return browser.use((launched) => printWith(app, launched, path, options, false));
  return printWith(app, await launchChromium(), path, options, true);
}

async function printWith(app: FastifyInstance, launched: LaunchedBrowser, path: string, options: PrintOptions, closeAfter: boolean): Promise<Buffer> {
  let context: BrowserContext | undefined;
  try {
    context = await launched.browser.newContext({ locale: 'ja-JP' });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN || route.request().method() !== 'GET') return route.abort();
      const response = await app.inject({ method: 'GET', url: url.pathname + url.search });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      return route.fulfill({ status: response.statusCode, headers, body: response.rawPayload });
    });
    const page = await context.newPage();
    const response = await page.goto(ORIGIN + path, { waitUntil: 'networkidle' });
    if (!response || response.status() >= 400) {
      // The page's own status (404 for a missing project; 503 with its Retry-After for a busy or
      // unreachable database), so the PDF request answers as the page would. The page's own
      // failure is in the log under its request id.
      const status = response?.status() ?? 500;
      const message = `ページを表示できません / Cannot render ${path}: HTTP ${response?.status() ?? 'no response'}`;
      if (status === 503) {
        const retryAfter = Number(response?.headers()['retry-after']);
        throw new ServiceError('unavailable', message, [], Number.isInteger(retryAfter) ? { retryAfter } : {});
      }
      throw Object.assign(new Error(message), { statusCode: status });
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      printBackground: true,
      preferCSSPageSize: options.format === undefined,
      ...(options.format !== undefined && { format: options.format, landscape: options.landscape ?? false }),
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: { top: '10mm', bottom: '12mm', left: '8mm', right: '8mm' },
    });
  } finally {
    if (closeAfter) await launched.close();
    else await context?.close().catch(() => undefined);
  }
}
