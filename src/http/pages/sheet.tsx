// /sheet: the PDCA sheet itself, bound by bureau as the published sheets are, a page of rows
// at a time (a large organization's sheet is tens of thousands of rows: the whole is the Excel
// and CSV download), filterable, printable on A3 landscape (src/web/sheet.css), and its data
// as JSON (the page's rows as sheetOf gives them) or CSV.
import type { FastifyInstance } from 'fastify';
import { formatFiscalYear } from '../../domain/era.js';
import { formatSdgs } from '../../domain/written.js';
import { defaultSheetYear, sheetEntries, sheetOf, type Sheet, type SheetEntry } from '../../interchange/sheet-rows.js';
import { computedDocument } from '../../services/computed.js';
import { pageFormat, sendData, type CsvTable } from './data.js';
import { En } from './dashboard-parts.js';
import { Filters, filterChoices, readFilters, type FilterReading } from './filters.js';
import type { PageDeps } from './index.js';
import { Layout, dataLinksFor } from './layout.js';
import { orgOf } from './page-query.js';
import { Pager, paging, rangeText, readPage, type Paging } from './pager.js';
import { sendPage } from './render.js';
import { SheetTable } from './sheet-table.js';
import { sheetLabels, sheetView, type BureauSheetView } from './views/sheet.js';

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

export function registerSheet(app: FastifyInstance, { store }: PageDeps): void {
  app.get('/sheet', { schema: { hide: true } }, async (request, reply) => {
    const org = orgOf(request.query);
    const { organization, document } = await computedDocument(store, org);
    const reading = readFilters(request.query);
    const asked = readPage(request.query);
    if (asked.error !== undefined) reading.errors.page = asked.error;
    const { fiscalYear = defaultSheetYear(document), ...filter } = reading.values;
    const entries = sheetEntries(document, { fiscalYear, filter });
    const pages = paging(entries.length, SHEET_PAGE_ROWS, asked.page);
    const sheet = sheetOf(document, { fiscalYear, entries: entries.slice(pages.offset, pages.offset + pages.size) });
    const bureaus = bureausOf(entries);
    const format = pageFormat(request.query);
    if (format !== 'html') {
      const json = { organization: organization.name, ...sheet, filter, page: pages, bureaus };
      return sendData(reply, format, `sheet-${sheet.fiscalYear}${pages.pages > 1 ? `-${pages.number}` : ''}`, json, () => sheetCsv(sheet));
    }
    const view = sheetView(sheet);
    const year = formatFiscalYear(sheet.fiscalYear, { letter: true });
    const links = dataLinksFor(request.url);
    const chosenYear = reading.values.fiscalYear;
    const range = rangeText(pages, { ja: '行', en: 'rows' });
    return sendPage(
      reply,
      <Layout title="PDCAシート" titleEn="PDCA sheet" organization={organization.name} path="/sheet" data={links}>
        <p className="sheet-lead">
          {year}の実績の評価と、{sheetLabels(sheet).improvement}。局ごとにまとめ、金額の単位は千円です。
          <span lang="en" className="en">
            Results of FY{sheet.fiscalYear} and what is strengthened for FY{sheet.fiscalYear + 2}, bureau by bureau; amounts in thousand yen.
          </span>
        </p>
        <Filters action="/sheet" choices={filterChoices(document)} reading={reading} fields={['fiscalYear', 'bureau', 'division', 'policy', 'grade', 'sdg']}>
          {org !== undefined && <input type="hidden" name="org" value={org} />}
        </Filters>
        {reading.errors.page !== undefined && <p className="field-error">{reading.errors.page}</p>}
        <p role="status" className="sheet-range">
          {range.ja}
          {filterSummary(reading)} <En>{range.en}</En>
        </p>
        {pages.pages > 1 && (
          <p className="sheet-whole">
            1ページに{SHEET_PAGE_ROWS}行ずつ表示しています。シート全体（この絞り込みのすべての行）は <a href={links.xlsx} download>Excel（局ごとに1シート）</a>、
            指標の年度別データは <a href={`/api/v1/export?${new URLSearchParams({ format: 'csv', ...(org !== undefined && { org }) }).toString()}`} download>CSV</a>{' '}
            でダウンロードできます（<a href={org === undefined ? '/downloads' : `/downloads?${new URLSearchParams({ org }).toString()}`}>ダウンロード一覧</a>）。PDF はこのページの分です。{' '}
            <En>
              {SHEET_PAGE_ROWS} rows a page. The whole sheet (every row of this filter) is in the Excel download, one worksheet per bureau; the indicator data in the CSV. The PDF prints this page.
            </En>
          </p>
        )}
        {bureaus.length > 1 && <BureauIndex bureaus={bureaus} url={request.url} pages={pages} />}
        {view.bureaus.map((section, index) => (
          <section key={index} className="sheet-bureau" aria-labelledby={`bureau-${index}`}>
            <h2 id={`bureau-${index}`}>
              {section.bureau ?? '局の記載なし'} <En>{section.bureau === undefined ? 'No bureau' : 'Bureau'}</En>
            </h2>
            <SheetTable
              section={section}
              labels={view.labels}
              idPrefix={index === 0 ? '' : `b${index}-`}
              links={{ ...(org !== undefined && { org }), ...(chosenYear !== undefined && { fiscalYear: chosenYear }) }}
              caption={captionOf(`${organization.name} ${year} PDCAシート`, section, bureaus, pages, filterSummary(reading))}
            />
          </section>
        ))}
        {view.rowCount === 0 && (
          <p>条件に合う行はありません <En>No rows match</En></p>
        )}
        <Pager paging={pages} url={request.url} label="PDCAシート" />
      </Layout>,
      Object.keys(reading.errors).length > 0 ? 400 : 200,
    );
  });
}

