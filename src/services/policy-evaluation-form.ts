// A bureau's policy evaluation form (局施策評価; workflow.md, "Editing"): the grade and the
// improvement text of one policy, bureau and fiscal year, read from the organization's document
// and saved through the one write path (editing.ts savePolicyEvaluation, channel `form`).
import type { HyokaDocument } from '../domain/model.js';
import { resolveProfile } from '../domain/profile.js';
import type { Problem } from '../interchange/messages.js';
import { authorize, may } from './authorization.js';
import { computedDocument } from './computed.js';
import type { Context } from './context.js';
import { savePolicyEvaluation } from './editing.js';
import { asServiceError, ServiceError } from './errors.js';

export interface PolicyEvaluationForm {
  policy: string;
  title: string;
  bureau: string;
  fiscalYear: number;
  grades: readonly string[];
  /** As stored: the inputs' text. */
  values: { grade: string; improvement: string };
}

/** The form of one policy's evaluation by a bureau: 403 unless the user may edit that bureau's. */
export async function openPolicyEvaluationForm(ctx: Context, policy: string, asked: { bureau?: string | undefined; fiscalYear?: number | undefined }): Promise<PolicyEvaluationForm> {
  const bureau = asked.bureau ?? (ctx.actor.kind === 'user' ? ctx.actor.bureau : undefined);
  if (bureau === undefined || bureau === '') {
    throw new ServiceError('invalid', '局を指定してください（?bureau=） / Name the bureau (?bureau=)', [{ path: 'bureau', message: '局が必要です / A bureau is required' }]);
  }
  authorize(ctx, 'edit-policy-evaluation', { orgId: (await ctx.organization()).id, bureau });
  const { document } = await computedDocument(ctx);
  const found = document.policies.find((candidate) => candidate.code === policy);
  if (!found) throw new ServiceError('not-found', `施策「${policy}」はありません / There is no policy "${policy}"`);
  const fiscalYear = asked.fiscalYear ?? latestYear(document);
  const stored = document.policyEvaluations?.find((evaluation) => evaluation.policy === policy && evaluation.bureau === bureau && evaluation.fiscalYear === fiscalYear);
  return {
    policy,
    title: found.title,
    bureau,
    fiscalYear,
    grades: resolveProfile(document.settings).grades,
    values: { grade: stored?.grade ?? '', improvement: stored?.improvement ?? '' },
  };
}

/** The bureaus among `bureaus` whose evaluation of a policy the context's user may edit (the links on the policy page). */
export async function editablePolicyBureaus(ctx: Context, bureaus: readonly string[]): Promise<string[]> {
  if (ctx.actor.kind !== 'user') return [];
  const orgId = (await ctx.organization()).id;
  const own = ctx.actor.role === 'bureau' && ctx.actor.bureau ? [ctx.actor.bureau] : [];
  return [...new Set([...own, ...bureaus])].filter((bureau) => may(ctx.actor, 'edit-policy-evaluation', { orgId, bureau }));
}

/** A refusal keeps what was typed; `frozen` is the stage that refused the edit (a conflict, 409). */
export type PolicyEvaluationOutcome = { saved: true } | { saved: false; form: PolicyEvaluationForm; problems: Problem[]; frozen?: string };

export async function submitPolicyEvaluationForm(
  ctx: Context,
  policy: string,
  input: { bureau?: string | undefined; fiscalYear: number; grade: string; improvement: string },
): Promise<PolicyEvaluationOutcome> {
  const form = await openPolicyEvaluationForm(ctx, policy, input);
  const typed = { ...form, values: { grade: input.grade, improvement: input.improvement.replace(/\r\n?/gu, '\n') } };
  if (input.grade !== '' && !form.grades.includes(input.grade)) {
    return { saved: false, form: typed, problems: [{ path: 'grade', message: `評価「${input.grade}」は設定にありません / The grade 「${input.grade}」 is not in the settings` }] };
  }
  try {
    await savePolicyEvaluation(
      ctx,
      {
        policy,
        bureau: form.bureau,
        fiscalYear: form.fiscalYear,
        ...(typed.values.grade !== '' && { grade: typed.values.grade }),
        ...(typed.values.improvement.trim() !== '' && { improvement: typed.values.improvement }),
      },
      { channel: 'form' },
    );
    return { saved: true };
  } catch (error) {
    const service = asServiceError(error);
    if (service?.kind !== 'invalid' && service?.kind !== 'conflict') throw error;
    const frozen = service.kind === 'conflict' ? service.problems.find((problem) => problem.path === 'stage')?.message : undefined;
    if (frozen !== undefined) return { saved: false, form: typed, problems: [], frozen };
    return { saved: false, form: typed, problems: service.problems.length > 0 ? service.problems.map(fieldOf) : [{ path: '', message: service.message }] };
  }
}

/** `policyEvaluations/CODE/BUREAU/YEAR/grade` → `grade`: the form's own field names. */
function fieldOf(problem: Problem): Problem {
  const field = /\/(grade|improvement)$/u.exec(problem.path)?.[1];
  return field ? { ...problem, path: field } : problem;
}

/** The latest year of the document's policy evaluations, else of its project evaluations. */
function latestYear(document: HyokaDocument): number {
  const years = (document.policyEvaluations ?? []).map((evaluation) => evaluation.fiscalYear);
  if (years.length === 0) for (const project of document.projects) for (const evaluation of project.evaluations ?? []) years.push(evaluation.fiscalYear);
  return years.length > 0 ? Math.max(...years) : new Date().getFullYear() - 1;
}
