// /changes?from=&to=: what changed between two fiscal years — budgets, targets and mid-term
// targets, grades, courses and improvement texts, and what one year has and the other not.
// `changed=1` keeps only the projects where something differs. The counts are of the whole
// comparison; the projects are listed a page at a time (a large organization has thousands),
// and the comparison is worked out once per computed document and pair of years.
import type { FastifyInstance } from 'fastify';
import { formatFiscalYear } from '../../services/pages.js';
import { publicDocument } from '../../services/public-view.js';
import { contextOf } from '../context.js';
import { pageFormat, sendData, type CsvTable } from './data.js';
import { Layout, dataLinksFor } from './layout.js';
import { sendPage } from './render.js';
import { orgOf } from './page-query.js';
import { cachedValue } from './page-cache.js';
import { En } from './dashboard-parts.js';
import { Pager, paging, rangeText, readPage, sendPageProblem } from './pager.js';
import { ChangeCountList, ChangesForm, ProjectChangeTable, type YearQuery } from './changes-parts.js';
import { PRESENCE_LABELS, changeLabel, changesView, defaultChangeYears, yearsWithData, type ChangesView } from '../../services/views/changes.js';

/** Projects on one page of the comparison. */
export const CHANGES_PAGE_SIZE = 100;

/** Reads from/to; a bad value is reported at its field and the default used instead. */
export function readYears(query: unknown, defaults: { from: number; to: number }): YearQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const errors: YearQuery['errors'] = {};
  const read = (name: 'from' | 'to'): number => {
    const value = typeof q[name] === 'string' ? (q[name] as string).trim() : '';
    if (value === '') return defaults[name];
    if (/^\d{4}$/.test(value)) return Number(value);
    errors[name] = `年度は西暦4桁で指定してください (例: 2021) / Give the fiscal year as four digits, e.g. 2021`;
    return defaults[name];
  };
  const years = { from: read('from'), to: read('to') };
  const changedOnly = q.changed === '1';
  return { ...years, changedOnly, errors };
}

export function registerChanges(app: FastifyInstance): void {
  app.get('/changes', { schema: { hide: true } }, async (request, reply) => {
    const org = orgOf(request.query);
    const { organization, document } = await publicDocument(contextOf(request));
    const query = readYears(request.query, defaultChangeYears(document));
    const asked = readPage(request.query);
    const full = cachedValue(document, `changes ${query.from} ${query.to}`, () => changesView(document, query.from, query.to));
    const listed = query.changedOnly ? cachedValue(document, `changes ${query.from} ${query.to} changed`, () => full.projects.filter((project) => project.changed)) : full.projects;
    const pages = paging(listed.length, CHANGES_PAGE_SIZE, asked.page);
    const view: ChangesView = { ...full, projects: listed.slice(pages.offset, pages.offset + pages.size) };
    const format = pageFormat(request.query);
    if (format !== 'html') {
      const refused = sendPageProblem(reply, asked);
      if (refused) return refused;
      const json = { organization: organization.name, changedOnly: query.changedOnly, ...view, page: pages };
      return sendData(reply, format, `changes-${view.from}-${view.to}${pages.pages > 1 ? `-${pages.number}` : ''}`, json, () => changesCsv(view));
    }
    const range = rangeText(pages, { ja: '事業', en: 'projects' });
    const [fromLabel, toLabel] = [formatFiscalYear(view.from, { letter: true }), formatFiscalYear(view.to, { letter: true })];
    const years = yearsWithData(document);
    return sendPage(
      reply,
      <Layout title="年度間の変更" titleEn="Changes between fiscal years" organization={organization.name} org={org} path="/changes" data={dataLinksFor(request.url)}>
        <p>
          {fromLabel}と{toLabel}の間で変わった予算額・目標・中期目標・事業評価・成果の方向性・強化・見直した内容を、事業ごとに並べます。
          片方の年度にしかない値は「—」です。
          <span lang="en" className="en">
            {' '}Budgets, targets, mid-term targets, grades, courses and improvement texts of FY{view.from} against FY{view.to}, project by project; — where a year has none.
          </span>
        </p>
        <ChangesForm years={years} query={query} org={org} />
        {!years.includes(view.from) || !years.includes(view.to) ? (
          <p role="status">
            {[view.from, view.to].filter((year) => !years.includes(year)).map((year) => formatFiscalYear(year, { letter: true })).join('・')}
            のデータはありません / This document holds no data for that year
          </p>
        ) : null}
        <ChangeCountList view={full} fromLabel={fromLabel} toLabel={toLabel} />
        <h2>
          事業ごとの変更 <span lang="en" className="en">Changes by project</span>
        </h2>
        {asked.error !== undefined && <p className="field-error">{asked.error}</p>}
        {view.projects.length === 0 ? (
          <p>表示する事業はありません / No projects to show</p>
        ) : (
          <p role="status">
            {range.ja} <En>{range.en}</En>
          </p>
        )}
        {view.projects.map((project) => (
          <ProjectChangeTable key={project.key} project={project} fromLabel={fromLabel} toLabel={toLabel} org={org} />
        ))}
        <Pager paging={pages} url={request.url} label="事業ごとの変更" />
      </Layout>,
      asked.error === undefined ? 200 : 400,
    );
  });
}

/** One line per compared value, as the page's tables list them. */
export function changesCsv(view: ChangesView): CsvTable {
  const [from, to] = [formatFiscalYear(view.from, { letter: true }), formatFiscalYear(view.to, { letter: true })];
  const header = ['事業キー', '主な事業・取組', '所管課名', '事業の有無', '区分', 'No.', '施策番号', '指標名等', from, to, '変更', '増減'];
  const rows: (string | number | null)[][] = [];
  for (const project of view.projects) {
    const head = [project.key, project.name, project.division, PRESENCE_LABELS[project.presence]];
    const { budget } = project;
    rows.push([...head, '予算額(千円)', null, null, null, budget.from, budget.to, changeLabel({ from: budget.from === null ? null : String(budget.from), to: budget.to === null ? null : String(budget.to), changed: budget.changed }), budget.change]);
    for (const indicator of project.indicators) {
      rows.push([...head, '目標', null, null, indicator.name, indicator.target.from, indicator.target.to, changeLabel(indicator.target), null]);
      rows.push([...head, '中期目標', null, null, indicator.name, indicator.midTerm.from, indicator.midTerm.to, changeLabel(indicator.midTerm), null]);
      for (const revision of indicator.revisions) {
        rows.push([...head, '中期目標改訂', null, null, indicator.name, revision.previous, revision.reason, revision.fiscalYear === undefined ? '年度の記載なし' : formatFiscalYear(revision.fiscalYear, { letter: true }), null]);
      }
    }
    for (const row of project.rows) {
      const rowHead = [...head];
      rows.push([...rowHead, '事業評価', row.no, row.policy, null, row.grade.from, row.grade.to, changeLabel(row.grade), null]);
      rows.push([...rowHead, '成果の方向性', row.no, row.policy, null, row.course.from, row.course.to, changeLabel(row.course), null]);
      rows.push([...rowHead, '強化・見直した内容', row.no, row.policy, null, row.improvement.from, row.improvement.to, changeLabel(row.improvement), null]);
    }
  }
  return { header, rows };
}
