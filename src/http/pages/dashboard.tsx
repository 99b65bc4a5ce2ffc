// `/` — one fiscal year at a glance, of the whole organization or one bureau: rows by grade,
// achievement rates, budget by bureau and by SDG goal, the worst rows needing attention (all
// of them on /attention), and the previous year beside this one.
import type { FastifyInstance } from 'fastify';
import { dataLinksFor, Layout } from './layout.js';
import { sendData } from './data.js';
import { sendPage } from './render.js';
import { pageContext, pageStatus, sendQueryProblems } from './page-query.js';
import { En, yearLabel, YearForm } from './dashboard-parts.js';
import { BudgetSection, GradeSection, RateSection } from './dashboard-sections.js';
import { AttentionSection, ComparisonSection } from './dashboard-attention.js';
import { dashboardView, type DashboardView } from '../../services/views/dashboard.js';
import { dashboardCsv } from '../../services/views/dashboard-csv.js';
import { formatAmount } from '../../services/pages.js';
import { cachedMarkup, cachedValue } from './page-cache.js';
import { previousYear } from '../../services/public-view.js';
import { contextOf } from '../context.js';

export function registerDashboard(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const context = await pageContext(request);
    const refused = sendQueryProblems(reply, context);
    if (refused) return refused;
    const { bureau } = context.reading.values;
    // Y − 1 from its own evaluation, and only when someone evaluated it.
    const previous = await previousYear(contextOf(request), context.view);
    const compared = previous === undefined ? 'none' : previous.document === context.document ? 'same' : `v${previous.version?.version}`;
    const view = cachedValue(context.document, `dashboard ${JSON.stringify([context.fiscalYear, bureau, compared])}`, () =>
      dashboardView(context.document, context.fiscalYear, bureau, previous?.document ?? null),
    );
    if (context.format !== 'html') {
      return sendData(reply, context.format, `dashboard-${view.fiscalYear}`, { organization: context.organization.name, ...view }, () => dashboardCsv(view));
    }
    return sendPage(
      reply,
      <Layout title="ダッシュボード" titleEn="Dashboard" organization={context.organization.name} org={context.org} path="/" data={dataLinksFor(request.url)}>
        <YearForm action="/" choices={context.choices} reading={context.reading} org={context.org} fields={['fiscalYear', 'bureau']} />
        <div
          className="dashboard"
          dangerouslySetInnerHTML={{ __html: cachedMarkup(context.document, JSON.stringify([view.fiscalYear, bureau, context.org, compared]), () => <DashboardBody view={view} org={context.org} showBureau={bureau === undefined && context.choices.bureaus.length > 1} />) }}
        />
      </Layout>,
      pageStatus(context),
    );
  });
}

function DashboardBody({ view, org, showBureau }: { view: DashboardView; org?: string | undefined; showBureau: boolean }) {
  return (
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">
          {yearLabel(view.fiscalYear)}の評価{view.bureau !== undefined && `（${view.bureau}）`} <En>Evaluation of FY{view.fiscalYear}</En>
        </h2>
        <dl className="summary-figures">
          <div>
            <dt>行数 <En>Rows (No.)</En></dt>
            <dd>{view.rows}</dd>
          </div>
          <div>
            <dt>事業数 <En>Projects</En></dt>
            <dd>{view.projects}</dd>
          </div>
          <div>
            <dt>
              {yearLabel(view.budgetYear)}予算額 <En>Budget</En>
            </dt>
            <dd>{formatAmount(view.budgetTotal)} 千円</dd>
          </div>
          <div>
            <dt>要注意 <En>Needing attention</En></dt>
            <dd>{view.attentionTotal.toLocaleString('en-US')}件</dd>
          </div>
        </dl>
      </section>
      <GradeSection view={view} />
      <RateSection view={view} />
      <BudgetSection view={view} />
      <AttentionSection view={view} org={org} showBureau={showBureau} />
      <ComparisonSection view={view} />
    </>
  );
}
