// /sdgs: projects and budget by SDG goal for one fiscal year's sheet — a chart, the table of
// the same numbers, and each goal's projects linking to their pages (keeping ?org=), 100 list
// entries a page (a large organization lists each of thousands of projects under several goals).
// The view is worked out once per computed document and year.
import type { FastifyInstance } from 'fastify';
import type { EChartsOption } from 'echarts';
import { formatAmount, formatFiscalYear, formatSdgs, sheetOf } from '../../services/pages.js';
import { ChartFigure } from './chart.js';
import { sendData, type CsvTable } from './data.js';
import { YearForm } from './dashboard-parts.js';
import { Layout, dataLinksFor } from './layout.js';
import { cachedMarkup } from './page-cache.js';
import { pagedContext, pageStatus, projectHref, sendQueryProblems, type LinkOptions } from './page-query.js';
import { sendPage } from './render.js';
import { SDG_NAMES, listedProjects, sdgsPage, sdgsView, type SdgProject, type SdgsView } from '../../services/views/sdgs.js';
import { cachedValue } from './page-cache.js';
import { Pager, paging, rangeText, type Paging } from './pager.js';
import { En } from './dashboard-parts.js';

/** Entries of the goals' project lists on one page. */
export const SDGS_PAGE_SIZE = 100;

export function registerSdgs(app: FastifyInstance): void {
  app.get('/sdgs', { schema: { hide: true } }, async (request, reply) => {
    const context = await pagedContext(request);
    const refused = sendQueryProblems(reply, context);
    if (refused) return refused;
    const { document, fiscalYear } = context;
    const whole = cachedValue(document, `sdgs view ${fiscalYear}`, () => sdgsView(sheetOf(document, { fiscalYear })));
    const pages = paging(listedProjects(whole), SDGS_PAGE_SIZE, context.page);
    const view = sdgsPage(whole, pages);
    if (context.format !== 'html') {
      const json = { organization: context.organization.name, ...view, page: pages };
      return sendData(reply, context.format, `sdgs-${view.fiscalYear}${pages.pages > 1 ? `-${pages.number}` : ''}`, json, () => sdgsCsv(view));
    }
    // The chart is drawn once per computed document, year, ?org= and page (page-cache.ts), as the dashboard's are.
    const key = `sdgs ${view.fiscalYear} ${context.org ?? ''} ${pages.number}`;
    const body = cachedMarkup(document, key, () => <SdgsBody view={view} org={context.org} pages={pages} />);
    return sendPage(
      reply,
      <Layout title="SDGsゴール別の事業と予算" titleEn="Projects and budget by SDG goal" organization={context.organization.name} org={context.org} path="/sdgs" data={dataLinksFor(request.url)}>
        <YearForm action="/sdgs" choices={context.choices} reading={context.reading} org={context.org} />
        {context.reading.errors.page !== undefined && <p className="field-error">{context.reading.errors.page}</p>}
        <div className="sdgs-page" dangerouslySetInnerHTML={{ __html: body }} />
        <Pager paging={pages} url={request.url} label="ゴールごとの事業" />
      </Layout>,
      pageStatus(context),
    );
  });
}

