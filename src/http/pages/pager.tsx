// Pages of a long list (the sheet's rows, the rows needing attention, search hits): `?page=`
// picks one, and the links to the others are the page's own URL with only `page` changed, so
// ?org=, the year and the filters stay. A large organization's lists are read a page at a time;
// the whole is a download.
import type { FastifyReply } from 'fastify';
import { errorBody } from '../errors.js';
import { En } from './dashboard-parts.js';

export interface PageReading {
  /** 1-based; 1 when absent or unreadable. */
  page: number;
  /** Japanese / English, when `page` could not be read. */
  error?: string;
}

/** Reads ?page=: a whole number from 1. */
export function readPage(query: unknown): PageReading {
  const raw = (query as { page?: unknown } | undefined)?.page;
  if (raw === undefined || raw === '') return { page: 1 };
  const page = typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (page >= 1) return { page };
  return { page: 1, error: 'ページ番号は1以上の整数で指定してください / Give the page as a whole number from 1' };
}

/** The JSON or CSV of a page whose number could not be read: 400, the problem at `page` (HTML shows it at the list). */
export function sendPageProblem(reply: FastifyReply, reading: PageReading): FastifyReply | undefined {
  if (reading.error === undefined) return undefined;
  return reply.status(400).send(errorBody('指定が正しくありません / Invalid query', [{ path: 'page', message: reading.error }]));
}

export interface Paging {
  /** The page shown, 1-based (a page past the last shows the last). */
  number: number;
  size: number;
  pages: number;
  /** Items in the whole list. */
  total: number;
  /** Index of the page's first item in the whole list. */
  offset: number;
}

export function paging(total: number, size: number, asked: number): Paging {
  const pages = Math.max(1, Math.ceil(total / size));
  const number = Math.min(Math.max(1, asked), pages);
  return { number, size, pages, total, offset: (number - 1) * size };
}

/** The URL with `page` set (dropped for page 1) and without `format`: a link to another page of the same list. */
export function pageLink(url: string, page: number): string {
  const parsed = new URL(url, 'http://hyoka.invalid');
  parsed.searchParams.delete('format');
  if (page > 1) parsed.searchParams.set('page', String(page));
  else parsed.searchParams.delete('page');
  return parsed.pathname + parsed.search;
}

/** `24,012件中 101〜200件目` for the page's status line. */
export function rangeText(paging: Paging, unit: { ja: string; en: string }): { ja: string; en: string } {
  const count = (n: number) => n.toLocaleString('en-US');
  if (paging.total === 0) return { ja: `0${unit.ja}`, en: `no ${unit.en}` };
  const first = paging.offset + 1;
  const last = Math.min(paging.total, paging.offset + paging.size);
  if (paging.pages === 1) return { ja: `${count(paging.total)}${unit.ja}`, en: `${count(paging.total)} ${unit.en}` };
  return {
    ja: `${count(paging.total)}${unit.ja}中 ${count(first)}〜${count(last)}${unit.ja}目`,
    en: `${unit.en} ${count(first)}–${count(last)} of ${count(paging.total)}`,
  };
}

/** The page numbers a pager offers: the first, the last, and two either side of the current one. */
export function pageNumbers(paging: Paging): (number | null)[] {
  const wanted = new Set([1, paging.pages]);
  for (let n = paging.number - 2; n <= paging.number + 2; n++) if (n >= 1 && n <= paging.pages) wanted.add(n);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}

/** Links to the other pages; nothing when the list fits on one. `label` names the list for a screen reader. */
export function Pager({ paging, url, label }: { paging: Paging; url: string; label: string }) {
  if (paging.pages <= 1) return null;
  const { number, pages } = paging;
  return (
    <nav className="pager" aria-label={`${label}のページ / Pages of ${label}`}>
      <ul>
        <li>
          {number > 1 ? (
            <a href={pageLink(url, number - 1)} rel="prev">
              前へ <En>Previous</En>
            </a>
          ) : (
            <span aria-hidden="true" className="pager-off">前へ</span>
          )}
        </li>
        {pageNumbers(paging).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true">…</li>
          ) : (
            <li key={n}>
              <a href={pageLink(url, n)} aria-current={n === number ? 'page' : undefined}>
                <span className="visually-hidden">ページ </span>
                {n}
              </a>
            </li>
          ),
        )}
        <li>
          {number < pages ? (
            <a href={pageLink(url, number + 1)} rel="next">
              次へ <En>Next</En>
            </a>
          ) : (
            <span aria-hidden="true" className="pager-off">次へ</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
