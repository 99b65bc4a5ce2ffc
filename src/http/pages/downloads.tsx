// /downloads: every file hyoka gives out, in one place — the PDCA sheet as Excel and PDF, the
// data workbook and the blank template for entering data, the long-format CSV (UTF-8 or
// Shift_JIS for older Excel), the open data of a fiscal year, and the hyoka/1 document.
import type { FastifyInstance } from 'fastify';
import { formatFiscalYear } from '../../services/pages.js';
import { readerOf } from './edition.js';
import { Layout } from './layout.js';
import { sendPage } from './render.js';
import { orgOf, queryHref } from './page-query.js';

interface Download {
  href: string;
  ja: string;
  en: string;
  what: string;
}

function downloads(org: string | undefined): Download[] {
  const api = (format: string, encoding?: string) => queryHref('/api/v1/export', { format, encoding, org });
  const page = (path: string) => queryHref(path, { format: 'pdf', org });
  return [
    { href: api('xlsx'), ja: 'PDCAシート（Excel）', en: 'PDCA sheet (Excel)', what: '公表様式どおりの列・結合、A3横で印刷できます。局ごとに1シート / The published layout, printable on A3 landscape; one worksheet per bureau' },
    { href: page('/sheet'), ja: 'PDCAシート（PDF）', en: 'PDCA sheet (PDF)', what: 'A3横、見出しを各ページに繰り返し / A3 landscape, the header on every page' },
    { href: api('xlsx-data'), ja: 'データブック（Excel）', en: 'Data workbook (Excel)', what: '記録の種類ごとに1つの表。編集して取り込めます / One table per kind of record; edit and import it back' },
    { href: api('xlsx-template'), ja: '入力用テンプレート（Excel）', en: 'Blank template (Excel)', what: '評価・方向性・目標の種類はリストから選べます / Drop-down lists for grades, courses and target kinds' },
    { href: api('csv'), ja: '指標の年度別データ（CSV, UTF-8）', en: 'Indicator periods (CSV, UTF-8)', what: '1行 = 1指標の1年度 / One row per indicator and fiscal year' },
    { href: api('csv', 'cp932'), ja: '指標の年度別データ（CSV, Shift_JIS）', en: 'Indicator periods (CSV, Shift_JIS)', what: '古い Excel 向け / For older versions of Excel' },
    { href: api('csv-budgets'), ja: '予算データ（CSV, UTF-8）', en: 'Budgets (CSV, UTF-8)', what: '1行 = 1事業の1年度 / One row per project and fiscal year' },
    { href: api('json'), ja: 'hyoka/1 文書（JSON）', en: 'hyoka/1 document (JSON)', what: '計算済みの全データ / All data, computed' },
  ];
}

export function registerDownloads(app: FastifyInstance): void {
  app.get('/downloads', { schema: { hide: true } }, async (request, reply) => {
    const org = orgOf(request.query);
    const { organization, years, fiscalYear: latest } = await readerOf(request);
    return sendPage(
      reply,
      <Layout title="データのダウンロード" titleEn="Downloads" organization={organization.name} org={org} path="/downloads">
        <ul className="downloads">
          {downloads(org).map((item) => (
            <li key={item.href}>
              <a href={item.href}>
                {item.ja} <span lang="en" className="en">{item.en}</span>
              </a>
              <br />
              <span className="hint">{item.what}</span>
            </li>
          ))}
        </ul>
        <h2>
          オープンデータ <span lang="en" className="en">Open data</span>
        </h2>
        <p>
          年度ごとに、事業一覧・指標・予算の CSV と JSON、項目の説明（README と columns.json）を ZIP にまとめます。
          <span lang="en" className="en">Per fiscal year: the project list, indicators and budgets as CSV and JSON, with a README and a description of every column, in one zip.</span>
        </p>
        {/* Links, not a form: one click each, and a static copy of the site holds every year's zip. */}
        <ul className="downloads">
          {years.map((year) => (
            <li key={year}>
              <a href={`/api/v1/export?${new URLSearchParams({ format: 'open-data', fiscalYear: String(year), ...(org !== undefined && { org }) }).toString()}`} download>
                {formatFiscalYear(year, { western: true })} <span lang="en" className="en">ZIP</span>
              </a>
              {year === latest && <span className="hint"> 最新 / latest</span>}
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
}
