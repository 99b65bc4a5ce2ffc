// Writing one project, a bureau's policy evaluation, and reading the change log
// (workflow.md, "Editing", "History"): PUT /api/v1/projects/:key with If-Match (the ETag of
// GET /api/v1/projects/:key), PUT /api/v1/policy-evaluations, GET /api/v1/projects/:key/history,
// GET /api/v1/history. Thin: the services decide rights, validity and conflicts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, saveProjects, savePolicyEvaluation, type ProjectEdit } from '../../services/editing.js';
import { organizationHistory, projectHistory } from '../../services/history.js';
import { contextOf } from '../context.js';
import { errorBody } from '../errors.js';

const orgQuery = z.object({ org: z.string().min(1).optional().describe('団体コード or name, when the database holds several organizations') });
const historyQuery = orgQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('entries per answer (default 100, at most 1,000)'),
  before: z.coerce.number().int().min(1).optional().describe('only entries older than this id (the last id of the previous page)'),
});
const comment = z.string().max(2000).optional().describe('kept with every change-log entry of the save');

/** The version an If-Match header names: `"v"` or `W/"v"`; `*` names none (a save must say which version it read). */
export function ifMatchVersion(header: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value || value === '*') return undefined;
  return value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export const etag = (version: string) => `"${version}"`;

export const registerEditingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/projects/:key',
    {
      config: { action: 'edit-project' },
      schema: {
        summary: '事業の保存 / Save one project (hyoka/1, as GET answers it; computed fields are ignored). Requires If-Match.',
        params: z.object({ key: z.string().min(1) }),
        querystring: orgQuery,
        body: z.object({ project: z.record(z.string(), z.unknown()), comment }),
      },
    },
    async (request, reply) => {
      const ifMatch = ifMatchVersion(request.headers['if-match']);
      if (ifMatch === undefined) {
        return reply
          .status(428)
          .send(errorBody('If-Match に GET で受け取った ETag を付けてください / Send If-Match with the ETag that GET answered'));
      }
      const { key } = request.params;
      try {
        const saved = await saveProjects(
          contextOf(request),
          [{ key, project: request.body.project as unknown as ProjectEdit['project'], ifMatch }],
          { channel: 'api', ...(request.body.comment !== undefined && { comment: request.body.comment }) },
        );
        const version = saved.versions[key]!;
        return reply.header('etag', etag(version)).send({ version, changes: saved.changes });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const [stale] = error.stale;
        return reply
          .status(409)
          .header('etag', etag(stale!.version))
          .send({ error: { ...errorBody(error.message, error.problems).error, stored: stale!.stored, version: stale!.version, paths: stale!.paths } });
      }
    },
  );

  app.put(
    '/policy-evaluations',
    {
      config: { action: 'edit-policy-evaluation' },
      schema: {
        summary: '局施策評価の保存 / Save a bureau’s policy evaluation',
        querystring: orgQuery,
        body: z.object({
          policy: z.string().min(1),
          bureau: z.string().min(1),
          fiscalYear: z.number().int().min(1900).max(2200),
          grade: z.string().optional(),
          improvement: z.string().optional(),
          comment,
        }),
      },
    },
    async (request) => {
      const { comment: text, ...evaluation } = request.body;
      const saved = await savePolicyEvaluation(contextOf(request), evaluation, { channel: 'api', ...(text !== undefined && { comment: text }) });
      return { changes: saved.changes };
    },
  );

  app.get(
    '/projects/:key/history',
    {
      config: { action: 'read-drafts' },
      schema: { summary: '事業の変更履歴 / A project’s change log, newest first', params: z.object({ key: z.string().min(1) }), querystring: historyQuery },
    },
    async (request) => projectHistory(contextOf(request), request.params.key, request.query),
  );

  app.get(
    '/history',
    { config: { action: 'read-drafts' }, schema: { summary: '団体の変更履歴 / The organization’s change log, newest first', querystring: historyQuery } },
    async (request) => organizationHistory(contextOf(request), request.query),
  );
};
