// What waits for me in the open cycle (workflow.md, "Pages and API": /tasks): a division's
// entries in draft (returned ones first, with the return's comment), a bureau's submitted entries
// to review and its policy evaluations to submit, the admin's reviewed entries to approve and the
// late ones; each with its deadline and whether it has passed. Bulk moves go entry by entry
// through cycles.ts transition, so each is authorized, checked and recorded on its own.
import type { HyokaDocument } from '../domain/model.js';
import type { CycleRow } from '../store/index.js';
import { authorize, may, type Action, type Subject } from './authorization.js';
import { computedDocument } from './computed.js';
import type { Context } from './context.js';
import { threadTransition, type ThreadTransition } from './cycle-entry.js';
import { cycleOrganization, entryView, policyEvaluationsOf, stagesOf, transition, type CycleEntryView, type Deadlines, type Stage } from './cycles.js';
import { ServiceError } from './errors.js';
import { withinOwnScope } from './rights.js';

export interface TaskEntry extends CycleEntryView {
  name: string;
  /** The return that sent it back to draft: its comment, who and when. */
  returned?: ThreadTransition;
  /** YYYY-MM-DD: the deadline of the entry's stage (the divisions' in draft, its bureau's when submitted). */
  deadline?: string;
  /** The deadline has passed (期限超過). */
  overdue: boolean;
  /** The moves this user may make: forward, and `draft` for a return. */
  moves: Stage[];
}

export interface TaskPolicyEvaluation {
  policy: string;
  title: string;
  bureau: string;
  stage: string;
  deadline?: string;
  overdue: boolean;
  moves: Stage[];
}

export interface MyTasks {
  /** The open cycle's year; none open: nothing waits. */
  fiscalYear?: number;
  deadlines: Deadlines;
  /** YYYY-MM-DD in Japan: what "overdue" is measured against. */
  today: string;
  /** Waiting for this user's move, returned ones first. */
  entries: TaskEntry[];
  /** Past their deadline and not moved on (the admin's). */
  late: TaskEntry[];
  policyEvaluations: TaskPolicyEvaluation[];
}

export interface BulkResult {
  moved: string[];
  refused: { key: string; message: string }[];
}

const FORWARD_ACTIONS: Record<string, Action> = { submitted: 'submit-project', reviewed: 'review-project', approved: 'approve-project' };
/** The forward move each role makes: what waits for it. */
const ROLE_MOVE: Record<string, Action> = { division: 'submit-project', bureau: 'review-project', admin: 'approve-project' };
const JAPAN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

export async function myTasks(ctx: Context, options: { today?: string } = {}): Promise<MyTasks> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const today = options.today ?? todayInJapan();
  const cycle = await ctx.store.cycles.open(orgId);
  if (!cycle) return { deadlines: {}, today, entries: [], late: [], policyEvaluations: [] };
  const deadlines = cycle.deadlines as Deadlines;
  const { document } = await computedDocument(ctx);
  const stages = stagesOf(document.settings);
  const projects = new Map(document.projects.map((project) => [project.key, project]));
  const rows = await ctx.store.cycles.entries(cycle.id);
  const latest = await ctx.store.cycles.latestTransitions(cycle.id);
  const role = ctx.actor.kind === 'user' ? ctx.actor.role : 'admin';
  const waiting = ROLE_MOVE[role];
  const entries: TaskEntry[] = [];
  const late: TaskEntry[] = [];
  for (const row of rows) {
    const project = projects.get(row.project);
    if (!project || row.scope === 'skip') continue;
    const subject: Subject = { orgId, bureau: project.bureau, division: project.division, stage: row.stage as Stage };
    if (ctx.actor.kind === 'user' && !withinOwnScope(ctx.actor, subject)) continue;
    const next = stages[stages.indexOf(row.stage as Stage) + 1];
    const last = latest.get(row.id);
    const task: TaskEntry = {
      ...entryView(row, project, cycle.fiscalYear),
      name: project.name,
      ...(row.stage === 'draft' && last?.to === 'draft' && { returned: threadTransition(last) }),
      ...deadlineOf(deadlines, row.stage, project.bureau, today),
      moves: movesOf(ctx, stages, subject),
    };
    if (next !== undefined && waiting !== undefined && FORWARD_ACTIONS[next] === waiting && may(ctx.actor, waiting, subject)) entries.push(task);
    else if (role === 'admin' && task.overdue) late.push(task);
  }
  entries.sort((a, b) => Number(b.returned !== undefined) - Number(a.returned !== undefined) || byPlace(a, b));
  late.sort(byPlace);
  return { fiscalYear: cycle.fiscalYear, deadlines, today, entries, late, policyEvaluations: await policyTasks(ctx, orgId, cycle, document, today, stages) };
}

