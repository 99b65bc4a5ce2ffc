// /sheet: the PDCA sheet itself, bound by bureau as the published sheets are, a page of rows
// at a time (a large organization's sheet is tens of thousands of rows: the whole is the Excel
// and CSV download), filterable, printable on A3 landscape (src/web/sheet.css), and its data
// as JSON (the page's rows as sheetOf gives them) or CSV.
import type { FastifyInstance } from 'fastify';
import { formatFiscalYear, formatSdgs, type Sheet, sheetEntries, sheetOf } from '../../services/pages.js';
import { pageFormat, sendData, type CsvTable } from './data.js';
import { En } from './dashboard-parts.js';
import { Filters, readFilters, type FilterReading } from './filters.js';
import { Layout, dataLinksFor } from './layout.js';
import { orgOf, readerChoices } from './page-query.js';
import { readerOf } from './edition.js';
import { Pager, paging, rangeText, readPage } from './pager.js';
import { sendPage } from './render.js';
import { SheetTable } from './sheet-table.js';
import { sheetLabels, sheetView } from '../../services/views/sheet.js';
import { BureauIndex, bureausOf, captionOf, SHEET_PAGE_ROWS, WholeSheet } from './sheet-bureaus.js';

export function registerSheet(app: FastifyInstance): void {
  app.get('/sheet', { schema: { hide: true } }, async (request, reply) => {
    const org = orgOf(request.query);
    const reading = readFilters(request.query);
    const reader = await readerOf(request, reading.values.fiscalYear);
    const { organization, document, fiscalYear } = reader;
    const asked = readPage(request.query);
    if (asked.error !== undefined) reading.errors.page = asked.error;
    const { fiscalYear: _asked, ...filter } = reading.values;
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
    const range = rangeText(pages, { ja: '行', en: 'rows' });
    return sendPage(
      reply,
      <Layout title="PDCAシート" titleEn="PDCA sheet" organization={organization.name} org={org} path="/sheet" data={links}>
        <p className="sheet-lead">
          {year}の実績の評価と、{sheetLabels(sheet).improvement}。局ごとにまとめ、金額の単位は千円です。
          <span lang="en" className="en">
            Results of FY{sheet.fiscalYear} and what is strengthened for FY{sheet.fiscalYear + 2}, bureau by bureau; amounts in thousand yen.
          </span>
        </p>
        <Filters action="/sheet" choices={readerChoices(reader)} reading={reading} fields={['fiscalYear', 'bureau', 'division', 'policy', 'grade', 'sdg']}>
          {org !== undefined && <input type="hidden" name="org" value={org} />}
        </Filters>
        {reading.errors.page !== undefined && <p className="field-error">{reading.errors.page}</p>}
        <p role="status" className="sheet-range">
          {range.ja}
          {filterSummary(reading)} <En>{range.en}</En>
        </p>
        {pages.pages > 1 && <WholeSheet xlsx={links.xlsx} org={org} />}
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
              links={{ ...(org !== undefined && { org }), fiscalYear: sheet.fiscalYear }}
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
