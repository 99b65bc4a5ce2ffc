// The yearly cycle (workflow.md, "The cycle", the API table): POST /api/v1/cycles opens one,
// GET /api/v1/cycles/:fiscalYear is its overview, POST …/entries/:key/stage moves an entry,
// POST …/scopes sets the entries' scopes, GET …/entries/:key is an entry's thread, POST
// …/policy-evaluations/stage moves a policy evaluation, POST …/entries/:key/confirmations confirms a value
// carried over or the same as last year's. Thin: the services decide rights and stages.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cycleOverview, openCycle, SCOPES, setScopes, transition } from '../../services/cycles.js';
import { entryThread } from '../../services/cycle-entry.js';
import { transitionPolicyEvaluation } from '../../services/policy-stages.js';
import { confirmValue } from '../../services/carry-over.js';
import { contextOf } from '../context.js';

const orgQuery = z.object({ org: z.string().min(1).optional().describe('団体コード or name, when the database holds several organizations') });
const fiscalYear = z.coerce.number().int().min(1900).max(2200).describe('Western start year of the fiscal year');
const yearParams = z.object({ fiscalYear });

export const registerCycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cycles',
    {
      config: { action: 'manage-cycles' },
      schema: {
        summary: '評価サイクルの開始 / Open the cycle of a fiscal year (closes the open one)',
        querystring: orgQuery,
        body: z.object({
          fiscalYear: z.number().int().min(1900).max(2200),
          deadlines: z.record(z.string(), z.unknown()).optional().describe('{ division?, bureau?: YYYY-MM-DD, bureaus?: { 局: YYYY-MM-DD } }'),
        }),
      },
    },
    async (request, reply) => {
      const opened = await openCycle(contextOf(request), request.body.fiscalYear, { deadlines: request.body.deadlines });
      return reply.status(201).send(opened);
    },
  );

  app.get(
    '/cycles/:fiscalYear',
    {
      config: { action: 'read-drafts' },
      schema: { summary: '評価サイクルの状況 / A cycle: every entry’s stage, scope and missing inputs', params: yearParams, querystring: orgQuery },
    },
    async (request) => cycleOverview(contextOf(request), request.params.fiscalYear),
  );

  app.post(
    '/cycles/:fiscalYear/entries/:key/stage',
    {
      config: { action: 'read-drafts' },
      schema: {
        summary: '段階の移動 / Move an entry: submitted, reviewed, approved, or draft (a return, with a comment)',
        params: yearParams.extend({ key: z.string().min(1) }),
        querystring: orgQuery,
        body: z.object({ to: z.string().min(1), comment: z.string().max(2000).optional() }),
      },
    },
    async (request) => transition(contextOf(request), request.params.fiscalYear, request.params.key, request.body),
  );

  app.post(
    '/cycles/:fiscalYear/entries/:key/confirmations',
    {
      config: { action: 'read-drafts' },
      schema: {
        summary: '引継ぎ・前年と同一の確認 / Confirm a course carried over, or a text the same as last year’s (変更なし: a reason required)',
        params: yearParams.extend({ key: z.string().min(1) }),
        querystring: orgQuery,
        body: z.object({ path: z.string().min(1).describe('the value’s path, as the overview lists it'), reason: z.string().max(2000).optional() }),
      },
    },
    async (request) => confirmValue(contextOf(request), request.params.fiscalYear, request.params.key, request.body),
  );

  app.post(
    '/cycles/:fiscalYear/scopes',
    {
      config: { action: 'manage-cycles' },
      schema: {
        summary: '評価範囲の設定 / Set the scope of the entries named (all given selectors must match; none: every entry)',
        params: yearParams,
        querystring: orgQuery,
        body: z.object({
          scope: z.enum(SCOPES as [string, ...string[]]),
          keys: z.array(z.string().min(1)).optional(),
          bureau: z.string().min(1).optional(),
          division: z.string().min(1).optional(),
          policy: z.string().min(1).optional(),
        }),
      },
    },
    async (request) => {
      const { scope, ...selectors } = request.body;
      return setScopes(contextOf(request), request.params.fiscalYear, { scope: scope as (typeof SCOPES)[number], ...selectors });
    },
  );

  app.get(
    '/cycles/:fiscalYear/entries/:key',
    {
      config: { action: 'read-drafts' },
      schema: {
        summary: 'エントリーの経過 / One entry: stage, scope, missing inputs and every transition with its comment',
        params: yearParams.extend({ key: z.string().min(1) }),
        querystring: orgQuery,
      },
    },
    async (request) => entryThread(contextOf(request), request.params.fiscalYear, request.params.key),
  );

  app.post(
    '/cycles/:fiscalYear/policy-evaluations/stage',
    {
      config: { action: 'read-drafts' },
      schema: {
        summary: '局施策評価の段階の移動 / Move a policy evaluation: the bureau submits; the admin reviews, approves or returns (with a comment)',
        params: yearParams,
        querystring: orgQuery,
        body: z.object({ policy: z.string().min(1), bureau: z.string().min(1), to: z.string().min(1), comment: z.string().max(2000).optional() }),
      },
    },
    async (request) => transitionPolicyEvaluation(contextOf(request), request.params.fiscalYear, request.body),
  );
};
