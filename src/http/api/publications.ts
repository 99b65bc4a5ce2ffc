// Publication (workflow.md, "Publication", the API table): POST …/cycles/:fiscalYear/publications
// freezes the organization's computed document as the cycle's next version (admin);
// GET /publications/:fiscalYear lists a cycle's versions and GET /publications/:fiscalYear/:version
// answers one version's document byte for byte as stored — its SHA-256 is the version's, its
// ETag too — cacheable for ever, since a version never changes. Thin: services decide.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asServiceError } from '../../services/errors.js';
import { listPublications, publishCycle } from '../../services/publications.js';
import { versionFile } from '../../services/versions.js';
import { contextOf } from '../context.js';
import { errorBody } from '../errors.js';
import { etag } from './editing.js';

const orgQuery = z.object({ org: z.string().min(1).optional().describe('団体コード or name, when the database holds several organizations') });
const fiscalYear = z.coerce.number().int().min(1900).max(2200).describe('Western start year of the fiscal year');
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const registerPublicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cycles/:fiscalYear/publications',
    {
      config: { action: 'publish' },
      schema: {
        summary: '公表 / Publish the cycle: its computed document becomes the next version (every entry approved or skipped)',
        description: '201 with the version; 409 listing the entries neither approved nor skipped (path projects/KEY, message its stage); 422 without a note.',
        params: z.object({ fiscalYear }),
        querystring: orgQuery,
        body: z.object({ note: z.string().optional().describe('注記: shown with the version, e.g. 「R5.11.2 修正：…」') }),
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await publishCycle(contextOf(request), request.params.fiscalYear, { note: request.body.note ?? '' }));
      } catch (error) {
        // A request that names no note cannot publish: nothing is wrong with the document.
        const refused = asServiceError(error);
        if (refused?.kind === 'invalid') return reply.status(422).send(errorBody(refused.message, refused.problems));
        throw error;
      }
    },
  );

  app.get(
    '/publications/:fiscalYear',
    {
      schema: {
        summary: '公表版の一覧 / A cycle’s published versions, oldest first: [{ version, publishedAt, by, note, sha256 }]',
        params: z.object({ fiscalYear }),
        querystring: orgQuery,
      },
    },
    async (request) => {
      const publications = await listPublications(contextOf(request), request.params.fiscalYear);
      return publications.map(({ version, publishedAt, by, note, sha256 }) => ({ version, publishedAt, by, note, sha256 }));
    },
  );

  app.get(
    '/publications/:fiscalYear/:version',
    {
      schema: {
        summary: '公表版 / One published version’s hyoka/1 document, exactly as stored (its SHA-256 is the version’s, and its ETag)',
        params: z.object({ fiscalYear, version: z.coerce.number().int().min(1).max(1_000_000) }),
        querystring: orgQuery,
      },
    },
    async (request, reply) => {
      const file = await versionFile(contextOf(request), request.params.fiscalYear, request.params.version);
      const tag = etag(file.publication.sha256);
      reply.header('etag', tag).header('cache-control', IMMUTABLE);
      if (matches(request.headers['if-none-match'], tag)) return reply.status(304).send();
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.text);
    },
  );
};

/** Whether an If-None-Match header (one tag or a list; weak or strong; `*`) names `tag`. */
function matches(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const text = candidate.trim();
    return text === '*' || text.replace(/^W\//, '') === tag;
  });
}
