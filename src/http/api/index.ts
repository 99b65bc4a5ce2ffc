// /api/v1: read endpoints, export and import of hyoka/1 documents, and the OpenAPI document.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/index.js';
import { readProjectJson } from '../../services/documents.js';
import { listPolicies, listProjects, resolveOrganization } from '../../services/queries.js';
import { registerFileRoutes } from './files.js';
import { registerAccountRoutes } from './accounts.js';

export interface ApiOptions {
  store: Store;
  adminToken?: string;
}

const orgQuery = z.object({
  org: z.string().min(1).optional().describe('全国地方公共団体コード or exact name; required when the database holds several organizations'),
});

const projectFilter = orgQuery.extend({
  bureau: z.string().min(1).optional().describe('局'),
  division: z.string().min(1).optional().describe('所管課'),
  policy: z.string().min(1).optional().describe('施策 code, e.g. II-3-(3)-①'),
  sdg: z.coerce.number().int().min(1).max(17).optional().describe('SDGs goal 1–17'),
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional().describe('Western start year of the fiscal year'),
  grade: z.string().min(1).optional().describe('事業評価 grade in that fiscal year (any of the project’s evaluations)'),
});

export const registerApi: FastifyPluginAsyncZod<ApiOptions> = async (app, { store, adminToken }) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/policies', { schema: { summary: '施策の一覧 / Policies', querystring: orgQuery } }, async (request) => {
    const org = await resolveOrganization(store, request.query.org);
    return { policies: await listPolicies(store, org.id) };
  });

  app.get('/projects', { schema: { summary: '事業の一覧 / Projects', querystring: projectFilter } }, async (request) => {
    const { org: orgRef, ...filter } = request.query;
    const org = await resolveOrganization(store, orgRef);
    return { projects: await listProjects(store, org.id, filter) };
  });

  app.get(
    '/projects/:key',
    { schema: { summary: '事業 (計算済み) / One project, computed', params: z.object({ key: z.string().min(1) }), querystring: orgQuery } },
    async (request, reply) =>
      reply.type('application/json; charset=utf-8').send(await readProjectJson(store, request.query.org, request.params.key)),
  );

  await app.register(registerAccountRoutes, { store });
  await app.register(registerFileRoutes, { store, ...(adminToken !== undefined && { adminToken }) });
};
