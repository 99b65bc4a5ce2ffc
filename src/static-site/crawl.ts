// Copies a site as files by following its links from a first page: every page, stylesheet,
// font and download a reader can reach, each written where site-paths.ts places it; then the
// links of every page and stylesheet are made relative to the file they sit in. Pages are
// read as served (a fetch that answers like the app), so the copy looks exactly like the site.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cssLinks, fragmentOf, htmlLinks, isSiteLink, rewriteCss, rewriteHtml } from './links.js';
import { dispositionName, normalizedUrl, relativeLink, sitePath } from './site-paths.js';

export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

/** GET of a site URL ("/sheet?bureau=…"), answered as to an anonymous reader. */
export type SiteFetch = (url: string) => Promise<Fetched>;

/** One organization's part of the copy. */
export interface Scope {
  /** Its folder in the copy ("" or "kitakyushu/"). */
  folder: string;
  /** ?org= to add to every request (when the database holds several organizations). */
  org?: string;
}

export interface CrawlOptions {
  root: string;
  fetch: SiteFetch;
  /** Follow the links to ?format=pdf (each page printed by Chromium: slow). */
  pdf: boolean;
  /** Pages copied with their <main> replaced: a dynamic page (search) that a static copy cannot answer. */
  replaceMain?: Record<string, string>;
  onFile?: (written: { files: number; bytes: number }) => void;
}

/** A link the app answered with an error: left out of the copy. */
export interface LeftOut {
  url: string;
  status: number;
}

interface Entry {
  file: string;
  kind: 'html' | 'css' | 'other';
  scope: Scope;
  replaceMain?: string;
}

/** Links a copy leaves out: data that is dynamic by nature. */
function followed(url: URL, pdf: boolean): boolean {
  return pdf || url.searchParams.get('format') !== 'pdf';
}

/** Assets are shared by every organization of the copy; everything else is one organization's. */
function keyOf(link: string, scope: Scope): { key: string; url: URL; shared: boolean } {
  const url = normalizedUrl(link);
  if (url.pathname === '/search') url.search = '';
  const shared = url.pathname.startsWith('/assets/');
  return { key: `${shared ? '' : scope.folder}|${url.pathname}${url.search}`, url, shared };
}

function header(fetched: Fetched, name: string): string | undefined {
  const value = fetched.headers[name];
  return value === undefined ? undefined : String(value);
}

export class SiteCrawl {
  private readonly entries = new Map<string, Entry | null>();
  private readonly files = new Set<string>();
  private readonly queue: { key: string; url: URL; scope: Scope; shared: boolean }[] = [];
  readonly leftOut: LeftOut[] = [];
  filesWritten = 0;
  bytesWritten = 0;

  constructor(private readonly options: CrawlOptions) {}

  /** Copies everything reachable from `start` in the organization of `scope`; returns the first page's file. */
  async copy(start: string, scope: Scope): Promise<string | undefined> {
    const first = this.enqueue(start, scope);
    await this.drain();
    return first === undefined ? undefined : this.entries.get(first)?.file;
  }

  /** Makes every copied page's and stylesheet's links relative: after every copy(). */
  async relink(): Promise<void> {
    for (const entry of this.entries.values()) {
      if (!entry || entry.kind === 'other') continue;
      const file = path.join(this.options.root, entry.file);
      const text = await readFile(file, 'utf8');
      const relink = (link: string) => this.linkFrom(entry, link);
      const own = entry.replaceMain === undefined ? text : replaceMain(text, entry.replaceMain);
      const out = entry.kind === 'css' ? rewriteCss(own, relink) : rewriteHtml(own, relink);
      await writeFile(file, out);
      this.bytesWritten += Buffer.byteLength(out) - Buffer.byteLength(text);
    }
  }

  /** Writes a file of the copy's own (an index of organizations). */
  async writeOwn(file: string, text: string): Promise<void> {
    this.files.add(file);
    await this.write(file, Buffer.from(text));
  }

  /** The file a link leads to, relative to the copy's root, if the copy holds it. */
  fileOf(link: string, scope: Scope): string | undefined {
    return this.entries.get(keyOf(link, scope).key)?.file;
  }

  private linkFrom(entry: Entry, link: string): string | null {
    const target = this.fileOf(link, entry.scope);
    return target === undefined ? null : relativeLink(entry.file, target, fragmentOf(link));
  }

  private enqueue(link: string, scope: Scope): string | undefined {
    const { key, url, shared } = keyOf(link, scope);
    if (!followed(url, this.options.pdf)) return undefined;
    if (!this.entries.has(key)) {
      this.entries.set(key, null);
      this.queue.push({ key, url, scope, shared });
    }
    return key;
  }

  private async drain(): Promise<void> {
    // Two at a time: rendering is one core's work, but the writes overlap it; and the app's
    // limiter (http/limiter.ts) runs two expensive requests at once, so none ever waits there.
    const worker = async () => {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.fetchOne(next);
    };
    await Promise.all([worker(), worker()]);
  }

  private async fetchOne({ key, url, scope, shared }: { key: string; url: URL; scope: Scope; shared: boolean }): Promise<void> {
    const request = new URL(url);
    if (scope.org !== undefined && !shared) request.searchParams.set('org', scope.org);
    const fetched = await this.options.fetch(request.pathname + request.search);
    if (fetched.status !== 200) {
      this.leftOut.push({ url: request.pathname + request.search, status: fetched.status });
      return;
    }
    const contentType = header(fetched, 'content-type') ?? 'application/octet-stream';
    const fileName = dispositionName(header(fetched, 'content-disposition'));
    const answer = { contentType, ...(fileName !== undefined && { fileName }) };
    const folder = shared ? '' : scope.folder;
    let file = folder + sitePath(url.href, answer);
    if (this.files.has(file)) file = folder + sitePath(url.href, answer, true);
    if (this.files.has(file)) throw new Error(`two URLs for one file: ${file}`);
    this.files.add(file);
    const kind = contentType.startsWith('text/html') ? 'html' : contentType.startsWith('text/css') ? 'css' : 'other';
    const replace = this.options.replaceMain?.[url.pathname];
    this.entries.set(key, { file, kind, scope, ...(kind === 'html' && replace !== undefined && { replaceMain: replace }) });
    await this.write(file, fetched.body);
    if (kind === 'other' || replace !== undefined) return;
    const text = fetched.body.toString('utf8');
    for (const found of kind === 'css' ? cssLinks(text) : htmlLinks(text)) {
      if (isSiteLink(found.link)) this.enqueue(found.link, scope);
    }
  }

  private async write(file: string, body: Buffer): Promise<void> {
    const target = path.join(this.options.root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, body);
    this.filesWritten += 1;
    this.bytesWritten += body.length;
    this.options.onFile?.({ files: this.filesWritten, bytes: this.bytesWritten });
  }
}

/** The page with the content of its <main> replaced (the header, navigation and footer kept). */
export function replaceMain(html: string, content: string): string {
  const open = /<main\b[^>]*>/.exec(html);
  const close = html.lastIndexOf('</main>');
  if (!open || close < open.index) return html;
  const start = open.index + open[0].length;
  return html.slice(0, start) + content + html.slice(close);
}
