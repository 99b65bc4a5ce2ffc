// /versions/:fiscalYear (workflow.md, "Publication"): anyone may read a cycle's published
// versions — number, time, publisher, note, SHA-256 and the document to download — and, for each
// correction (a version n > 1), the values it changed against n − 1, before and after. Each
// version's list is paged (?version=N&page=P pages that one alone); ?format=json|csv answers the
// same view. A year without a published version is a 404 page.
import type { FastifyInstance } from 'fastify';
import { formatFiscalYear } from '../../services/pages.js';
import { cycleVersions, type VersionsView } from '../../services/versions.js';
import { valueText, versionsCsv, type VersionChanges, type VersionRow } from '../../services/views/versions.js';
import { ServiceError } from '../../services/errors.js';
import { yearOf } from './cycle-publish.js';
import { contextOf } from '../context.js';
import { pageFormat, sendData } from './data.js';
import { En } from './dashboard-parts.js';
import { organizationName } from './error-page.js';
import { Layout, dataLinksFor } from './layout.js';
import { orgOf, queryHref } from './page-query.js';
import { Pager, paging, rangeText, readPage, sendPageProblem } from './pager.js';
import { sendPage } from './render.js';

/** Changed values on one page of a version's list. */
export const VERSION_CHANGES_PAGE_SIZE = 100;

interface Params {
  Params: { fiscalYear: string };
}

/** The API route of one version's document, keeping ?org=. */
export function versionDownloadHref(fiscalYear: number, version: number, org: string | undefined): string {
  return queryHref(`/api/v1/publications/${fiscalYear}/${version}`, { org });
}

function VersionTable({ view, org }: { view: VersionsView; org: string | undefined }) {
  return (
    <table className="versions">
      <caption>
        公表版 <En>Published versions</En>
      </caption>
      <thead>
        <tr>
          <th scope="col">版 <En>Version</En></th>
          <th scope="col">公表日時 <En>Published</En></th>
          <th scope="col">公表者 <En>By</En></th>
          <th scope="col">注記 <En>Note</En></th>
          <th scope="col">SHA-256</th>
          <th scope="col">ダウンロード <En>Download</En></th>
        </tr>
      </thead>
      <tbody>
        {view.versions.map((row) => (
          <tr key={row.version}>
            <th scope="row">第{row.version}版</th>
            <td><time dateTime={row.publishedAt}>{row.at}</time></td>
            <td>{row.by}</td>
            <td>{row.note}</td>
            <td><code className="sha256">{row.sha256}</code></td>
            <td>
              <a href={versionDownloadHref(view.fiscalYear, row.version, org)} download>
                JSON <span className="visually-hidden">第{row.version}版 / version {row.version}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangesSection({ changes, row, url, fiscalYear, org }: { changes: VersionChanges; row: VersionRow | undefined; url: string; fiscalYear: number; org: string | undefined }) {
  const pages = paging(changes.total, VERSION_CHANGES_PAGE_SIZE, changes.offset / VERSION_CHANGES_PAGE_SIZE + 1);
  const range = rangeText(pages, { ja: '件', en: 'values' });
  const id = `v${changes.version}`;
  // The pager of a version shown among others leads to that version's own pages.
  const pagerUrl = new URL(url, 'http://hyoka.invalid').searchParams.has('version') ? url : queryHref(`/versions/${fiscalYear}`, { org, version: changes.version });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        第{changes.version}版で変わった値（第{changes.against}版から） <En>Values version {changes.version} changed from version {changes.against}</En>
      </h2>
      {row && row.note !== '' && <p className="version-note">注記 <En>Note</En>: {row.note}</p>}
      <p role="status">
        {range.ja} <En>{range.en}</En>
      </p>
      {changes.total > 0 && (
        <table className="version-changes">
          <caption>
            第{changes.version}版の変更 <En>Changes of version {changes.version}</En>
          </caption>
          <thead>
            <tr>
              <th scope="col">項目 <En>Path</En></th>
              <th scope="col">変更前 <En>Before</En></th>
              <th scope="col">変更後 <En>After</En></th>
            </tr>
          </thead>
          <tbody>
            {changes.changes.map((change) => (
              <tr key={change.path}>
                <td><code>{change.path}</code></td>
                <td>{valueText(change.before)}</td>
                <td>{valueText(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager paging={pages} url={pagerUrl} label={`第${changes.version}版の変更`} />
    </section>
  );
}

/** A version number as ?version= gives it, when it is one. */
function versionParameter(value: unknown): number | undefined | 'bad' {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 'bad';
}

export function registerVersions(app: FastifyInstance): void {
  app.get<Params>('/versions/:fiscalYear', { schema: { hide: true } }, async (request, reply) => {
    const fiscalYear = yearOf(request.params.fiscalYear);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const version = versionParameter(query.version);
    if (version === 'bad') throw new ServiceError('invalid', '?version= は版の番号です / ?version= takes a version number');
    // After the publish form: the version just published, announced.
    const published = versionParameter(query.published);
    const justPublished = typeof published === 'number' ? published : undefined;
    const asked = readPage(request.query);
    const format = pageFormat(request.query);
    if (format !== 'html') {
      const refused = sendPageProblem(reply, asked);
      if (refused) return refused;
    }
    const org = orgOf(request.query);
    const view = await cycleVersions(contextOf(request), fiscalYear, {
      ...(version !== undefined && { version }),
      page: asked.page,
      pageSize: VERSION_CHANGES_PAGE_SIZE,
    });
    if (format !== 'html') {
      const downloads = Object.fromEntries(view.versions.map((row) => [row.version, versionDownloadHref(fiscalYear, row.version, org)]));
      const json = { organization: await organizationName(request), ...view, versions: view.versions.map((row) => ({ ...row, download: downloads[row.version] })) };
      return sendData(reply, format, `versions-${fiscalYear}${version === undefined ? '' : `-v${version}`}`, json, () => versionsCsv(view.versions, view.changes));
    }
    const year = formatFiscalYear(fiscalYear, { letter: true });
    const rows = new Map(view.versions.map((row) => [row.version, row]));
    return sendPage(
      reply,
      <Layout
        title={`${year}の公表版`}
        titleEn={`Published versions of FY${fiscalYear}`}
        organization={await organizationName(request)}
        org={org}
        path={request.url.split('?')[0] ?? '/'}
        data={dataLinksFor(request.url)}
      >
        <p>
          {year}の評価として公表した版です。公表版は変更されず、SHA-256 でダウンロードした文書を確かめられます。
          <En> The versions published as the evaluation of FY{fiscalYear}. A version never changes; its SHA-256 checks a downloaded document.</En>
        </p>
        {justPublished !== undefined && view.versions.some((row) => row.version === justPublished) && (
          <p role="status">
            第{justPublished}版を公表しました。 <En>Version {justPublished} is published.</En>
          </p>
        )}
        <VersionTable view={view} org={org} />
        {asked.error !== undefined && <p className="field-error">{asked.error}</p>}
        {version !== undefined && (
          <p>
            <a href={queryHref(`/versions/${fiscalYear}`, { org })}>すべての版の変更 <En>Changes of every version</En></a>
          </p>
        )}
        {view.changes.map((changes) => (
          <ChangesSection key={changes.version} changes={changes} row={rows.get(changes.version)} url={request.url} fiscalYear={fiscalYear} org={org} />
        ))}
      </Layout>,
      asked.error === undefined ? 200 : 400,
    );
  });
}
