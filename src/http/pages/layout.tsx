// The frame of every page: language, skip link, site navigation (Japanese first, English
// beside it), the links to the data of exactly what the page shows, and the footer.
import type { ReactNode } from 'react';
import { pageHref } from './page-query.js';
import { SignedIn } from './viewer.js';
import { CorrectionNotice, EditionSwitch } from './edition-switch.js';

export interface NavItem {
  href: string;
  ja: string;
  en: string;
}

export const NAVIGATION: readonly NavItem[] = [
  { href: '/', ja: 'ダッシュボード', en: 'Dashboard' },
  { href: '/policies', ja: '施策', en: 'Policies' },
  { href: '/sheet', ja: 'PDCAシート', en: 'PDCA sheet' },
  { href: '/sdgs', ja: 'SDGs', en: 'SDGs' },
  { href: '/changes', ja: '年度間の変更', en: 'Changes' },
  { href: '/search', ja: '検索', en: 'Search' },
  { href: '/downloads', ja: 'ダウンロード', en: 'Downloads' },
];

export interface DataLinks {
  /** The page's own URL with format=json / format=csv: exactly what it shows. */
  json: string;
  csv: string;
  /** The page printed by Chromium (format=pdf). */
  pdf: string;
  /** The sheet as an Excel workbook, with the same filters (the /sheet page only). */
  xlsx?: string;
}

export interface LayoutProps {
  /** `<title>` and `<h1>`, Japanese. */
  title: string;
  /** English beside it. */
  titleEn: string;
  /** The organization shown, for the header and the title. */
  organization: string;
  /** The current path, to mark the navigation. */
  path: string;
  /** The ?org= the page was asked with, kept by the navigation's links. */
  org?: string | undefined;
  data?: DataLinks;
  /** Scripts of our own assets that enhance the page (never needed to use it). */
  scripts?: readonly string[];
  /** The page's content, under its <h1>. */
  children: ReactNode;
}

export function Layout({ title, titleEn, organization, path, org, data, scripts, children }: LayoutProps) {
  const keep = org === undefined ? {} : { org };
  return (
    <html lang="ja">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${organization} 行政評価`}</title>
        <link rel="stylesheet" href="/assets/fonts.css" />
        <link rel="stylesheet" href="/assets/site.css" />
        {scripts?.map((src) => <script key={src} src={src} defer />)}
      </head>
      <body>
        <a className="skip-link" href="#main">
          本文へ移動 <span lang="en">Skip to content</span>
        </a>
        <header className="site-header">
          <p className="site-name">
            <a href={pageHref('/', keep)}>
              {organization} 行政評価 <span lang="en" className="en">hyoka</span>
            </a>
          </p>
          <nav aria-label="サイト内 / Site">
            <ul className="site-nav">
              {NAVIGATION.map((item) => (
                <li key={item.href}>
                  <a href={pageHref(item.href, keep)} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                    {item.ja} <span lang="en" className="en">{item.en}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <SignedIn />
          <EditionSwitch />
        </header>
        <main id="main" tabIndex={-1}>
          <CorrectionNotice />
          <h1>
            {title} <span lang="en" className="en">{titleEn}</span>
          </h1>
          {data && <DataDownloads links={data} />}
          {children}
        </main>
        <footer className="site-footer">
          <p>
            hyoka — 行政評価 (PDCA) <span lang="en">administrative evaluation</span>
          </p>
        </footer>
      </body>
    </html>
  );
}

function DataDownloads({ links }: { links: DataLinks }) {
  return (
    <p className="data-links">
      このページのデータ <span lang="en">Data of this page</span>:{' '}
      <a href={links.json} type="application/json">
        JSON
      </a>{' '}
      <a href={links.csv} type="text/csv" download>
        CSV
      </a>{' '}
      {links.xlsx && (
        <>
          <a href={links.xlsx} download>
            Excel
          </a>{' '}
        </>
      )}
      <a href={links.pdf} type="application/pdf">
        PDF
      </a>
    </p>
  );
}

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** `/sheet?bureau=…` → the same query with format=json, csv and pdf (and the sheet's workbook). */
export function dataLinksFor(url: string): DataLinks {
  const parsed = new URL(url, 'http://hyoka.invalid');
  parsed.searchParams.delete('format');
  const withFormat = (format: string) => {
    const copy = new URL(parsed);
    copy.searchParams.set('format', format);
    return copy.pathname + copy.search;
  };
  const links: DataLinks = { json: withFormat('json'), csv: withFormat('csv'), pdf: withFormat('pdf') };
  if (parsed.pathname === '/sheet') {
    const workbook = new URLSearchParams({ format: 'xlsx' });
    for (const name of SHEET_PARAMS) {
      const value = parsed.searchParams.get(name);
      if (value) workbook.set(name, value);
    }
    links.xlsx = `/api/v1/export?${workbook.toString()}`;
  }
  return links;
}

/** The /sheet filters the Excel export understands too. */
const SHEET_PARAMS = ['org', 'fiscalYear', 'bureau', 'division', 'policy', 'grade', 'sdg'] as const;
