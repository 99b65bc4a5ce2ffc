// /attention: every row needing attention in a fiscal year, worst first, a page at a time, of
// the whole organization or one bureau — the list the dashboard shows the top of. Its JSON and
// CSV are the page's items; `hyoka check` and the exports give the whole.
import type { FastifyInstance } from 'fastify';
import { sendData, type CsvTable } from './data.js';
import { En, nosText, yearLabel, YearForm } from './dashboard-parts.js';
import { AttentionTable } from './dashboard-attention.js';
import { dataLinksFor, Layout } from './layout.js';
import { Pager, paging, rangeText, type Paging } from './pager.js';
import { pagedContext, pageHref, pageStatus, sendQueryProblems } from './page-query.js';
import { sendPage } from './render.js';
import { ATTENTION_LABELS, attentionItems, attentionOfBureau, type AttentionItem } from '../../services/views/dashboard-attention.js';

export const ATTENTION_PAGE_SIZE = 100;

export function registerAttentionList(app: FastifyInstance): void {
  app.get('/attention', { schema: { hide: true } }, async (request, reply) => {
    const context = await pagedContext(request);
    const refused = sendQueryProblems(reply, context);
    if (refused) return refused;
    const { bureau } = context.reading.values;
    const all = attentionOfBureau(attentionItems(context.document, context.fiscalYear), bureau);
    const pages = paging(all.length, ATTENTION_PAGE_SIZE, context.page);
    const items = all.slice(pages.offset, pages.offset + pages.size);
    if (context.format !== 'html') {
      const json = { organization: context.organization.name, fiscalYear: context.fiscalYear, ...(bureau !== undefined && { bureau }), page: pages, items };
      return sendData(reply, context.format, `attention-${context.fiscalYear}`, json, () => attentionCsv(items));
    }
    const range = rangeText(pages, { ja: '件', en: 'items' });
    return sendPage(
      reply,
      <Layout title="要注意の行" titleEn="Rows needing attention" organization={context.organization.name} org={context.org} path="/attention" data={dataLinksFor(request.url)}>
        <p>
          {yearLabel(context.fiscalYear)}の、目標に届かない指標、実績のない目標、データ点検の指摘です。目標から遠いものから順に示します。{' '}
          <En>Indicators behind target, targets without an actual, and data-check findings, furthest behind first.</En>{' '}
          <a href={pageHref('/', { org: context.org, fiscalYear: context.fiscalYear, ...(bureau !== undefined && { bureau }) })}>
            ダッシュボードへ <En>Dashboard</En>
          </a>
        </p>
        <YearForm action="/attention" choices={context.choices} reading={context.reading} org={context.org} fields={['fiscalYear', 'bureau']} />
        {context.reading.errors.page !== undefined && <p className="field-error">{context.reading.errors.page}</p>}
        <p role="status">
          {range.ja} <En>{range.en}</En>
        </p>
        {items.length > 0 && (
          <AttentionTable
            items={items}
            org={context.org}
            fiscalYear={context.fiscalYear}
            showBureau={bureau === undefined && context.choices.bureaus.length > 1}
            caption={<AttentionCaption fiscalYear={context.fiscalYear} bureau={bureau} pages={pages} />}
          />
        )}
        <Pager paging={pages} url={request.url} label="要注意の行" />
      </Layout>,
      pageStatus(context),
    );
  });
}

function AttentionCaption({ fiscalYear, bureau, pages }: { fiscalYear: number; bureau: string | undefined; pages: Paging }) {
  return (
    <>
      {yearLabel(fiscalYear)} 要注意の行{bureau !== undefined && `（${bureau}）`}
      {pages.pages > 1 && `、${pages.number}/${pages.pages}ページ`} <En>Rows needing attention{pages.pages > 1 && `, page ${pages.number} of ${pages.pages}`}</En>
    </>
  );
}

function attentionCsv(items: readonly AttentionItem[]): CsvTable {
  return {
    header: ['区分', 'No.', '事業キー', '事業', '指標・対象', '内容', '局'],
    rows: items.map((item) => [ATTENTION_LABELS[item.kind][0], nosText(item.nos), item.projectKey, item.projectName, item.subject, item.detail, item.bureaus.join(' ')]),
  };
}
