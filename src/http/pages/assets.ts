// Static assets served by the app itself (no CDN: a city's network may not reach one):
// Noto Sans JP from @fontsource (regular and bold, split by unicode-range so a page loads
// only the subsets it uses), the Digital Agency's design tokens, our stylesheets, and the
// scripts that enhance a page working without them (src/web/*.js). The font files served are
// exactly those the font stylesheet names (the numbered Japanese slices and the Latin,
// Cyrillic and Vietnamese subsets), so every URL it names answers.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@fontsource/noto-sans-jp/400.css'));
const TOKENS = require.resolve('@digital-go-jp/design-tokens/dist/tokens.css');
const WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const LONG_CACHE = 'public, max-age=31536000, immutable';

const FONT_URL = '/assets/fonts/';

function fontsCss(): string {
  return ['400.css', '700.css']
    .map((name) => readFileSync(path.join(FONT_DIR, name), 'utf8').replaceAll('url(./files/', `url(${FONT_URL}`))
    .join('\n');
}

/** The file names the font stylesheet points at: the only names /assets/fonts/ answers. */
function fontFiles(css: string): Set<string> {
  const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!);
  return new Set(urls.filter((url) => url.startsWith(FONT_URL)).map((url) => url.slice(FONT_URL.length)));
}

/** The design tokens, then every stylesheet of src/web in name order. */
function siteCss(): string {
  const own = readdirSync(WEB_DIR)
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => `/* ${name} */\n${readFileSync(path.join(WEB_DIR, name), 'utf8')}`);
  return [readFileSync(TOKENS, 'utf8'), ...own].join('\n');
}

/** The scripts of src/web (each enhances a page that works without it), by file name. */
function scripts(): Map<string, string> {
  return new Map(
    readdirSync(WEB_DIR)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, readFileSync(path.join(WEB_DIR, name), 'utf8')]),
  );
}

export function registerAssets(app: FastifyInstance): void {
  const fonts = fontsCss();
  const files = fontFiles(fonts);
  const site = siteCss();
  app.get('/assets/fonts.css', { schema: { hide: true } }, (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(fonts),
  );
  app.get('/assets/site.css', { schema: { hide: true } }, (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(site),
  );
  for (const [name, source] of scripts()) {
    app.get(`/assets/${name}`, { schema: { hide: true } }, (_request, reply) =>
      reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(source),
    );
  }
  app.get<{ Params: { file: string } }>('/assets/fonts/:file', { schema: { hide: true } }, (request, reply) => {
    const { file } = request.params;
    if (!files.has(file)) return reply.status(404).send({ error: { message: 'Not found' } });
    const type = file.endsWith('.woff2') ? 'font/woff2' : 'font/woff';
    return reply.header('content-type', type).header('cache-control', LONG_CACHE).send(readFileSync(path.join(FONT_DIR, 'files', file)));
  });
}
