// The pages people read: server-rendered HTML under their own error handling (an error is a
// page, not JSON), plus the assets they load. Each page lives in its own module and is
// registered below; every page also answers ?format=json|csv with what it shows.
import type { FastifyError, FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/open.js';
import { ServiceError, type ServiceErrorKind } from '../../services/errors.js';
import { registerAssets } from './assets.js';
import { registerDownloads } from './downloads.js';
import { registerDashboard } from './dashboard.js';
import { registerAttentionList } from './dashboard-attention-list.js';
import { registerPolicies } from './policies.js';
import { registerProject } from './project.js';
import { registerSheet } from './sheet.js';
import { registerSdgs } from './sdgs.js';
import { registerChanges } from './changes.js';
import { registerSearch } from './search.js';
import { Layout } from './layout.js';
import { registerPdf } from './pdf.js';
import { sendPage } from './render.js';

export interface PagesOptions {
  store: Store;
}

export interface PageDeps {
  store: Store;
}

const STATUS: Record<ServiceErrorKind, number> = { invalid: 400, 'not-found': 404, ambiguous: 400, unauthorized: 401, forbidden: 403, conflict: 409, unavailable: 503 };

function ErrorPage({ status, message, path }: { status: number; message: string; path: string }) {
  const [title, titleEn] = status === 404 ? ['ページが見つかりません', 'Not found'] : status < 500 ? ['表示できません', 'Cannot show this page'] : ['エラーが発生しました', 'Error'];
  return (
    <Layout title={title} titleEn={titleEn} organization="hyoka" path={path}>
      <p role="alert">{message}</p>
      <p>
        <a href="/">ダッシュボードへ戻る <span lang="en">Back to the dashboard</span></a>
      </p>
    </Layout>
  );
}

function installPageErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (error instanceof ServiceError) {
      return sendPage(reply, <ErrorPage status={STATUS[error.kind]} message={error.message} path={path} />, STATUS[error.kind]);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    const message = status === 500 ? 'サーバーで問題が発生しました / Internal server error' : `リクエストが正しくありません / Invalid request: ${error.message}`;
    return sendPage(reply, <ErrorPage status={status} message={message} path={path} />, status);
  });
}

export const registerPages: FastifyPluginAsync<PagesOptions> = async (app, { store }) => {
  installPageErrors(app);
  registerAssets(app);
  registerPdf(app);
  const deps: PageDeps = { store };
  registerDashboard(app, deps);
  registerAttentionList(app, deps);
  registerPolicies(app, deps);
  registerProject(app, deps);
  registerSheet(app, deps);
  registerSdgs(app, deps);
  registerChanges(app, deps);
  registerSearch(app, deps);
  registerDownloads(app, deps);
};
