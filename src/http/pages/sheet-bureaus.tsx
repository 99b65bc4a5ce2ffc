// The sheet bound by bureau, as the published sheets are: which bureaus a (filtered) sheet
// holds and where each starts, an index linking each bureau's own sheet, the caption of a
// bureau's table on a page, and where the whole sheet is when a page shows only part of it.
import { En } from './dashboard-parts.js';
import { pageHref, queryHref } from './page-query.js';
import type { Paging } from './pager.js';
import type { SheetEntry } from '../../services/pages.js';
import type { BureauSheetView } from '../../services/views/sheet.js';

/** Rows on one page of the sheet: a bureau of a city's published sheet is rarely longer. */
export const SHEET_PAGE_ROWS = 100;

/** A bureau of the whole (filtered) sheet: its rows, and where they start. */
export interface SheetBureau {
  /** Absent for projects that name no bureau. */
  bureau?: string;
  rows: number;
  /** Index of its first row in the sheet. */
  offset: number;
}

/** The bureaus of the sheet's rows, in its order, with their sizes. */
export function bureausOf(entries: readonly SheetEntry[]): SheetBureau[] {
  const out: SheetBureau[] = [];
  entries.forEach(({ project }, index) => {
    const last = out[out.length - 1];
    if (last && last.bureau === project.bureau) last.rows += 1;
    else out.push({ ...(project.bureau !== undefined && { bureau: project.bureau }), rows: 1, offset: index });
  });
  return out;
}

/** `北九州市 R3年度 PDCAシート 企画調整局（34行、絞り込み: 遅れ）`, or which of a bureau's rows this page shows. */
export function captionOf(title: string, section: BureauSheetView, bureaus: readonly SheetBureau[], pages: Paging, filtered: string): string {
  const name = section.bureau ?? '局の記載なし';
  const whole = bureaus.find((bureau) => bureau.bureau === section.bureau);
  const count = (n: number) => n.toLocaleString('en-US');
  if (!whole || whole.rows === section.rowCount) return `${title} ${name}（${count(section.rowCount)}行${filtered}） / PDCA sheet, ${count(section.rowCount)} rows`;
  const first = Math.max(pages.offset, whole.offset) - whole.offset + 1;
  const last = first + section.rowCount - 1;
  return `${title} ${name}（${count(whole.rows)}行中 ${count(first)}〜${count(last)}行目${filtered}） / PDCA sheet, rows ${count(first)}–${count(last)} of ${count(whole.rows)}`;
}

/** Every bureau of the sheet with its rows, each a link to its own sheet (or, for rows without a bureau, to their page). */
export function BureauIndex({ bureaus, url, pages }: { bureaus: readonly SheetBureau[]; url: string; pages: Paging }) {
  const hrefOf = (bureau: SheetBureau) => {
    const parsed = new URL(url, 'http://hyoka.invalid');
    parsed.searchParams.delete('format');
    parsed.searchParams.delete('page');
    if (bureau.bureau !== undefined) parsed.searchParams.set('bureau', bureau.bureau);
    else if (bureau.offset >= pages.size) parsed.searchParams.set('page', String(Math.floor(bureau.offset / pages.size) + 1));
    return parsed.pathname + parsed.search;
  };
  return (
    <nav className="bureau-index" aria-label="局 / Bureaus">
      <h2 className="bureau-index-title">
        局ごとのシート <En>Sheets by bureau</En>
      </h2>
      <ul>
        {bureaus.map((bureau) => (
          <li key={bureau.bureau ?? ''}>
            <a href={hrefOf(bureau)}>{bureau.bureau ?? '局の記載なし'}</a>（{bureau.rows.toLocaleString('en-US')}行）
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Where the whole sheet is, when a page shows only part of it. */
export function WholeSheet({ xlsx, org }: { xlsx: string | undefined; org: string | undefined }) {
  const csv = queryHref('/api/v1/export', { format: 'csv', org });
  return (
    <p className="sheet-whole">
      1ページに{SHEET_PAGE_ROWS}行ずつ表示しています。シート全体（この絞り込みのすべての行）は <a href={xlsx} download>Excel（局ごとに1シート）</a>、
      指標の年度別データは <a href={csv} download>CSV</a> でダウンロードできます（<a href={pageHref('/downloads', { ...(org !== undefined && { org }) })}>ダウンロード一覧</a>）。PDF はこのページの分です。{' '}
      <En>
        {SHEET_PAGE_ROWS} rows a page. The whole sheet (every row of this filter) is in the Excel download, one worksheet per bureau; the indicator data in the CSV. The PDF prints this page.
      </En>
    </p>
  );
}
