// /sdgs: projects and budget by SDG goal for one fiscal year's sheet — a chart, the table of
// the same numbers, and each goal's projects linking to their pages.
import type { FastifyInstance } from 'fastify';
import type { EChartsOption } from 'echarts';
import { formatFiscalYear } from '../../domain/era.js';
import { formatAmount, formatSdgs } from '../../domain/written.js';
import { sheetOf } from '../../interchange/sheet-rows.js';
import { computedDocument } from '../../services/computed.js';
import { ChartFigure } from './chart.js';
import { pageFormat, sendData, type CsvTable } from './data.js';
import { Filters, filterChoices, readFilters } from './filters.js';
import type { PageDeps } from './index.js';
import { Layout, dataLinksFor } from './layout.js';
import { sendPage } from './render.js';
import { orgOf } from './page-query.js';
import { SDG_NAMES, sdgsView, type SdgProject, type SdgsView } from './views/sdgs.js';

export function registerSdgs(app: FastifyInstance, { store }: PageDeps): void {
  app.get('/sdgs', { schema: { hide: true } }, async (request, reply) => {
    const org = orgOf(request.query);
    const { organization, document } = await computedDocument(store, org);
    const reading = readFilters(request.query);
    const { fiscalYear } = reading.values;
    const view = sdgsView(sheetOf(document, fiscalYear === undefined ? {} : { fiscalYear }));
    const format = pageFormat(request.query);
    if (format !== 'html') {
      return sendData(reply, format, `sdgs-${view.fiscalYear}`, { organization: organization.name, ...view }, () => sdgsCsv(view));
    }
    const year = formatFiscalYear(view.fiscalYear, { letter: true });
    const budgetYear = formatFiscalYear(view.budgetYear, { letter: true });
    return sendPage(
      reply,
      <Layout title="SDGsゴール別の事業と予算" titleEn="Projects and budget by SDG goal" organization={organization.name} path="/sdgs" data={dataLinksFor(request.url)}>
        <p>
          {year}のPDCAシートの行を、SDGsゴールごとに数えます。予算額は{budgetYear}予算額（千円）です。
          1つの事業が複数のゴールに関わるときは、その事業の予算額をそれぞれのゴールに数えるため、ゴール別の合計は全体の予算額より大きくなります。
          <span lang="en" className="en">
            Rows of the FY{view.fiscalYear} sheet by goal, with the FY{view.budgetYear} budget (thousand yen). A project with several goals counts its
            budget under each of them, so the goals add up to more than the total.
          </span>
        </p>
        <Filters action="/sdgs" choices={filterChoices(document)} reading={reading} fields={['fiscalYear']}>
          {org !== undefined && <input type="hidden" name="org" value={org} />}
        </Filters>
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
        {view.goals.map((goal) => (
          <section key={goal.goal} aria-labelledby={`goal-${goal.goal}`}>
            <h3 id={`goal-${goal.goal}`}>
              {formatSdgs([goal.goal])} ゴール{goal.goal} {SDG_NAMES[goal.goal]?.[0]} <span lang="en" className="en">{SDG_NAMES[goal.goal]?.[1]}</span>
            </h3>
            <ProjectList projects={goal.projects} />
          </section>
        ))}
        {view.withoutGoal.projects.length > 0 && (
          <section aria-labelledby="goal-none">
            <h3 id="goal-none">
              ゴールの記載がない行 <span lang="en" className="en">Rows naming no goal</span>
            </h3>
            <ProjectList projects={view.withoutGoal.projects} />
          </section>
        )}
      </Layout>,
    );
  });
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
    <table>
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
            <td className="number">{goal.projects.length}</td>
            <td className="number">{formatAmount(goal.budget)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProjectList({ projects }: { projects: SdgProject[] }) {
  return (
    <ul>
      {projects.map((project) => (
        <li key={project.key}>
          <a href={`/projects/${encodeURIComponent(project.key)}`}>{project.name}</a>（{project.division}、No. {project.nos.join('・')}、予算額 {formatAmount(project.budget)}千円）
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
      goal.goal, SDG_NAMES[goal.goal]?.[0], goal.rows, goal.projects.length, goal.budget,
      project.key, project.name, project.division, project.nos.join(' '), project.budget,
    ]),
  );
  return { header, rows };
}
