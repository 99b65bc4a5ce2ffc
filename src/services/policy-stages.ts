// The stages of the policy evaluations (局施策評価; workflow.md, "Stages"): each (policy, bureau)
// of a cycle moves draft → submitted → … like a cycle entry. The bureau submits its own; the
// admin moves it on (reviewed, approved) or returns it with a comment. Past `draft` the bureau's
// form is frozen for the bureau (editing.ts asks policyEvaluationStage).
import { authorize, may, type Action } from './authorization.js';
import type { Context } from './context.js';
import { conflict, cycleOrganization, existingCycle, invalid, policyEvaluationsOf, stagesOf, storedDocument, type Stage } from './cycles.js';
import { ServiceError } from './errors.js';
import { threadTransition, type ThreadTransition } from './cycle-entry.js';
import { actorName } from './log-context.js';

export interface PolicyMove {
  policy: string;
  bureau: string;
  to: string;
  comment?: string | undefined;
}

export interface PolicyTransitionResult {
  policy: string;
  bureau: string;
  stage: Stage;
  transitions: ThreadTransition[];
}

/** Moves a policy evaluation of the open cycle: 403 when the actor may never, 409 from the wrong stage. */
export async function transitionPolicyEvaluation(ctx: Context, fiscalYear: number, move: PolicyMove): Promise<PolicyTransitionResult> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const cycle = await existingCycle(ctx, orgId, fiscalYear);
  if (cycle.state !== 'open') throw conflict(`${cycle.fiscalYear}年度のサイクルは終了しています / The cycle of FY${cycle.fiscalYear} is closed`);
  const document = await storedDocument(ctx, orgId);
  const stages = stagesOf(document.settings);
  const to = move.to as Stage;
  if (!stages.includes(to)) throw invalid([{ path: 'to', message: `to は ${stages.join(', ')} のいずれかです / to must be one of ${stages.join(', ')}` }]);
  const listed = policyEvaluationsOf(document.projects, await ctx.store.cycles.entries(cycle.id), await ctx.store.cycles.policyStages(cycle.id));
  const found = listed.find((evaluation) => evaluation.policy === move.policy && evaluation.bureau === move.bureau);
  // Whether this actor could ever make this move (from the stage it starts from), before telling what exists.
  const { action, from } = policyMoveOf(stages, to);
  authorize(ctx, action, { orgId, bureau: move.bureau, stage: from[0] });
  if (!found) {
    throw new ServiceError('not-found', `施策「${move.policy}」の${move.bureau}の評価はこのサイクルにありません / No evaluation of policy "${move.policy}" by ${move.bureau} in this cycle`);
  }
  const current = found.stage as Stage;
  if (!from.includes(current)) {
    throw conflict(`この局施策評価は「${current}」の段階にあり、「${to}」へは移せません / The policy evaluation is at stage ${current}: it cannot move to ${to}`, current);
  }
  const comment = move.comment?.trim() || undefined;
  if (to === 'draft' && comment === undefined) throw invalid([{ path: 'comment', message: '差戻しには理由（コメント）が必要です / A return needs a comment' }]);
  const evaluation = { cycleId: cycle.id, fiscalYear: cycle.fiscalYear, policy: move.policy, bureau: move.bureau };
  const moved = await ctx.store.cycles.policyTransition(orgId, evaluation, { from: current, to, actor: actorName(ctx.actor), at: Date.now(), comment });
  if (!moved) throw conflict('この局施策評価の段階は他の人によって変更されました / Someone else moved this policy evaluation meanwhile');
  const transitions = (await ctx.store.cycles.policyTransitions(cycle.id, move.policy, move.bureau)).map(threadTransition);
  return { policy: move.policy, bureau: move.bureau, stage: to, transitions };
}

/**
 * The stage of a policy evaluation when the open cycle is of its fiscal year (none open, or
 * another year: undefined, edited as in draft).
 */
export async function policyEvaluationStage(ctx: Context, orgId: number, evaluation: { policy: string; bureau: string; fiscalYear: number }): Promise<Stage | undefined> {
  authorize(ctx, 'read-drafts', { orgId });
  const cycle = await ctx.store.cycles.open(orgId);
  if (!cycle || cycle.fiscalYear !== evaluation.fiscalYear) return undefined;
  const row = (await ctx.store.cycles.policyStages(cycle.id)).find((r) => r.policy === evaluation.policy && r.bureau === evaluation.bureau);
  return (row?.stage ?? 'draft') as Stage;
}

/** 409 when the policy evaluation's stage is past the one at which this user edits it. */
export async function refuseFrozenPolicyEvaluation(ctx: Context, orgId: number, evaluation: { policy: string; bureau: string; fiscalYear: number }): Promise<void> {
  const stage = await policyEvaluationStage(ctx, orgId, evaluation);
  if (stage === undefined || may(ctx.actor, 'edit-policy-evaluation', { orgId, bureau: evaluation.bureau, stage })) return;
  throw conflict(`この局施策評価は「${stage}」の段階にあるため編集できません / The policy evaluation is at stage ${stage}: you cannot edit it`, stage);
}

/** The bureau submits; the admin moves it on and returns it. */
function policyMoveOf(stages: readonly Stage[], to: Stage): { action: Action; from: Stage[] } {
  if (to === 'draft') return { action: 'approve-policy-evaluation', from: stages.filter((stage) => stage !== 'draft') };
  const previous = stages[stages.indexOf(to) - 1]!;
  return { action: to === 'submitted' ? 'submit-policy-evaluation' : 'approve-policy-evaluation', from: [previous] };
}
