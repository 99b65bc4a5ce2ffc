// `?format=pdf` on any page: the page's print view printed by Chromium (src/http/print.ts).
// Printing is expensive, so one PDF is made at a time per app instance and a short queue
// waits; beyond it the answer is 503 with Retry-After rather than an overloaded machine.
import type { FastifyInstance } from 'fastify';
import { ChromiumMissingError } from '../../print/chromium.js';
import { ServiceError } from '../../services/errors.js';
import { keepBrowser, printToPdf } from '../print.js';
import { NOT_FOUND_ROUTE } from './error-page.js';

const MAX_WAITING = 4;
let running: Promise<unknown> = Promise.resolve();
let waiting = 0;

function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = running.then(work, work);
  running = next.catch(() => undefined);
  return next;
}

/** The URL without its `format` parameter: the page to print. */
export function printedPath(url: string): string {
  const parsed = new URL(url, 'http://hyoka.invalid');
  parsed.searchParams.delete('format');
  return parsed.pathname + parsed.search;
}

export function registerPdf(app: FastifyInstance): void {
  keepBrowser(app);
  app.addHook('onRequest', async (request, reply) => {
    const format = (request.query as { format?: unknown } | undefined)?.format;
    // A path that is no page is answered as such, without starting Chromium for it.
    if (format !== 'pdf' || request.method !== 'GET' || request.url.startsWith('/assets/') || request.routeOptions.url === NOT_FOUND_ROUTE) return;
    if (waiting >= MAX_WAITING) {
      throw new ServiceError('unavailable', 'PDF作成が混み合っています。しばらくしてから再度お試しください / Too many PDFs being made: try again shortly', [], { retryAfter: 10 });
    }
    waiting += 1;
    let pdf: Buffer;
    try {
      pdf = await serialized(() => printToPdf(app, printedPath(request.url)));
    } catch (error) {
      if (error instanceof ChromiumMissingError) throw new ServiceError('unavailable', error.message);
      throw error;
    } finally {
      waiting -= 1;
    }
    const name = (printedPath(request.url).split('?')[0] ?? 'page').replace(/^\/+/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'dashboard';
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="hyoka-${name}.pdf"`)
      .send(pdf);
  });
}
