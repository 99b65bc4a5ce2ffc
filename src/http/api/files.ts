// /api/v1 routes for files: export in every format, import of JSON, Excel, CSV and sheet text
// with a preview-then-confirm step, and search. Uploads are size-limited per format; an
// Excel upload is also checked as a zip before anything is inflated (interchange/xlsx).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceError } from '../../services/errors.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, IMPORT_MODES, exportFile, importFile } from '../../services/files.js';
import { searchProjects } from '../../services/search.js';
import { contextOf } from '../context.js';
import { editionQuery } from './reading.js';
import { BODY_LIMIT } from '../limits.js';
import { mebibytes, PREVIEW_CHANGES, previewToken, UPLOAD_LIMIT } from '../uploads.js';

const RAW_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'text/plain',
];

const orgQuery = z.object({ org: z.string().min(1).optional().describe('organization code or exact name') });

export const registerFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
  // JSON too arrives as bytes, so the import reads it as the CLI reads a file: UTF-8 decoded
  // fatally (Fastify's own parser would turn bad bytes into U+FFFD and store them).
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/export',
    {
      schema: {
        summary: '書き出し / Export: hyoka/1 JSON (computed), Excel, CSV, open data',
        querystring: orgQuery.merge(editionQuery).extend({
          format: z.enum(EXPORT_FORMATS).optional().describe('json (default) | xlsx (PDCA sheet) | xlsx-data | xlsx-template | csv (periods) | csv-budgets | open-data (zip)'),
          encoding: z.enum(['utf-8', 'cp932']).optional().describe('CSV encoding; cp932 reports characters it cannot hold'),
          fiscalYear: z.coerce.number().int().min(1900).max(2200).optional().describe('the graded fiscal year (xlsx, open data)'),
          bureau: z.string().min(1).optional().describe('xlsx: one sheet of the rows of this bureau'),
          division: z.string().min(1).optional().describe('xlsx: rows of this division'),
          policy: z.string().min(1).optional().describe('xlsx: rows of this policy'),
          grade: z.string().min(1).optional().describe('xlsx: rows with this 事業評価'),
          sdg: z.coerce.number().int().min(1).max(17).optional().describe('xlsx: rows with this SDG goal'),
        }),
      },
    },
    async (request, reply) => {
      const { format = 'json', encoding, fiscalYear, edition, org: _org, ...filter } = request.query;
      const filtered = Object.values(filter).some((value) => value !== undefined);
      const file = await exportFile(contextOf(request), {
        format,
        ...(encoding && { encoding }),
        ...(fiscalYear !== undefined && { fiscalYear }),
        ...(filtered && { filter }),
        edition,
      });
      if (format !== 'json') reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return reply.type(file.contentType).send(Buffer.from(file.bytes));
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: '取込み / Import (replace, merge or update): preview with dryRun=true, then confirm with its token',
        description:
          'Body: a hyoka/1 document (application/json), an xlsx workbook, a CSV, or the text of a published sheet (format=sheet-text). ' +
          'mode=replace (default; a CSV: update) makes the file the organization’s data (its admin); mode=merge replaces each project in the file ' +
          'and leaves the others; mode=update updates values of records that exist (a CSV; a row naming a record that does not exist is a problem with its line). ' +
          'A bureau or division may merge or update within its rights; anything outside them is refused whole (403) with the paths. ' +
          'dryRun=true answers what would be added, updated, removed and left unchanged, the changed values (report.changes: ' +
          'path, place — the workbook cell or CSV line — before, after; the first 1,000 and their total), and a confirmToken; ' +
          'sending the same body with confirm=<token> imports it only if the preview still holds (409 otherwise). ' +
          'An import that would remove more than half of the organization’s projects or policies is refused (400) unless confirmed ' +
          'with the token of a preview (whose report shows largeRemoval) or sent with allowRemovals=true. ' +
          'Limits (docs/limits.md): text of identifiers (keys, codes, units, grades) at most 100 characters, of names 500, of summaries, ' +
          'improvements and unknown fields 10,000; numbers finite, below 10^15, at most 15 significant digits and 10 decimals; ' +
          'nesting at most 32 deep; no control characters but tab and line breaks; JSON in UTF-8. ' +
          'A workbook: at most 500,000 cells, 100,000 merged or validated cells, 100,000 shared strings, 40 MiB of XML.',
        querystring: orgQuery.extend({
          format: z.enum(IMPORT_FORMATS).optional().describe('json (default) | xlsx | csv | sheet-text'),
          mode: z.enum(IMPORT_MODES).optional().describe('replace (default) | merge | update (a CSV’s only mode)'),
          dryRun: z.enum(['true', 'false']).optional().describe('report what would change; write nothing'),
          confirm: z.string().min(1).max(200).optional().describe('the confirmToken of a preview; also allows the removals it showed'),
          allowRemovals: z.enum(['true', 'false']).optional().describe('import even when it removes more than half of the projects or policies'),
          bureau: z.string().min(1).optional().describe('sheet-text: the bureau of every project'),
        }),
        body: z.unknown(),
        security: [{ bearerAuth: [] }],
      },
      // Refused on its headers when the actor may not import (actor.ts): the body is not read.
      config: { action: 'import-replace' },
    },
    async (request) => {
      const { format = 'json', mode, dryRun, confirm, org, bureau, allowRemovals } = request.query;
      const bytes = bodyBytes(request.body);
      if (bytes.length > UPLOAD_LIMIT[format]) {
        throw new ServiceError('invalid', `ファイルが大きすぎます (上限 ${mebibytes(UPLOAD_LIMIT[format])}) / The file is too large (limit ${mebibytes(UPLOAD_LIMIT[format])})`);
      }
      const ctx = contextOf(request);
      const options = { format, ...(mode !== undefined && { mode }), ...(bureau !== undefined && { bureau }) };
      const optionsKey = JSON.stringify([org ?? null, bureau ?? null, mode ?? null]);
      if (dryRun === 'true' || confirm !== undefined) {
        const preview = await importFile(ctx, bytes, { ...options, dryRun: true, listChanges: PREVIEW_CHANGES });
        const token = previewToken(bytes, format, optionsKey, preview);
        if (confirm === undefined) return { ...preview, confirmToken: token };
        if (confirm !== token) {
          throw new ServiceError('conflict', 'プレビューの後にデータか内容が変わりました。もう一度プレビューしてください / The data or the upload changed since the preview: preview again');
        }
      }
      // A confirmed preview showed what goes: confirming it allows that.
      return importFile(ctx, bytes, { ...options, allowRemovals: allowRemovals === 'true' || confirm !== undefined });
    },
  );

  app.get(
    '/search',
    {
      schema: {
        summary: '検索 / Search names, summaries, indicators and improvement texts (bigram index)',
        querystring: orgQuery.merge(editionQuery).extend({
          q: z.string().max(200).describe('words; two-character words such as 事業 are found'),
          fiscalYear: z.coerce.number().int().min(1900).max(2200).optional(),
          bureau: z.string().min(1).optional(),
          division: z.string().min(1).optional(),
          policy: z.string().min(1).optional(),
          grade: z.string().min(1).optional(),
          sdg: z.coerce.number().int().min(1).max(17).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional().describe('hits per answer (default 100); `total` counts them all'),
          offset: z.coerce.number().int().min(0).optional().describe('hits skipped before the first one answered (default 0)'),
        }),
      },
    },
    async (request) => {
      const { org: _org, q, limit, offset, edition, ...filter } = request.query;
      const result = await searchProjects(contextOf(request), q, filter, { ...(limit !== undefined && { limit }), ...(offset !== undefined && { offset }), edition });
      // Not the data's revision: a published reading stays the same while drafts change.
      const { revision: _revision, ...organization } = result.organization;
      return { ...result, organization };
    },
  );
};

function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  throw new ServiceError('invalid', '本文が空か、形式が合いません (Content-Type を確認してください) / The body is empty or of the wrong type: check Content-Type');
}
