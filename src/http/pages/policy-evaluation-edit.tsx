// /policies/:code/evaluation?bureau=&fiscalYear= (workflow.md, "Editing"): a bureau's policy
// evaluation (局施策評価) — its grade and improvement text — as a plain form, saved through the
// one write path and back to the policy page (post, redirect, get); a refusal shows the form
// again with what was typed and the problem beside its input (400), or, once the evaluation has
// moved past the stage at which this user edits it, with that stage (409).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openPolicyEvaluationForm, submitPolicyEvaluationForm, type PolicyEvaluationForm } from '../../services/policy-evaluation-form.js';
import { formFields, unplacedProblems } from '../../services/views/form-field.js';
import type { Problem } from '../../services/errors.js';
import { contextOf } from '../context.js';
import { En, yearLabel } from './dashboard-parts.js';
import { organizationName } from './error-page.js';
import { choices, FormProblems, Hidden, SaveButton, Select, TextArea } from './form-fields.js';
import { Layout } from './layout.js';
import { encodePathSegment, orgOf, policyHref, queryHref } from './page-query.js';
import { signInFirst, yearParameter } from './project-edit.js';
import { sendPage } from './render.js';
import { StageText } from './stage-forms.js';

type Params = { Params: { code: string } };

const evaluationPath = (code: string) => `/policies/${encodePathSegment(code)}/evaluation`;

/** The link to a bureau's evaluation form of a policy. */
export function policyEvaluationHref(code: string, bureau: string, options: { org?: string | undefined; fiscalYear: number }): string {
  return queryHref(evaluationPath(code), { org: options.org, bureau, fiscalYear: options.fiscalYear });
}

function EvaluationForm({ form, problems, action, csrf }: { form: PolicyEvaluationForm; problems: Problem[]; action: string; csrf?: string | undefined }) {
  const fields = formFields(form.values, problems);
  return (
    <>
      <FormProblems problems={unplacedProblems(['grade', 'improvement'], problems)} />
      <form className="edit-form" method="post" action={action}>
        <Hidden csrf={csrf} fields={{ _bureau: form.bureau, _year: String(form.fiscalYear) }} />
        <Select field={fields.grade} label="局施策評価" en="Bureau grade" options={choices(form.grades)} />
        <TextArea field={fields.improvement} label="強化・見直した内容" en="Improvement" rows={8} />
        <SaveButton />
      </form>
    </>
  );
}

/** The stage that keeps this user from saving: in words, never a colour alone. */
function Frozen({ stage }: { stage: string }) {
  return (
    <FormProblems problems={[]}>
      <p>
        この局施策評価は <StageText stage={stage} /> の段階にあるため編集できません。入力した内容は下に残っています。{' '}
        <En>This policy evaluation has moved on to the stage shown: you cannot edit it now. What you typed is kept below.</En>
      </p>
    </FormProblems>
  );
}

export function registerPolicyEvaluationEdit(app: FastifyInstance): void {
  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, form: PolicyEvaluationForm, problems: Problem[] = [], frozen?: string) => {
    const org = orgOf(request.query);
    return sendPage(
      reply,
      <Layout title={`施策 ${form.policy} の局施策評価`} titleEn="Bureau evaluation of a policy" organization={await organizationName(request)} org={org} path={evaluationPath(form.policy)}>
        <p className="policy-title">{form.title}</p>
        <p>
          {form.bureau}・{yearLabel(form.fiscalYear)} <En>Bureau and fiscal year</En> ・{' '}
          <a href={policyHref(form.policy, { ...(org !== undefined && { org }), fiscalYear: form.fiscalYear })}>施策のページへ <En>Back to the policy</En></a>
        </p>
        {frozen !== undefined && <Frozen stage={frozen} />}
        <EvaluationForm form={form} problems={problems} action={queryHref(evaluationPath(form.policy), { org })} csrf={request.csrf} />
      </Layout>,
      frozen !== undefined ? 409 : problems.length > 0 ? 400 : 200,
    );
  };

  app.get<Params>('/policies/:code/evaluation', { schema: { hide: true } }, async (request, reply) => {
    const refused = signInFirst(request, reply);
    if (refused) return refused;
    const query = request.query as { bureau?: unknown; fiscalYear?: unknown };
    const form = await openPolicyEvaluationForm(contextOf(request), request.params.code, {
      bureau: typeof query.bureau === 'string' && query.bureau !== '' ? query.bureau : undefined,
      fiscalYear: yearParameter(query.fiscalYear),
    });
    return show(request, reply, form);
  });

  app.post<Params>('/policies/:code/evaluation', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const fiscalYear = yearParameter(body._year);
    if (fiscalYear === undefined) return reply.status(400).send({ error: { message: '年度がありません / The form has no fiscal year' } });
    const outcome = await submitPolicyEvaluationForm(contextOf(request), request.params.code, {
      bureau: text('_bureau') || undefined,
      fiscalYear,
      grade: text('grade'),
      improvement: text('improvement'),
    });
    if (!outcome.saved) return show(request, reply, outcome.form, outcome.problems, outcome.frozen);
    const org = orgOf(request.query);
    return reply.redirect(policyHref(request.params.code, { ...(org !== undefined && { org }), fiscalYear }), 303);
  });
}
