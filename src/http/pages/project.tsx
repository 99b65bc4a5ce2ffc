// `/projects/:key` — one project as a PDCA page: Plan, Do, Check, Action, and its earlier years;
// for a signed-in user of its organization, its latest changes (the change log).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dataLinksFor, Layout } from './layout.js';
import { sendData } from './data.js';
import { sendPage } from './render.js';
import { encodePathSegment, pageContext, pageStatus, queryHref, sendQueryProblems } from './page-query.js';
import { mayEditProject } from '../../services/project-form.js';
import { contextOf } from '../context.js';
import { En, YearForm } from './dashboard-parts.js';
import { PlanSection, DoSection } from './project-plan.js';
import { CheckSection } from './project-check.js';
import { ActionSection, EarlierSection } from './project-action.js';
import { findProject, projectView, type ProjectView } from '../../services/views/project.js';
import { projectCsv } from '../../services/views/project-csv.js';
import { ServiceError } from '../../services/errors.js';
import { cachedMarkup } from './page-cache.js';
import { projectHistory } from '../../services/history.js';
import { historyRows, type HistoryRow } from '../../services/views/history.js';
import { HistoryTable } from './history.js';
import { openEntryThread } from '../../services/cycle-entry.js';
import { EntryThreadSection } from './entry-thread.js';

export function registerProject(app: FastifyInstance): void {
  app.get<{ Params: { key: string } }>('/projects/:key', { schema: { hide: true } }, async (request, reply) => {
    const context = await pageContext(request);
    const project = findProject(context.document, request.params.key);
    if (!project) {
      throw new ServiceError('not-found', `事業「${request.params.key}」はありません / There is no project "${request.params.key}"`);
    }
    const refused = sendQueryProblems(reply, context);
    if (refused) return refused;
    const view = projectView(context.document, project, context.fiscalYear);
    const editable = await mayEditProject(contextOf(request), project);
    if (context.format !== 'html') {
      return sendData(reply, context.format, `project-${view.key}-${view.fiscalYear}`, { organization: context.organization.name, ...view }, () => projectCsv(view));
    }
    const history = await signedInHistory(request, view.key);
    const thread = await openEntryThread(contextOf(request), view.key);
    return sendPage(
      reply,
      <Layout title={view.name} titleEn="Project (PDCA)" organization={context.organization.name} org={context.org} path={context.path} data={dataLinksFor(request.url)}>
        <p className="project-owner">
          {view.bureau ?? ''} {view.division} <En>Bureau and division</En>
          {editable && (
            <>
              {' '}
              ・ <a href={queryHref(`/projects/${encodePathSegment(view.key)}/edit`, { org: context.org, fiscalYear: view.fiscalYear })}>この事業を編集 <En>Edit this project</En></a>
            </>
          )}
        </p>
        <YearForm action={context.path} choices={context.choices} reading={context.reading} org={context.org} />
        <nav aria-label="PDCA">
          <ul className="pdca-nav">
            <li><a href="#plan">Plan 計画</a></li>
            <li><a href="#do">Do 実行</a></li>
            <li><a href="#check">Check 評価</a></li>
            <li><a href="#action">Action 改善</a></li>
            <li><a href="#earlier">過去の評価 <En>Earlier years</En></a></li>
          </ul>
        </nav>
        <div
          className="pdca"
          dangerouslySetInnerHTML={{ __html: cachedMarkup(context.document, `project ${view.key} ${view.fiscalYear} ${context.org ?? ''}`, () => <ProjectBody view={view} org={context.org} />) }}
        />
        {thread && <EntryThreadSection thread={thread} org={context.org} />}
        {history && (
          <section id="history" aria-labelledby="history-title">
            <h2 id="history-title">
              変更履歴 <En>History</En>
            </h2>
            <HistoryTable rows={history} org={context.org} projectLinks={false} />
            <p>
              <a href={`/history${context.org === undefined ? '' : `?${new URLSearchParams({ org: context.org }).toString()}`}`}>
                団体のすべての変更 <En>All changes of the organization</En>
              </a>
            </p>
          </section>
        )}
      </Layout>,
      pageStatus(context),
    );
  });
}

const HISTORY_ROWS = 50;

/** The project's latest changes, for a user of its organization (drafts are theirs to read); none for anyone else. */
async function signedInHistory(request: FastifyRequest, key: string): Promise<HistoryRow[] | undefined> {
  if (request.actor.kind === 'anonymous') return undefined;
  try {
    return historyRows(await projectHistory(contextOf(request), key, { limit: HISTORY_ROWS }));
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'forbidden') return undefined;
    throw error;
  }
}

function ProjectBody({ view, org }: { view: ProjectView; org?: string | undefined }) {
  return (
    <>
      <PlanSection view={view} org={org} />
      <DoSection view={view} />
      <CheckSection view={view} />
      <ActionSection view={view} />
      <EarlierSection view={view} />
    </>
  );
}