/** The bureaus of the sheet's rows, in its order, with their sizes. */
function bureausOf(entries: readonly SheetEntry[]): SheetBureau[] {
  const out: SheetBureau[] = [];
  entries.forEach(({ project }, index) => {
    const last = out[out.length - 1];
    if (last && last.bureau === project.bureau) last.rows += 1;
    else out.push({ ...(project.bureau !== undefined && { bureau: project.bureau }), rows: 1, offset: index });
  });
  return out;
}

/** `北九州市 R3年度 PDCAシート 企画調整局（34行、絞り込み: 遅れ）`, or which of a bureau's rows this page shows. */
function captionOf(title: string, section: BureauSheetView, bureaus: readonly SheetBureau[], pages: Paging, filtered: string): string {
  const name = section.bureau ?? '局の記載なし';
  const whole = bureaus.find((bureau) => bureau.bureau === section.bureau);
  const count = (n: number) => n.toLocaleString('en-US');
  if (!whole || whole.rows === section.rowCount) return `${title} ${name}（${count(section.rowCount)}行${filtered}） / PDCA sheet, ${count(section.rowCount)} rows`;
  const first = Math.max(pages.offset, whole.offset) - whole.offset + 1;
  const last = first + section.rowCount - 1;
  return `${title} ${name}（${count(whole.rows)}行中 ${count(first)}〜${count(last)}行目${filtered}） / PDCA sheet, rows ${count(first)}–${count(last)} of ${count(whole.rows)}`;
}

/** Every bureau of the sheet with its rows, each a link to its own sheet (or, for rows without a bureau, to their page). */
function BureauIndex({ bureaus, url, pages }: { bureaus: readonly SheetBureau[]; url: string; pages: Paging }) {
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

function filterSummary(reading: FilterReading): string {
  const { bureau, division, policy, grade, sdg } = reading.values;
  const parts = [bureau, division, policy, grade, sdg === undefined ? undefined : `ゴール${sdg}`].filter((part) => part !== undefined);
  return parts.length ? `、絞り込み: ${parts.join('・')}` : '';
}

/**
 * One CSV line per indicator of a row (a row without indicators has one line): the paper's
 * three lines 目標 / 実績 / 達成率 become three columns per fiscal year, so a line is one
 * indicator's facts and a spreadsheet can filter and sort them; the row's own cells repeat
 * on each of its lines.
 */
export function sheetCsv(sheet: Sheet): CsvTable {
  const labels = sheetLabels(sheet);
  const header = [
    '施策番号', '施策名', 'No.', 'SDGsゴール番号', '主な事業・取組', '事業キー', '局', '所管課名', '事業・取組概要',
    '指標名等', '現状値(基準値)',
    ...labels.periods.flatMap((year) => [`${year}目標`, `${year}実績`, `${year}達成率`]),
    '中期目標', '中期目標改訂',
    '成果の方向性', ...labels.budgets, '事業費の増減', '人件費(目安)金額(千円)',
    labels.grade, '事業評価の目安', labels.improvement, labels.policyGrade, `局施策評価 ${labels.improvement}`,
  ];
  const rows = sheet.rows.flatMap((row) => {
    const head = [row.policy.code, row.policy.title, row.no, formatSdgs(row.sdgs), row.projectName, row.projectKey, row.bureau, row.division, row.summary];
    const tail = [
      row.course, ...row.budgets, row.budgetChange, row.personnelCost,
      row.grade, row.suggestedGrade, row.improvement, row.policyGrade, row.policyImprovement,
    ];
    if (row.indicators.length === 0) return [[...head, '', '', ...labels.periods.flatMap(() => ['', '', '']), '', '', ...tail]];
    return row.indicators.map((indicator) => [
      ...head,
      indicator.name,
      indicator.baseline,
      ...indicator.periods.flatMap((period) => [period.target, period.actual, period.rate]),
      indicator.midTerm,
      indicator.revisions.join(' / '),
      ...tail,
    ]);
  });
  return { header, rows };
}
