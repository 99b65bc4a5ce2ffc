// Where a static copy places each URL, and the relative links between its files.
import { describe, expect, it } from 'vitest';
import { cssLinks, htmlLinks, rewriteCss, rewriteHtml } from './links.js';
import { dispositionName, fileSegment, relativeLink, sitePath } from './site-paths.js';

const html = { contentType: 'text/html; charset=utf-8' };

describe('sitePath', () => {
  it.each([
    ['/', html, 'index.html'],
    ['/sheet', html, 'sheet/index.html'],
    ['/sheet?page=2&bureau=%E7%B7%8F%E5%8B%99%E5%B1%80', html, 'sheet/bureau=_E7_B7_8F_E5_8B_99_E5_B1_80,page=2/index.html'],
    ['/sheet?org=401005&page=2', html, 'sheet/page=2/index.html'],
    ['/projects/tabunka?fiscalYear=2021', html, 'projects/tabunka/fiscalYear=2021/index.html'],
    ['/policies/II-3-%283%29-%E2%91%A0', html, 'policies/II-3-_283_29-_E2_91_A0/index.html'],
    ['/policies/..', html, 'index.html'],
    ['/sheet?format=json', { contentType: 'application/json; charset=utf-8' }, 'sheet/index.json'],
    ['/sheet?format=csv', { contentType: 'text/csv; charset=utf-8', fileName: 'sheet-2021.csv' }, 'sheet/sheet-2021.csv'],
    ['/api/v1/export?format=xlsx', { contentType: 'application/octet-stream', fileName: '401005-pdca.xlsx' }, 'downloads/files/401005-pdca.xlsx'],
    ['/assets/site.css', { contentType: 'text/css; charset=utf-8' }, 'assets/site.css'],
    ['/assets/fonts/noto-sans-jp-0-400-normal.woff2', { contentType: 'font/woff2' }, 'assets/fonts/noto-sans-jp-0-400-normal.woff2'],
    ['/projects/report.html', html, 'projects/report.html/index.html'],
  ])('%s → %s', (url, answer, expected) => {
    expect(sitePath(url, answer)).toBe(expected);
  });

  it('keeps ?format= in the folder when asked (a name another answer took)', () => {
    expect(sitePath('/api/v1/export?format=csv', { contentType: 'text/csv', fileName: 'a.csv' }, true)).toBe('downloads/files/format=csv/a.csv');
  });

  it('writes distinct segments as distinct ASCII names', () => {
    const texts = ['a_b', 'a b', 'a%20b', '.hidden', '..', '', '総務局', 'x=y', 'x,y'];
    const names = texts.map(fileSegment);
    expect(new Set(names).size).toBe(texts.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/);
  });

  it('reads a plain file name from Content-Disposition only', () => {
    expect(dispositionName('attachment; filename="401005-opendata-2021.zip"')).toBe('401005-opendata-2021.zip');
    expect(dispositionName('attachment; filename="../x"')).toBeUndefined();
    expect(dispositionName(undefined)).toBeUndefined();
  });
});

describe('relativeLink', () => {
  it.each([
    ['index.html', 'sheet/index.html', '', 'sheet/index.html'],
    ['projects/tabunka/index.html', 'assets/site.css', '', '../../assets/site.css'],
    ['projects/tabunka/fiscalYear=2021/index.html', 'policies/I-1/fiscalYear=2021/index.html', '#x', '../../../policies/I-1/fiscalYear=2021/index.html#x'],
    ['sheet/index.html', 'sheet/index.html', '#main', 'index.html#main'],
  ])('%s → %s', (from, to, fragment, expected) => {
    expect(relativeLink(from, to, fragment)).toBe(expected);
  });
});

describe('links', () => {
  const page = '<a href="/sheet?bureau=x&amp;page=2#top">s</a><a href="#main">m</a><a href="https://example.org/">e</a><link rel="stylesheet" href="/assets/site.css"/><a href="/x?format=pdf" type="application/pdf">PDF</a><form action="/sheet">';

  it('finds the links of a page and of a stylesheet, unescaped', () => {
    expect(htmlLinks(page).map((l) => l.link)).toEqual(['/sheet?bureau=x&page=2#top', '#main', 'https://example.org/', '/assets/site.css', '/x?format=pdf', '/sheet']);
    expect(cssLinks('src: url(/assets/fonts/a.woff2) format("woff2"), url("/b.woff");').map((l) => l.link)).toEqual(['/assets/fonts/a.woff2', '/b.woff']);
  });

  it('rewrites only site links; one the copy lacks loses its href', () => {
    const out = rewriteHtml(page, (link) => (link.includes('pdf') ? null : `R[${link}]&`));
    expect(out).toBe(
      '<a href="R[/sheet?bureau=x&amp;page=2#top]&amp;">s</a><a href="#main">m</a><a href="https://example.org/">e</a><link rel="stylesheet" href="R[/assets/site.css]&amp;"/><a type="application/pdf">PDF</a><form action="R[/sheet]&amp;">',
    );
    expect(rewriteCss('a{background:url("/x.png")} b{background:url(data:x)}', () => 'x.png')).toBe('a{background:url("x.png")} b{background:url(data:x)}');
  });
});
