// /api/v1: read endpoints, export and import of hyoka/1 documents, and the OpenAPI document.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProject } from '../../services/documents.js';
import { editionQuery } from './reading.js';
import { listPolicies, listProjects } from '../../services/queries.js';
import { contextOf } from '../context.js';
import { registerFileRoutes } from './files.js';
import { registerAccountRoutes } from './accounts.js';
import { etag, registerEditingRoutes } from './editing.js';
import { registerCycleRoutes } from './cycles.js';
import { registerPublicationRoutes } from './publications.js';

/** Projects answered by one GET /api/v1/projects: a large organization's whole list is megabytes (the export has it all). */
export const DEFAULT_PROJECTS_LIMIT = 100;
export const MAX_PROJECTS_LIMIT = 1000;

const orgQuery = z.object({
  org: z.string().min(1).optional().describe('全国地方公共団体コード or exact name; required when the database holds several organizations'),
});

const readQuery = orgQuery.merge(editionQuery).extend({
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional().describe('published: the fiscal year whose latest published version is read (default the latest published)'),
});

const projectFilter = orgQuery.merge(editionQuery).extend({
  bureau: z.string().min(1).optional().describe('局'),
  division: z.string().min(1).optional().describe('所管課'),
  policy: z.string().min(1).optional().describe('施策 code, e.g. II-3-(3)-①'),
  sdg: z.coerce.number().int().min(1).max(17).optional().describe('SDGs goal 1–17'),
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional().describe('Western start year of the fiscal year'),
  grade: z.string().min(1).optional().describe('事業評価 grade in that fiscal year (any of the project’s evaluations)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PROJECTS_LIMIT)
    .optional()
    .describe(`projects per answer (default ${DEFAULT_PROJECTS_LIMIT}, at most ${MAX_PROJECTS_LIMIT}); \`total\` counts them all, \`next\` links the next page`),
  offset: z.coerce.number().int().min(0).optional().describe('projects skipped before the first one answered (default 0)'),
});

export const registerApi: FastifyPluginAsyncZod = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/policies', { schema: { summary: '施策の一覧 / Policies', querystring: readQuery } }, async (request) => {
    const { edition, fiscalYear } = request.query;
    return { policies: await listPolicies(contextOf(request), { edition, fiscalYear }) };
  });

  app.get('/projects', { schema: { summary: '事業の一覧 / Projects', querystring: projectFilter } }, async (request) => {
    const { org: _org, edition, limit = DEFAULT_PROJECTS_LIMIT, offset = 0, ...filter } = request.query;
    const { projects, total } = await listProjects(contextOf(request), filter, { limit, offset }, { edition });
    return { projects, total, limit, offset, ...(offset + limit < total && { next: nextPage(request.url, offset + limit, limit) }) };
  });

  app.get(
    '/projects/:key',
    {
      schema: {
        summary: '事業 (計算済み) / One project, computed; read as working, its ETag is the stored project’s version (If-Match of a PUT)',
        params: z.object({ key: z.string().min(1) }),
        querystring: readQuery,
      },
    },
    async (request, reply) => {
      const { edition, fiscalYear } = request.query;
      const { json, version } = await readProject(contextOf(request), request.params.key, { edition, fiscalYear });
      if (version !== undefined) reply.header('etag', etag(version));
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  await app.register(registerAccountRoutes);
  await app.register(registerFileRoutes);
  await app.register(registerEditingRoutes);
  await app.register(registerCycleRoutes);
  await app.register(registerPublicationRoutes);
};

/** The same URL (filters and ?org= kept) at the next offset. */
function nextPage(url: string, offset: number, limit: number): string {
  const parsed = new URL(url, 'http://hyoka.invalid');
  parsed.searchParams.set('offset', String(offset));
  parsed.searchParams.set('limit', String(limit));
  return parsed.pathname + parsed.search;
}