/** Submits every entry of mine that lacks nothing (a division), or approves every reviewed one (the admin). */
export async function moveAllReady(ctx: Context, to: 'submitted' | 'approved'): Promise<BulkResult> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  // Approving is the admin's alone; a division's submissions are each authorized below.
  if (to === 'approved') authorize(ctx, 'approve-project', { orgId });
  const tasks = await myTasks(ctx);
  const result: BulkResult = { moved: [], refused: [] };
  if (tasks.fiscalYear === undefined) throw new ServiceError('not-found', '開いている評価サイクルはありません / No cycle is open');
  const ready = tasks.entries.filter((entry) => entry.moves.includes(to) && (to !== 'submitted' || entry.missing.length === 0));
  for (const entry of ready) {
    try {
      await transition(ctx, tasks.fiscalYear, entry.key, { to });
      result.moved.push(entry.key);
    } catch (error) {
      if (!(error instanceof ServiceError) || error.kind === 'unauthorized') throw error;
      result.refused.push({ key: entry.key, message: error.message });
    }
  }
  return result;
}

async function policyTasks(ctx: Context, orgId: number, cycle: CycleRow, document: HyokaDocument, today: string, stages: readonly Stage[]): Promise<TaskPolicyEvaluation[]> {
  const listed = policyEvaluationsOf(document.projects, await ctx.store.cycles.entries(cycle.id), await ctx.store.cycles.policyStages(cycle.id));
  const titles = new Map(document.policies.map((policy) => [policy.code, policy.title]));
  const deadlines = cycle.deadlines as Deadlines;
  const mine: TaskPolicyEvaluation[] = [];
  for (const evaluation of listed) {
    const stage = evaluation.stage as Stage;
    const next = stages[stages.indexOf(stage) + 1];
    const subject = { orgId, bureau: evaluation.bureau, stage };
    const forward: Action = next === 'submitted' ? 'submit-policy-evaluation' : 'approve-policy-evaluation';
    const role = ctx.actor.kind === 'user' ? ctx.actor.role : 'admin';
    // The bureau's own drafts wait for it; what it submitted waits for the admin.
    const waits = next !== undefined && (role === 'bureau' ? forward === 'submit-policy-evaluation' : role === 'admin' && forward === 'approve-policy-evaluation');
    if (!waits || !may(ctx.actor, forward, subject)) continue;
    const moves: Stage[] = [next];
    if (stage !== 'draft' && may(ctx.actor, 'approve-policy-evaluation', subject)) moves.push('draft');
    const bureauDeadline = deadlines.bureaus?.[evaluation.bureau] ?? deadlines.bureau;
    mine.push({
      ...evaluation,
      title: titles.get(evaluation.policy) ?? evaluation.policy,
      ...(bureauDeadline !== undefined && { deadline: bureauDeadline }),
      overdue: stage === 'draft' && bureauDeadline !== undefined && today > bureauDeadline,
      moves,
    });
  }
  return mine;
}

/** YYYY-MM-DD in Japan, the day deadlines are written in. */
export function todayInJapan(): string {
  return JAPAN_DAY.format(new Date());
}

function movesOf(ctx: Context, stages: readonly Stage[], subject: Subject): Stage[] {
  const stage = subject.stage ?? 'draft';
  const next = stages[stages.indexOf(stage) + 1];
  const moves: Stage[] = [];
  if (next !== undefined && may(ctx.actor, FORWARD_ACTIONS[next]!, subject)) moves.push(next);
  if (stage !== 'draft' && may(ctx.actor, 'return-project', subject)) moves.push('draft');
  return moves;
}

/** The deadline of the stage an entry waits in: the divisions' for a draft, its bureau's (else the bureaus') once submitted. */
export function deadlineOf(deadlines: Deadlines, stage: string, bureau: string | undefined, today: string): { deadline?: string; overdue: boolean } {
  const deadline = stage === 'draft' ? deadlines.division : stage === 'submitted' ? ((bureau !== undefined ? deadlines.bureaus?.[bureau] : undefined) ?? deadlines.bureau) : undefined;
  return deadline === undefined ? { overdue: false } : { deadline, overdue: today > deadline };
}

function byPlace(a: TaskEntry, b: TaskEntry): number {
  return (a.bureau ?? '').localeCompare(b.bureau ?? '', 'ja') || a.division.localeCompare(b.division, 'ja') || a.key.localeCompare(b.key);
}