function SdgsBody({ view, org, pages }: { view: SdgsView; org?: string | undefined; pages: Paging }) {
  const range = rangeText(pages, { ja: '件', en: 'entries' });
  const year = formatFiscalYear(view.fiscalYear, { letter: true });
  const budgetYear = formatFiscalYear(view.budgetYear, { letter: true });
  return (
    <>
      <p>
        {year}のPDCAシートの行を、SDGsゴールごとに数えます。予算額は{budgetYear}予算額（千円）です。
        1つの事業が複数のゴールに関わるときは、その事業の予算額をそれぞれのゴールに数えるため、ゴール別の合計は全体の予算額より大きくなります。
        <span lang="en" className="en">
          Rows of the FY{view.fiscalYear} sheet by goal, with the FY{view.budgetYear} budget (thousand yen). A project with several goals counts its
          budget under each of them, so the goals add up to more than the total.
        </span>
      </p>
      <p>
        全体: {view.total.rows}行、{view.total.projects}事業、{budgetYear}予算額 {formatAmount(view.total.budget)}千円（各事業を1回だけ数えた合計）
        <span lang="en" className="en">
          {' '}Total: {view.total.rows} rows, {view.total.projects} projects, budget {formatAmount(view.total.budget)} thousand yen, each project counted once
        </span>
      </p>
      <ChartFigure
        caption={`SDGsゴール別 ${budgetYear}予算額（千円） / Budget by SDG goal (thousand yen)`}
        option={chartOption(view)}
        size={{ width: 720, height: Math.max(200, 40 + view.goals.length * 28) }}
        table={<GoalTable view={view} budgetYear={budgetYear} />}
      />
      <h2>
        ゴールごとの事業 <span lang="en" className="en">Projects by goal</span>
      </h2>
      {pages.pages > 1 && (
        <p role="status">
          {range.ja} <En>{range.en}</En>
        </p>
      )}
      {view.goals.filter((goal) => goal.projects.length > 0).map((goal) => (
        <section key={goal.goal} aria-labelledby={`goal-${goal.goal}`}>
          <h3 id={`goal-${goal.goal}`}>
            {formatSdgs([goal.goal])} ゴール{goal.goal} {SDG_NAMES[goal.goal]?.[0]} <span lang="en" className="en">{SDG_NAMES[goal.goal]?.[1]}</span>
          </h3>
          <ProjectList projects={goal.projects} links={{ org, fiscalYear: view.fiscalYear }} />
        </section>
      ))}
      {view.withoutGoal.projects.length > 0 && (
        <section aria-labelledby="goal-none">
          <h3 id="goal-none">
            ゴールの記載がない行 <span lang="en" className="en">Rows naming no goal</span>
          </h3>
          <ProjectList projects={view.withoutGoal.projects} links={{ org, fiscalYear: view.fiscalYear }} />
        </section>
      )}
    </>
  );
}

function chartOption(view: SdgsView): EChartsOption {
  const goals = [...view.goals].reverse(); // the first goal on top
  return {
    grid: { left: 80, right: 110, top: 10, bottom: 30 },
    xAxis: { type: 'value', name: '千円', axisLabel: { formatter: (value: number) => formatAmount(value) } },
    yAxis: { type: 'category', data: goals.map((goal) => `ゴール${goal.goal}`) },
    series: [
      {
        type: 'bar',
        data: goals.map((goal) => goal.budget),
        itemStyle: { color: '#0017c1' },
        label: { show: true, position: 'right', formatter: ({ value }) => formatAmount(Number(value)) },
      },
    ],
  };
}

function GoalTable({ view, budgetYear }: { view: SdgsView; budgetYear: string }) {
  return (
    <table className="goals">
      <caption>
        SDGsゴール別の行数・事業数・予算額 <span lang="en" className="en">Rows, projects and budget by goal</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">ゴール <span lang="en" className="en">Goal</span></th>
          <th scope="col" className="number">行数 <span lang="en" className="en">Rows</span></th>
          <th scope="col" className="number">事業数 <span lang="en" className="en">Projects</span></th>
          <th scope="col" className="number">{budgetYear}予算額(千円) <span lang="en" className="en">Budget</span></th>
        </tr>
      </thead>
      <tbody>
        {view.goals.map((goal) => (
          <tr key={goal.goal}>
            <th scope="row">
              {formatSdgs([goal.goal])} ゴール{goal.goal} {SDG_NAMES[goal.goal]?.[0]}
            </th>
            <td className="number">{goal.rows}</td>
            <td className="number">{goal.projectCount}</td>
            <td className="number">{formatAmount(goal.budget)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProjectList({ projects, links }: { projects: SdgProject[]; links: LinkOptions }) {
  return (
    <ul>
      {projects.map((project) => (
        <li key={project.key}>
          <a href={projectHref(project.key, links)}>{project.name}</a>（{project.division}、No. {project.nos.join('・')}、予算額 {formatAmount(project.budget)}千円）
        </li>
      ))}
    </ul>
  );
}

/** One line per goal and project: the list the page shows under each goal, with the goal's figures. */
export function sdgsCsv(view: SdgsView): CsvTable {
  const budgetYear = formatFiscalYear(view.budgetYear, { letter: true });
  const header = ['ゴール', 'ゴール名', 'ゴールの行数', 'ゴールの事業数', `ゴールの${budgetYear}予算額(千円)`, '事業キー', '主な事業・取組', '所管課名', 'No.', `事業の${budgetYear}予算額(千円)`];
  const rows = view.goals.flatMap((goal) =>
    goal.projects.map((project) => [
      goal.goal, SDG_NAMES[goal.goal]?.[0], goal.rows, goal.projectCount, goal.budget,
      project.key, project.name, project.division, project.nos.join(' '), project.budget,
    ]),
  );
  return { header, rows };
}
