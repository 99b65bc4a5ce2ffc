// /changes?from=&to=: what changed between two fiscal years — budgets, targets and mid-term
// targets, grades, courses and improvement texts, and what one year has and the other not.
// `changed=1` keeps only the projects where something differs. The counts are of the whole
// comparison; the projects are listed a page at a time (a large organization has thousands),
// and the comparison is worked out once per computed document and pair of years.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../services/context.js';
import { formatFiscalYear } from '../../services/pages.js';
import { yearOf, type ReaderView } from '../../services/public-view.js';
import { ServiceError } from '../../services/errors.js';
import { contextOf } from '../context.js';
import { readerOf } from './edition.js';
import { pageFormat, sendData, type CsvTable } from './data.js';
import { Layout, dataLinksFor } from './layout.js';
import { sendPage } from './render.js';
import { orgOf } from './page-query.js';
import { cachedValue } from './page-cache.js';
import { En } from './dashboard-parts.js';
import { Pager, paging, rangeText, readPage, sendPageProblem } from './pager.js';
import { ChangeCountList, ChangesForm, ProjectChangeTable, type YearQuery } from './changes-parts.js';
import { PRESENCE_LABELS, changeLabel, changesBetween, type ChangesView } from '../../services/views/changes.js';

/** Projects on one page of the comparison. */
export const CHANGES_PAGE_SIZE = 100;

/**
 * Reads from/to among the years offered to the reader; a bad value, or a year not offered, is
 * reported at its field and the default used instead.
 */
export function readYears(query: unknown, defaults: { from: number; to: number }, offered?: readonly number[]): YearQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const errors: YearQuery['errors'] = {};
  const read = (name: 'from' | 'to'): number => {
    const value = typeof q[name] === 'string' ? (q[name] as string).trim() : '';
    if (value === '') return defaults[name];
    if (!/^\d{4}$/.test(value)) {
      errors[name] = `年度は西暦4桁で指定してください (例: 2021) / Give the fiscal year as four digits, e.g. 2021`;
      return defaults[name];
    }
    if (offered && !offered.includes(Number(value))) {
      errors[name] = `${value}年度は比較できる年度にありません / FY${value} is not among the years to compare`;
      return defaults[name];
    }
    return Number(value);
  };
  const years = { from: read('from'), to: read('to') };
  const changedOnly = q.changed === '1';
  return { ...years, changedOnly, errors };
}

/** The latest year offered and the one before it, when that is offered too: no comparison with a year nobody evaluated. */
export function defaultComparison(years: readonly number[]): { from: number; to: number } | undefined {
  const [to] = years;
  return to !== undefined && years.includes(to - 1) ? { from: to - 1, to } : undefined;
}

const NO_COMPARISON = '比較できる年度がありません（評価された年度が一つだけです） / There is nothing to compare: only one fiscal year has been evaluated';

export function registerChanges(app: FastifyInstance): void {
  app.get('/changes', { schema: { hide: true } }, async (request, reply) => {
    const org = orgOf(request.query);
    const reader = await readerOf(request);
    const { organization } = reader;
    const format = pageFormat(request.query);
    const defaults = defaultComparison(reader.years);
    if (!defaults) {
      if (format !== 'html') throw new ServiceError('not-found', NO_COMPARISON);
      return sendPage(
        reply,
        <Layout title="年度間の変更" titleEn="Changes between fiscal years" organization={organization.name} org={org} path="/changes">
          <p role="status">{NO_COMPARISON}</p>
        </Layout>,
      );
    }
    const query = readYears(request.query, defaults, reader.years);
    const asked = readPage(request.query);
    const full = await comparison(contextOf(request), reader, query.from, query.to);
    const listed = query.changedOnly ? changedProjects(full) : full.projects;
    const pages = paging(listed.length, CHANGES_PAGE_SIZE, asked.page);
    const view: ChangesView = { ...full, projects: listed.slice(pages.offset, pages.offset + pages.size) };
    if (format !== 'html') {
      const refused = sendPageProblem(reply, asked);
      if (refused) return refused;
      const json = { organization: organization.name, changedOnly: query.changedOnly, ...view, page: pages };
      return sendData(reply, format, `changes-${view.from}-${view.to}${pages.pages > 1 ? `-${pages.number}` : ''}`, json, () => changesCsv(view));
    }
    const range = rangeText(pages, { ja: '事業', en: 'projects' });
    const [fromLabel, toLabel] = [formatFiscalYear(view.from, { letter: true }), formatFiscalYear(view.to, { letter: true })];
    const fieldError = query.errors.from !== undefined || query.errors.to !== undefined;
    return sendPage(
      reply,
      <Layout title="年度間の変更" titleEn="Changes between fiscal years" organization={organization.name} org={org} path="/changes" data={dataLinksFor(request.url)}>
        <p>
          {fromLabel}と{toLabel}の間で変わった予算額・目標・中期目標・事業評価・成果の方向性・強化・見直した内容を、事業ごとに並べます。
          それぞれの年度の値は、その年度の評価{reader.edition === 'published' ? 'の公表版' : ''}から読みます。
          片方の年度にしかない値は「—」です。
          <span lang="en" className="en">
            {' '}Budgets, targets, mid-term targets, grades, courses and improvement texts of FY{view.from} against FY{view.to}, project by project, each year as its own evaluation
            {reader.edition === 'published' ? ' was published' : ' holds it'}; — where a year has none.
          </span>
        </p>
        <ChangesForm years={[...reader.years]} query={query} org={org} />
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
      asked.error === undefined && !fieldError ? 200 : 400,
    );
  });
}

/** The comparison of two offered years, each read from its own document; worked out once per pair of documents. */
async function comparison(ctx: Context, reader: ReaderView, from: number, to: number): Promise<ChangesView> {
  const [older, newer] = [await yearOf(ctx, reader, from), await yearOf(ctx, reader, to)];
  if (!older || !newer) throw new ServiceError('not-found', NO_COMPARISON);
  const pairs = cachedValue(newer.document, `changes ${from} ${to}`, () => new WeakMap<object, ChangesView>());
  let view = pairs.get(older.document);
  if (!view) pairs.set(older.document, (view = changesBetween(older, newer)));
  return view;
}

const changedLists = new WeakMap<ChangesView, ChangesView['projects']>();

/** The projects of a comparison where something differs, worked out once per comparison. */
function changedProjects(view: ChangesView): ChangesView['projects'] {
  let listed = changedLists.get(view);
  if (!listed) changedLists.set(view, (listed = view.projects.filter((project) => project.changed)));
  return listed;
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
