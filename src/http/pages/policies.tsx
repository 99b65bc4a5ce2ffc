// `/policies` — the policy tree with each policy's bureau grade (局施策評価) and its rows'
// grades (事業評価) for the year, 100 policies a page (a large organization has thousands),
// each page worked out once per computed document; `/policies/:code` — one policy and its rows.
import type { FastifyInstance } from 'fastify';
import { dataLinksFor, Layout } from './layout.js';
import { sendData } from './data.js';
import { sendPage } from './render.js';
import { pageContext, pagedContext, pageStatus, sendQueryProblems } from './page-query.js';
import { YearForm } from './dashboard-parts.js';
import { PolicyTree } from './policy-tree.js';
import { PolicyDetail } from './policy-detail.js';
import { policiesView, policyView } from '../../services/views/policies.js';
import { policiesCsv } from '../../services/views/policies-csv.js';
import { ServiceError } from '../../services/errors.js';
import { resolveProfile } from '../../services/pages.js';
import { cachedValue } from './page-cache.js';
import { Pager, paging, rangeText } from './pager.js';
import { En } from './dashboard-parts.js';
import { editablePolicyBureaus } from '../../services/policy-evaluation-form.js';
import { contextOf } from '../context.js';

/** Policies on one page of the tree. */
export const POLICIES_PAGE_SIZE = 100;

export function registerPolicies(app: FastifyInstance): void {
  app.get('/policies', { schema: { hide: true } }, async (request, reply) => {
    const context = await pagedContext(request);
    const refused = sendQueryProblems(reply, context);
    if (refused) return refused;
    const { document, fiscalYear } = context;
    const total = cachedValue(document, `policies ${fiscalYear} count`, () => policiesView(document, fiscalYear, { offset: 0, size: 0 }).total);
    const pages = paging(total, POLICIES_PAGE_SIZE, context.page);
    const view = cachedValue(document, `policies ${fiscalYear} page ${pages.number}`, () => policiesView(document, fiscalYear, pages));
    if (context.format !== 'html') {
      const json = { organization: context.organization.name, ...view, page: pages };
      return sendData(reply, context.format, `policies-${view.fiscalYear}${pages.pages > 1 ? `-${pages.number}` : ''}`, json, () => policiesCsv(view.fiscalYear, view.policies));
    }
    const range = rangeText(pages, { ja: '施策', en: 'policies' });
    return sendPage(
      reply,
      <Layout title="施策" titleEn="Policies" organization={context.organization.name} org={context.org} path={context.path} data={dataLinksFor(request.url)}>
        <YearForm action="/policies" choices={context.choices} reading={context.reading} org={context.org} />
        {context.reading.errors.page !== undefined && <p className="field-error">{context.reading.errors.page}</p>}
        {pages.pages > 1 && (
          <p role="status">
            {range.ja} <En>{range.en}</En>
          </p>
        )}
        <PolicyTree view={view} grades={resolveProfile(context.document.settings).grades} org={context.org} />
        <Pager paging={pages} url={request.url} label="施策体系" />
      </Layout>,
      pageStatus(context),
    );
  });

  app.get<{ Params: { code: string } }>('/policies/:code', { schema: { hide: true } }, async (request, reply) => {
    const context = await pageContext(request);
    // Fastify has decoded the percent-encoding: `I-2-(1)-%E2%91%A1` is `I-2-(1)-②` here.
    const { code } = request.params;
    const view = policyView(context.document, code, context.fiscalYear);
    if (!view) {
      throw new ServiceError('not-found', `施策「${code}」はありません / There is no policy "${code}"`);
    }
    const refused = sendQueryProblems(reply, context);
    if (refused) return refused;
    if (context.format !== 'html') {
      return sendData(reply, context.format, `policy-${context.fiscalYear}`, { organization: context.organization.name, fiscalYear: context.fiscalYear, ...view }, () =>
        policiesCsv(context.fiscalYear, [view]),
      );
    }
    const bureaus = [
      ...view.evaluations.flatMap((evaluation) => evaluation.bureau ?? []),
      ...context.document.projects.filter((project) => project.placements.some((row) => row.policy === code)).flatMap((project) => project.bureau ?? []),
    ];
    const editable = await editablePolicyBureaus(contextOf(request), bureaus);
    return sendPage(
      reply,
      <Layout title={`施策 ${view.code}`} titleEn={`Policy ${view.code}`} organization={context.organization.name} org={context.org} path={context.path} data={dataLinksFor(request.url)}>
        <YearForm action={context.path} choices={context.choices} reading={context.reading} org={context.org} />
        <PolicyDetail view={view} fiscalYear={context.fiscalYear} org={context.org} editableBureaus={editable} />
      </Layout>,
      pageStatus(context),
    );
  });
}
