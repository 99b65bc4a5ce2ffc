// /projects/:key/edit (workflow.md, "Pages and API"): the project form for a user with edit
// rights. GET shows the stored project; POST saves it through the one write path and goes back
// to the project page (post, redirect, get), or shows the form again with everything typed:
// 400 with the problems beside their inputs, 409 with yours and the stored values side by side.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openProjectForm, submitProjectForm } from '../../services/project-form.js';
import { projectFormValues, type FormValues } from '../../services/views/project-form-fields.js';
import { projectFormView, type ProjectFormInput } from '../../services/views/project-form.js';
import { contextOf } from '../context.js';
import { En, yearLabel } from './dashboard-parts.js';
import { organizationName } from './error-page.js';
import { postedValues } from './form-fields.js';
import { Layout } from './layout.js';
import { encodePathSegment, orgOf, projectHref, queryHref } from './page-query.js';
import { ProjectForm } from './project-form.js';
import { sendPage } from './render.js';

type Params = { Params: { key: string } };

/** Someone not signed in is sent to sign in first, and back here after. */
export function signInFirst(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (request.actor.kind !== 'anonymous') return undefined;
  return reply.redirect(`/login?${new URLSearchParams({ next: request.url }).toString()}`, 303);
}

/** A fiscal year as a query or form field gives it, when it is one. */
export function yearParameter(value: unknown): number | undefined {
  const year = typeof value === 'string' && /^\d{4}$/u.test(value) ? Number(value) : undefined;
  return year !== undefined && year >= 1000 ? year : undefined;
}

/** The form's hidden `_original` (JSON of field name → text); undefined when absent or not such an object. */
function originalValues(value: unknown): FormValues | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

export function registerProjectEdit(app: FastifyInstance): void {
  const path = (key: string) => `/projects/${encodePathSegment(key)}/edit`;

  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, input: Omit<ProjectFormInput, 'values'> & { values?: FormValues; original?: FormValues }, status = 200) => {
    const org = orgOf(request.query);
    const view = projectFormView({ ...input, values: { ...projectFormValues(input.stored, input.fiscalYear), ...input.values } });
    const at = (year: number) => queryHref(path(view.key), { org, fiscalYear: year });
    return sendPage(
      reply,
      <Layout title={`${view.name}の編集`} titleEn="Edit project" organization={await organizationName(request)} org={org} path={path(view.key)}>
        <p className="project-owner">
          {view.bureau ?? ''} {view.division} <En>Bureau and division</En> ・ <a href={projectHref(view.key, { org, fiscalYear: view.fiscalYear })}>事業のページへ <En>Back to the project</En></a>
        </p>
        <p className="form-year">
          {yearLabel(view.fiscalYear)}の評価を編集しています <En>Editing the evaluation of this fiscal year</En> ・{' '}
          <a href={at(view.fiscalYear - 1)}>前の年度 <En>Previous year</En></a> ・ <a href={at(view.fiscalYear + 1)}>次の年度 <En>Next year</En></a>
        </p>
        <ProjectForm view={view} action={queryHref(path(view.key), { org })} csrf={request.csrf} original={input.original ?? projectFormValues(input.stored, input.fiscalYear)} />
      </Layout>,
      status,
    );
  };

  app.get<Params>('/projects/:key/edit', { schema: { hide: true } }, async (request, reply) => {
    const refused = signInFirst(request, reply);
    if (refused) return refused;
    const state = await openProjectForm(contextOf(request), request.params.key, yearParameter((request.query as { fiscalYear?: unknown }).fiscalYear));
    return show(request, reply, state);
  });

  app.post<Params>('/projects/:key/edit', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = postedValues(body);
    const outcome = await submitProjectForm(contextOf(request), request.params.key, {
      values,
      version: typeof body._version === 'string' ? body._version : '',
      fiscalYear: yearParameter(body._year) ?? new Date().getFullYear() - 1,
      original: originalValues(body._original),
    });
    if (outcome.saved) return reply.redirect(projectHref(request.params.key, { org: orgOf(request.query), fiscalYear: yearParameter(body._year) }), 303);
    const { state } = outcome;
    return show(
      request,
      reply,
      { ...state, values: outcome.values, original: outcome.original, current: outcome.current, problems: outcome.problems, conflict: outcome.conflict },
      outcome.conflict ? 409 : 400,
    );
  });
}
