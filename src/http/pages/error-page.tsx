// Errors of the pages are pages: an HTML page in the site's layout, under the organization's
// name, with the status of the error. A path that is no page is answered the same way (a
// reader who mistypes an address sees the site, not JSON); the API under /api/ and a page's
// data (?format=json|csv) keep the JSON error of the app's not-found handler.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { asServiceError, ServiceError } from '../../services/errors.js';
import { createContext } from '../../services/context.js';
import { errorBody, internalErrorMessage, logServerError, serviceStatus } from '../errors.js';
import { pageFormat } from './data.js';
import { Layout } from './layout.js';
import { orgOf } from './page-query.js';
import { sendPage } from './render.js';


/** The route of every path that is no page (pdf.ts prints no PDF of it). */
export const NOT_FOUND_ROUTE = '/*';

/** Shown where no organization can be named (an empty database, or several and none chosen). */
const NO_ORGANIZATION = 'hyoka';

function ErrorPage({ status, message, path, organization }: { status: number; message: string; path: string; organization: string }) {
  const [title, titleEn] = status === 404 ? ['ページが見つかりません', 'Not found'] : status < 500 ? ['表示できません', 'Cannot show this page'] : ['エラーが発生しました', 'Error'];
  return (
    <Layout title={title} titleEn={titleEn} organization={organization} path={path}>
      <p role="alert">{message}</p>
      <p>
        <a href="/">ダッシュボードへ戻る <span lang="en">Back to the dashboard</span></a>
      </p>
    </Layout>
  );
}

/**
 * The organization the page would have shown: the one ?org= names, else the only one in
 * the database. An error page must not fail in turn, so any failure gives the neutral name.
 */
export async function organizationName(request: FastifyRequest): Promise<string> {
  for (const ref of [orgOf(request.query), undefined]) {
    try {
      return (await createContext(request.server.store, request.actor, ref).organization()).name;
    } catch {
      // not this one: try the only organization, then give up
    }
  }
  return NO_ORGANIZATION;
}

export function installPageErrors(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    let status: number;
    let message: string;
    const service = asServiceError(error);
    // A page's data (?format=json|csv) is answered as the API answers: the JSON error.
    if (service && pageFormat(request.query) !== 'html') {
      status = serviceStatus(reply, service);
      if (status >= 500) logServerError(request, status, error);
      return reply.status(status).send(errorBody(service.message, service.problems));
    }
    if (service) {
      status = serviceStatus(reply, service);
      if (status >= 500) logServerError(request, status, error);
      message = service.message;
    } else {
      status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) logServerError(request, status, error);
      message = status === 500 ? internalErrorMessage(request) : `リクエストが正しくありません / Invalid request: ${error.message}`;
    }
    // A database that is busy or gone cannot name the organization either: do not wait for it again.
    const organization = status === 503 ? NO_ORGANIZATION : await organizationName(request);
    return sendPage(reply, <ErrorPage status={status} message={message} path={path} organization={organization} />, status);
  });

  // Any GET no page claims: routes of their own always win over this wildcard.
  app.get(NOT_FOUND_ROUTE, { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/') || pageFormat(request.query) !== 'html') return reply.callNotFound();
    throw new ServiceError(
      'not-found',
      `「${path}」というページはありません。アドレスを確かめるか、上のメニューからお探しください / There is no page ${path}: check the address, or start from the menu above`,
    );
  });
}
