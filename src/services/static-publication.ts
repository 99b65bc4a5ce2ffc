// hyoka publish --static: the public site written as files that any web server, CMS or CDN
// can host as they are, and that open from file:// too. Pages are read through the app as an
// anonymous reader sees them (publicDocument chooses what that is), so the copy looks exactly
// as served; static-site/ places the files and makes every link relative. One organization
// fills DIR; every organization gets DIR/<code>/ each, an index page and one shared assets/.
import { readdir } from 'node:fs/promises';
import { SiteCrawl, type LeftOut, type SiteFetch } from '../static-site/crawl.js';

export type { SiteFetch };
import { fileSegment } from '../static-site/site-paths.js';
import type { Context } from './context.js';
import { ServiceError } from './errors.js';
import type { OrganizationRef } from './organizations.js';
import { publicOrganizations } from './public-view.js';

export interface StaticPublicationOptions {
  /** An empty or absent directory. */
  dir: string;
  /** Every organization, each in its folder; else the context's one. */
  all?: boolean;
  /** Each page's PDF too (Chromium prints every page: slow). */
  pdf?: boolean;
  /** The app, answering as to an anonymous reader. */
  fetch: SiteFetch;
  onProgress?: (written: { files: number; bytes: number }) => void;
}

export interface PublishedOrganization {
  name: string;
  code?: string;
  /** Its first page, relative to DIR. */
  index: string;
}

export interface StaticPublication {
  organizations: PublishedOrganization[];
  files: number;
  bytes: number;
  /** Links the app answered with an error: left out, and their anchors left without a link. */
  leftOut: LeftOut[];
}

/** Search needs the server: the copy says so where the search form would be. */
const SEARCH_NOTICE = [
  '<h1>検索 <span lang="en" class="en">Search</span></h1>',
  '<p>この公開版（静的ファイル）では検索できません。施策・PDCAシート・ダウンロードのページからお探しください。',
  ' <span lang="en" class="en">Search is not available in this static copy of the site: browse the policies, the PDCA sheet or the downloads.</span></p>',
].join('');

export async function publishStatic(ctx: Context, options: StaticPublicationOptions): Promise<StaticPublication> {
  if (ctx.actor.kind !== 'cli') {
    throw new ServiceError('forbidden', '静的公開はサーバーのコマンドからのみ行えます / A static publication is made from the server’s command line only');
  }
  await requireEmpty(options.dir);
  const everyOne = await publicOrganizations(ctx);
  const chosen = options.all ? everyOne : [await ctx.organization()];
  const crawl = new SiteCrawl({
    root: options.dir,
    fetch: options.fetch,
    pdf: options.pdf ?? false,
    replaceMain: { '/search': SEARCH_NOTICE },
    ...(options.onProgress && { onFile: options.onProgress }),
  });
  const organizations: PublishedOrganization[] = [];
  for (const organization of chosen) {
    const scope = {
      folder: options.all ? `${folderOf(organization)}/` : '',
      ...(everyOne.length > 1 && { org: organization.code ?? organization.name }),
    };
    const index = await crawl.copy('/', scope);
    if (index === undefined) throw new ServiceError('unavailable', `「${organization.name}」のページを読めません / The pages of ${organization.name} could not be read`);
    organizations.push({ name: organization.name, ...(organization.code !== undefined && { code: organization.code }), index });
  }
  if (options.all) await crawl.writeOwn('index.html', organizationIndex(organizations, crawl));
  await crawl.relink();
  return { organizations, files: crawl.filesWritten, bytes: crawl.bytesWritten, leftOut: crawl.leftOut };
}

async function requireEmpty(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) {
    throw new ServiceError('invalid', `出力先「${dir}」が空ではありません。空のディレクトリを指定してください / ${dir} is not empty: choose an empty or new directory`);
  }
}

/** An organization's folder: its code, else its id. */
function folderOf(organization: OrganizationRef): string {
  return organization.code !== undefined ? fileSegment(organization.code) : `org-${organization.id}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** DIR/index.html of a copy of several organizations: a list of them, in the site's style. */
function organizationIndex(organizations: PublishedOrganization[], crawl: SiteCrawl): string {
  const stylesheets = ['/assets/fonts.css', '/assets/site.css']
    .map((href) => crawl.fileOf(href, { folder: '' }))
    .filter((file): file is string => file !== undefined)
    .map((file) => `<link rel="stylesheet" href="${escapeHtml(file)}">`);
  const items = organizations.map((o) => `<li><a href="${escapeHtml(encodeURI(o.index))}">${escapeHtml(o.name)}</a>${o.code ? ` (${escapeHtml(o.code)})` : ''}</li>`);
  return [
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>行政評価 団体一覧 | hyoka</title>',
    ...stylesheets,
    '</head><body><main id="main">',
    '<h1>行政評価 団体一覧 <span lang="en" class="en">Organizations</span></h1>',
    `<ul class="downloads">${items.join('')}</ul>`,
    '</main></body></html>',
  ].join('\n');
}
