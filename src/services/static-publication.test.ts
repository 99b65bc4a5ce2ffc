// hyoka publish --static: the copy served by a plain static server under a path prefix is
// walked link by link (none broken, none external, every file reached), and its pages equal
// the app's apart from their links — each of which leads where the served one does.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { injectFetch } from '../http/inject-fetch.js';
import { generateDocument } from '../interchange/generate.js';
import { htmlLinks } from '../static-site/links.js';
import { sitePath } from '../static-site/site-paths.js';
import { testStores, type TestStore } from '../store/test-stores.js';
import { serveStatic, walk, type StaticServer } from '../../test/static-site.js';
import { requirePackage } from '../../test/requires.js';
import { ANONYMOUS, CLI, createContext } from './context.js';
import { loadDemoIfEmpty } from './demo.js';
import { importValue } from './documents.js';
import { publishDecided } from './publications.js';
import { publishYears } from '../../test/publish.js';
import { publishStatic, type StaticPublication } from './static-publication.js';

const DEMO = '401005';
const OTHER = generateDocument({ projects: 12, seed: 7 });
const PREFIX = '/pub/x/';

/** A page with the values of its links taken out: what must be equal between copy and app. */
function withoutLinks(html: string): string {
  return html.replace(/\s(?:href|src|action)="[^"]*"/g, '');
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe.each(testStores())('a static publication of every organization, on $name', (factory) => {
  let store: TestStore;
  let app: FastifyInstance;
  let dir: string;
  let published: StaticPublication;
  let server: StaticServer;

  beforeAll(async () => {
    store = await factory.open();
    await loadDemoIfEmpty(createContext(store, CLI));
    await importValue(createContext(store, CLI), OTHER);
    await publishYears(store, { org: OTHER.organization.code! });
    app = await buildApp({ store });
    dir = mkdtempSync(path.join(tmpdir(), 'hyoka-static-'));
    published = await publishStatic(createContext(store, CLI), { dir, all: true, fetch: injectFetch(app) });
    server = await serveStatic(dir, PREFIX);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('walks every link from the index under a path prefix: none broken, none external, every file reached', async () => {
    expect(published.leftOut).toEqual([]);
    expect(published.organizations.map((o) => o.index)).toEqual([`${DEMO}/index.html`, `${OTHER.organization.code}/index.html`]);
    const walked = await walk(server.base);
    expect(walked.broken).toEqual([]);
    expect(walked.external).toEqual([]);
    const files = allFiles(dir);
    expect(files.length).toBe(published.files);
    expect([...walked.reached].sort()).toEqual(files.sort());
    // What a reader of the city needs is there: each sheet page, policy and project, their data, the open data.
    for (const file of ['sheet/index.html', 'sheet/index.json', 'policies/index.html', 'projects/tabunka/index.html', 'sdgs/index.html', 'changes/index.html', 'downloads/index.html', 'search/index.html']) {
      expect(files, file).toContain(`${DEMO}/${file}`);
    }
    expect(files.filter((file) => /^401005\/downloads\/files\/.*opendata-\d{4}\.zip$/.test(file)).length).toBeGreaterThan(0);
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(false);
  });

  it('pages equal the served ones apart from their links, and each link leads to what the served link answers', async () => {
    // The app's own links carry ?org= already (the database holds two organizations).
    const served = (url: string) => app.inject(url.includes('org=') ? url : `${url}${url.includes('?') ? '&' : '?'}org=${DEMO}`);
    const sample = ['/', '/sheet', '/policies', '/policies/II-3-%283%29-%E2%91%A0?fiscalYear=2021', '/projects/tabunka', '/sdgs', '/changes', '/downloads', '/attention?fiscalYear=2021'];
    const followed = new Set<string>();
    for (const url of sample) {
      const file = `${DEMO}/${sitePath(url, { contentType: 'text/html' })}`;
      const pageUrl = new URL(file, server.base);
      const copy = await (await fetch(pageUrl)).text();
      const original = (await served(url)).body;
      expect(withoutLinks(copy), url).toBe(withoutLinks(original));
      // The links in the same order; the copy leaves out only the PDFs (not published without --pdf).
      const originalLinks = htmlLinks(original).filter((l) => !l.link.includes('format=pdf'));
      const copyLinks = htmlLinks(copy);
      expect(copyLinks.length, url).toBe(originalLinks.length);
      for (const [i, { link }] of originalLinks.entries()) {
        if (!link.startsWith('/') || link.startsWith('/search') || followed.has(link)) continue;
        followed.add(link);
        const fromApp = await served(link.split('#')[0]!);
        const fromCopy = await fetch(new URL(copyLinks[i]!.link, pageUrl));
        expect(fromCopy.status, `${url} → ${link}`).toBe(200);
        const type = String(fromApp.headers['content-type']);
        const body = Buffer.from(await fromCopy.arrayBuffer());
        if (type.startsWith('text/html')) expect(withoutLinks(body.toString('utf8')), link).toBe(withoutLinks(fromApp.body));
        else if (type.startsWith('text/css')) expect(body.length, link).toBeGreaterThan(0);
        else if (/zip|spreadsheet|octet/.test(type)) expect(body.subarray(0, 2).toString('latin1'), link).toBe('PK');
        else expect(body.equals(fromApp.rawPayload), link).toBe(true);
      }
    }
    expect(followed.size).toBeGreaterThan(50);
  });

  it('says search needs the server, in the site’s frame', async () => {
    const notice = await (await fetch(new URL(`${DEMO}/search/index.html`, server.base))).text();
    expect(notice).toContain('この公開版（静的ファイル）では検索できません');
    expect(notice).toContain('class="site-nav"');
  });

  it('is made from the command line only, into an empty directory', async () => {
    const options = { dir: mkdtempSync(path.join(tmpdir(), 'hyoka-static-')), fetch: injectFetch(app) };
    try {
      await expect(publishStatic(createContext(store, ANONYMOUS, DEMO), options)).rejects.toMatchObject({ kind: 'forbidden' });
      writeFileSync(path.join(options.dir, 'old.html'), 'x');
      await expect(publishStatic(createContext(store, CLI, DEMO), options)).rejects.toMatchObject({ kind: 'invalid' });
      expect(readdirSync(options.dir)).toEqual(['old.html']);
    } finally {
      rmSync(options.dir, { recursive: true, force: true });
    }
  });
});

const chromium = requirePackage('chromium');

describe.skipIf(!chromium.available)(`a static publication with PDFs ${chromium.label}`, () => {
  let store: TestStore;
  let app: FastifyInstance;
  let dir: string;
  let server: StaticServer;
  let published: StaticPublication;

  beforeAll(async () => {
    store = await testStores()[0]!.open();
    await importValue(createContext(store, CLI), generateDocument({ projects: 2, seed: 9 }));
    // What the copy holds is what is published.
    await publishDecided(createContext(store, CLI), 2021, { note: '初版 / First edition' });
    app = await buildApp({ store });
    dir = mkdtempSync(path.join(tmpdir(), 'hyoka-static-pdf-'));
    published = await publishStatic(createContext(store, CLI), { dir, pdf: true, fetch: injectFetch(app) });
    server = await serveStatic(dir, PREFIX);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('links each page to its PDF, as served, and every link of the copy leads to a file', async () => {
    expect(published.leftOut).toEqual([]);
    const walked = await walk(server.base);
    expect(walked.broken).toEqual([]);
    expect(walked.external).toEqual([]);
    const files = allFiles(dir);
    const pdfs = files.filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(3);
    for (const file of pdfs) expect((await (await fetch(new URL(file, server.base))).arrayBuffer()).byteLength, file).toBeGreaterThan(1000);
    for (const url of ['/', '/sheet', '/projects/p1']) {
      const pageUrl = new URL(sitePath(url, { contentType: 'text/html' }), server.base);
      const copy = await (await fetch(pageUrl)).text();
      const served = (await app.inject(url)).body;
      // Every link the served page has is in the copy, the PDF's too.
      expect(htmlLinks(copy).length, url).toBe(htmlLinks(served).length);
      const pdfLink = htmlLinks(served).findIndex((l) => l.link.includes('format=pdf'));
      expect(pdfLink, url).toBeGreaterThan(-1);
      const pdf = await fetch(new URL(htmlLinks(copy)[pdfLink]!.link, pageUrl));
      expect(pdf.status, url).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), url).toBe('%PDF-');
    }
  });
});
