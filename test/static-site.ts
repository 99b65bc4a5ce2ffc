// A static copy of the site as a plain web server would host it (node:http, files only, under
// a path prefix), and a reader's walk over it following every link.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cssLinks, htmlLinks } from '../src/static-site/links.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  /** http://127.0.0.1:PORT/pub/x/ — the copy's root, with its trailing slash. */
  base: string;
  close(): Promise<void>;
}

/** Serves `dir` under `prefix` ("/pub/x/"): a file answers, anything else is 404 (no index, no rewrite). */
export async function serveStatic(dir: string, prefix: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.resolve(root, `.${pathname.slice(prefix.length - 1)}`);
    const inside = pathname.startsWith(prefix) && file.startsWith(`${root}${path.sep}`);
    const found = inside ? await stat(file).then((s) => s.isFile(), () => false) : false;
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Walk {
  /** Every URL reached (without fragment), relative to the base. */
  reached: Set<string>;
  /** "page → link (status)" for every link that did not answer 200 or left the copy. */
  broken: string[];
  /** "page → link" for every link to another host or scheme. */
  external: string[];
}

/** Follows every href, src, form action and CSS url() from `start`, breadth first. */
export async function walk(base: string, start = 'index.html'): Promise<Walk> {
  const result: Walk = { reached: new Set(), broken: [], external: [] };
  const queue: { url: string; from: string }[] = [{ url: new URL(start, base).href, from: '(start)' }];
  const seen = new Set([queue[0]!.url]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const response = await fetch(next.url);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      result.broken.push(`${next.from} → ${next.url} (${response.status})`);
      continue;
    }
    result.reached.add(next.url.slice(base.length));
    const type = response.headers.get('content-type') ?? '';
    const links = type.startsWith('text/html') ? htmlLinks(body.toString('utf8')) : type.startsWith('text/css') ? cssLinks(body.toString('utf8')) : [];
    for (const { link } of links) {
      if (link.startsWith('#') || link.startsWith('data:')) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) {
        result.external.push(`${next.url} → ${link}`);
        continue;
      }
      const target = new URL(link, next.url);
      target.hash = '';
      // A static server answers a file whatever the query: a link with one would hide a page it lacks.
      if (!target.href.startsWith(base) || target.search !== '') {
        result.broken.push(`${next.url} → ${link} (outside ${base}, or with a query)`);
        continue;
      }
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push({ url: target.href, from: next.url });
      }
    }
  }
  return result;
}
