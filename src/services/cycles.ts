// The yearly cycle (workflow.md, "The cycle", "Stages"): the admin opens a fiscal year's cycle
// (an entry in `draft` per project with a row, but those whose latest course is 廃止 or 終了) and
// sets the entries' scopes; divisions submit, bureaus review or return, the admin approves. A
// submission runs the checks (interchange/cycle-missing.ts); every transition is recorded and
// appended to the change log (channel `cycle`). The overview lists every entry's stage, scope
// and missing inputs.
import type { HyokaDocument, Project, Settings } from '../domain/model.js';
import { resolveProfile } from '../domain/profile.js';
import { compute, computeProject } from '../interchange/compute.js';
import { latestCourse } from '../interchange/cycle-carry.js';
import { entryFindings, type CycleScope } from '../interchange/cycle-missing.js';
import type { CycleEntryRow, CycleRow, CycleTransitionRow, PolicyStageRow } from '../store/index.js';
import { authorize, type Action, type Subject } from './authorization.js';
import { carryOver, marksOf } from './carry-over.js';
import type { Context } from './context.js';
import { ServiceError, type Problem } from './errors.js';
import { draftOrganization } from './history.js';
import { actorName } from './log-context.js';
import type { Stage } from './rights.js';

export type { CycleScope, Stage };

export const SCOPES: readonly CycleScope[] = ['full', 'light', 'skip'];
const DEFAULT_STAGES: readonly Stage[] = ['draft', 'submitted', 'reviewed', 'approved'];
/** Courses that end a project: it gets no entry when a cycle opens. */
const ENDED_COURSES: ReadonlySet<string> = new Set(['廃止', '終了']);

export interface Deadlines {
  /** YYYY-MM-DD: the divisions' submissions. */
  division?: string;
  /** YYYY-MM-DD: the bureaus' reviews. */
  bureau?: string;
  /** A bureau's own deadline, by bureau. */
  bureaus?: Record<string, string>;
}

export interface OpenedCycle {
  fiscalYear: number;
  /** The projects with an entry. */
  entries: number;
  /** Projects with a row left out: their latest course ends them. */
  excluded: { key: string; course: string }[];
  /** The cycle this one closed. */
  closed?: number;
  /** Courses carried over from last year into the year's evaluations. */
  carried: number;
}

export interface CycleEntryView {
  key: string;
  bureau?: string;
  division: string;
  stage: string;
  scope: CycleScope;
  missing: string[];
  /** Improvement texts identical to last year's, not confirmed 変更なし. */
  sameAsLastYear: string[];
  /** Courses carried over from last year, neither changed nor confirmed (前年から引継ぎ・未確認). */
  carried: string[];
  /** Confirmations covering the value now at their path. */
  confirmed: { path: string; reason: string; by: string; at: string }[];
}

export interface CycleOverview {
  fiscalYear: number;
  state: 'open' | 'closed';
  deadlines: Deadlines;
  entries: CycleEntryView[];
  policyEvaluations: PolicyEvaluationStage[];
}

/** A policy evaluation (policy, bureau) of the cycle and its stage. */
export interface PolicyEvaluationStage {
  policy: string;
  bureau: string;
  stage: string;
}

export interface ScopeSelection {
  scope: CycleScope;
  keys?: string[];
  bureau?: string;
  division?: string;
  /** A policy code: the projects with a row under it. */
  policy?: string;
}

export interface TransitionResult {
  key: string;
  stage: Stage;
  /** The entry's whole thread, oldest first. */
  transitions: CycleTransitionRow[];
}

/** Opens the cycle of `fiscalYear` (admin), closing the open one. */
export async function openCycle(ctx: Context, fiscalYear: number, options: { deadlines?: unknown } = {}): Promise<OpenedCycle> {
  const orgId = await cycleOrganization(ctx, 'manage-cycles');
  const year = checkedYear(fiscalYear);
  const deadlines = checkedDeadlines(options.deadlines);
  const open = await ctx.store.cycles.open(orgId);
  if (await ctx.store.cycles.byYear(orgId, year)) throw conflict(`${year}年度の評価サイクルは既に開始されています / The cycle of FY${year} has been opened already`);
  if (open && open.fiscalYear > year) {
    throw conflict(`${open.fiscalYear}年度のサイクルが開いています。それより前の年度は開始できません / FY${open.fiscalYear} is open: an earlier year cannot be opened`);
  }
  const document = await storedDocument(ctx, orgId);
  const keys: string[] = [];
  const excluded: OpenedCycle['excluded'] = [];
  for (const project of document.projects) {
    if (project.placements.length === 0) continue;
    const course = projectCourse(project, year);
    if (course !== undefined && ENDED_COURSES.has(course)) excluded.push({ key: project.key, course });
    else keys.push(project.key);
  }
  const cycleId = await ctx.store.cycles.create(orgId, { fiscalYear: year, deadlines, at: Date.now(), by: actorName(ctx.actor) }, keys, 'draft');
  const carried = await carryOver(ctx, cycleId, year, keys);
  return { fiscalYear: year, entries: keys.length, excluded, ...(open && { closed: open.fiscalYear }), carried };
}

/** Every entry of the cycle: stage, scope, missing inputs, texts copied from last year. */
export async function cycleOverview(ctx: Context, fiscalYear: number): Promise<CycleOverview> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const cycle = await existingCycle(ctx, orgId, fiscalYear);
  const document = compute(await storedDocument(ctx, orgId));
  const projects = new Map(document.projects.map((project) => [project.key, project]));
  const rows = await ctx.store.cycles.entries(cycle.id);
  const entries = rows.map((entry) => entryView(entry, projects.get(entry.project), cycle.fiscalYear));
  const policyEvaluations = policyEvaluationsOf(document.projects, rows, await ctx.store.cycles.policyStages(cycle.id));
  return { fiscalYear: cycle.fiscalYear, state: cycle.state, deadlines: cycle.deadlines as Deadlines, entries, policyEvaluations };
}

/** Sets the scope of the entries selected (all that match every selector given; none given: all). */
export async function setScopes(ctx: Context, fiscalYear: number, selection: ScopeSelection): Promise<{ updated: number }> {
  const orgId = await cycleOrganization(ctx, 'manage-cycles');
  if (!SCOPES.includes(selection.scope)) throw invalid([{ path: 'scope', message: `scope は ${SCOPES.join(', ')} のいずれかです / scope must be one of ${SCOPES.join(', ')}` }]);
  const cycle = await existingCycle(ctx, orgId, fiscalYear);
  const entries = await ctx.store.cycles.entries(cycle.id);
  const inCycle = new Set(entries.map((entry) => entry.project));
  const unknown = (selection.keys ?? []).filter((key) => !inCycle.has(key));
  if (unknown.length > 0) {
    throw invalid(unknown.map((key) => ({ path: `keys/${key}`, message: `事業「${key}」はこのサイクルにありません / Project "${key}" has no entry in this cycle` })));
  }
  const document = await storedDocument(ctx, orgId);
  const keys = new Set(selection.keys ?? inCycle);
  const selected = document.projects.filter(
    (project) =>
      keys.has(project.key) &&
      inCycle.has(project.key) &&
      (selection.bureau === undefined || project.bureau === selection.bureau) &&
      (selection.division === undefined || project.division === selection.division) &&
      (selection.policy === undefined || project.placements.some((row) => row.policy === selection.policy)),
  );
  return { updated: await ctx.store.cycles.setScope(cycle.id, selected.map((project) => project.key), selection.scope) };
}

/**
 * Moves an entry: forward one stage (submit, review, approve) or back to `draft` (a return, with
 * a comment). 403 when the actor may never do it to this project at this stage, 409 when the
 * entry is not at the stage the move starts from, 422 when a submission lacks inputs.
 */
export async function transition(ctx: Context, fiscalYear: number, key: string, move: { to: string; comment?: string }): Promise<TransitionResult> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const cycle = await existingCycle(ctx, orgId, fiscalYear);
  if (cycle.state !== 'open') throw conflict(`${cycle.fiscalYear}年度のサイクルは終了しています / The cycle of FY${cycle.fiscalYear} is closed`);
  const found = await ctx.store.projects.get(orgId, key);
  const entry = (await ctx.store.cycles.entries(cycle.id)).find((e) => e.project === key);
  if (!found || !entry) throw new ServiceError('not-found', `事業「${key}」はこのサイクルにありません / Project "${key}" has no entry in this cycle`);
  const stages = stagesOf(found.settings);
  const to = move.to as Stage;
  if (!stages.includes(to)) throw invalid([{ path: 'to', message: `to は ${stages.join(', ')} のいずれかです / to must be one of ${stages.join(', ')}` }]);
  const { action, from } = moveOf(stages, to);
  const subject: Subject = { orgId, bureau: found.project.bureau, division: found.project.division };
  // Whether this actor could ever make this move on this project (the stage it starts from).
  authorize(ctx, action, { ...subject, stage: from[0] });
  const current = entry.stage as Stage;
  if (!from.includes(current)) {
    throw conflict(`この事業は「${current}」の段階にあり、「${to}」へは移せません / The entry is at stage ${current}: it cannot move to ${to}`, current);
  }
  authorize(ctx, action, { ...subject, stage: current });
  const comment = move.comment?.trim() || undefined;
  if (to === 'draft' && comment === undefined) throw invalid([{ path: 'comment', message: '差戻しには理由（コメント）が必要です / A return needs a comment' }]);
  if (to === 'submitted') {
    const project = computeProject(found.project, resolveProfile(found.settings));
    const { missing } = entryFindings(project, cycle.fiscalYear, entry.scope);
    if (missing.length > 0) {
      throw new ServiceError(
        'invalid',
        `未入力の項目が ${missing.length} 件あるため提出できません / ${missing.length} input(s) missing: the entry cannot be submitted`,
        missing.map((path) => ({ path, message: '未入力です / Missing' })),
      );
    }
  }
  const moved = await ctx.store.cycles.transition(
    orgId,
    { id: entry.id, project: key, fiscalYear: cycle.fiscalYear },
    { from: current, to, actor: actorName(ctx.actor), at: Date.now(), comment },
  );
  if (!moved) throw conflict('この事業の段階は他の人によって変更されました / Someone else moved this entry meanwhile');
  return { key, stage: to, transitions: await ctx.store.cycles.transitions(entry.id) };
}

/** The stage of each project's entry in the open cycle (none open: none). */
export async function openCycleStages(ctx: Context, orgId: number): Promise<{ fiscalYear: number; stages: Map<string, Stage> } | undefined> {
  authorize(ctx, 'read-drafts', { orgId });
  const cycle = await ctx.store.cycles.open(orgId);
  if (!cycle) return undefined;
  const entries = await ctx.store.cycles.entries(cycle.id);
  return { fiscalYear: cycle.fiscalYear, stages: new Map(entries.map((entry) => [entry.project, entry.stage as Stage])) };
}

/** The action of a move to `to`, and the stages it may start from. */
function moveOf(stages: readonly Stage[], to: Stage): { action: Action; from: Stage[] } {
  if (to === 'draft') return { action: 'return-project', from: stages.filter((stage) => stage !== 'draft') };
  const previous = stages[stages.indexOf(to) - 1]!;
  const action: Action = to === 'submitted' ? 'submit-project' : to === 'reviewed' ? 'review-project' : 'approve-project';
  return { action, from: [previous] };
}

export function stagesOf(settings: Settings | undefined): readonly Stage[] {
  const stages = settings?.stages;
  return stages && stages.length > 0 ? stages : DEFAULT_STAGES;
}

export function entryView(entry: CycleEntryRow, project: Project | undefined, fiscalYear: number): CycleEntryView {
  const { missing, sameAsLastYear } = project ? entryFindings(project, fiscalYear, entry.scope) : { missing: [], sameAsLastYear: [] };
  const marks = project ? marksOf(project, fiscalYear, entry, sameAsLastYear) : { sameAsLastYear, carried: [], confirmed: [] };
  return {
    key: entry.project,
    ...(project?.bureau !== undefined && { bureau: project.bureau }),
    division: project?.division ?? '',
    stage: entry.stage,
    scope: entry.scope,
    missing,
    sameAsLastYear: marks.sameAsLastYear,
    carried: marks.carried,
    confirmed: marks.confirmed.map((path) => {
      const { reason, by, at } = entry.confirmed[path]!;
      return { path, reason, by, at: new Date(at).toISOString() };
    }),
  };
}

/** The course of the project's latest evaluation before `fiscalYear` (its own or a row's). */
function projectCourse(project: Project, fiscalYear: number): string | undefined {
  return latestCourse([...(project.evaluations ?? []), ...project.placements.flatMap((row) => row.evaluations ?? [])], fiscalYear);
}

/** The context's organization, the actor authorized for `action` on it. */
export async function cycleOrganization(ctx: Context, action: Action): Promise<number> {
  const orgId = await draftOrganization(ctx);
  authorize(ctx, action, { orgId });
  return orgId;
}

export async function existingCycle(ctx: Context, orgId: number, fiscalYear: number): Promise<CycleRow> {
  const cycle = await ctx.store.cycles.byYear(orgId, checkedYear(fiscalYear));
  if (!cycle) throw new ServiceError('not-found', `${fiscalYear}年度の評価サイクルはありません / No cycle for FY${fiscalYear}`);
  return cycle;
}

export async function storedDocument(ctx: Context, orgId: number): Promise<HyokaDocument> {
  const document = await ctx.store.documents.read(orgId);
  if (!document) throw new ServiceError('not-found', '団体が見つかりません / Organization not found');
  return document;
}

function checkedYear(fiscalYear: number): number {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1900 || fiscalYear > 2999) {
    throw invalid([{ path: 'fiscalYear', message: '年度は西暦の整数で指定してください / fiscalYear must be a year such as 2022' }]);
  }
  return fiscalYear;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkedDeadlines(value: unknown): Deadlines {
  if (value === undefined || value === null) return {};
  const problems: Problem[] = [];
  const date = (path: string, text: unknown) => {
    if (typeof text !== 'string' || !DATE.test(text)) problems.push({ path, message: '日付は YYYY-MM-DD で指定してください / A date is written YYYY-MM-DD' });
  };
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid([{ path: 'deadlines', message: '期限はオブジェクトです / deadlines must be an object' }]);
  const { division, bureau, bureaus, ...rest } = value as Record<string, unknown>;
  for (const name of Object.keys(rest)) problems.push({ path: `deadlines/${name}`, message: '不明な期限です / Unknown deadline' });
  if (division !== undefined) date('deadlines/division', division);
  if (bureau !== undefined) date('deadlines/bureau', bureau);
  if (bureaus !== undefined) {
    if (typeof bureaus !== 'object' || bureaus === null || Array.isArray(bureaus)) problems.push({ path: 'deadlines/bureaus', message: '局ごとの期限はオブジェクトです / bureaus must be an object' });
    else for (const [name, text] of Object.entries(bureaus)) date(`deadlines/bureaus/${name}`, text);
  }
  if (problems.length > 0) throw invalid(problems);
  return value as Deadlines;
}

export function invalid(problems: Problem[]): ServiceError {
  return new ServiceError('invalid', `${problems.length} 件の問題があります / ${problems.length} problem(s)`, problems);
}

export function conflict(message: string, stage?: string): ServiceError {
  return new ServiceError('conflict', message, stage === undefined ? [] : [{ path: 'stage', message: stage }]);
}

/**
 * The cycle's policy evaluations: each (policy, bureau) that a bureau's entry serves through a
 * row, at its recorded stage (none recorded: `draft`), ordered by policy then bureau.
 */
export function policyEvaluationsOf(projects: readonly Project[], entries: readonly CycleEntryRow[], recorded: readonly PolicyStageRow[]): PolicyEvaluationStage[] {
  const inCycle = new Set(entries.map((entry) => entry.project));
  const stages = new Map(recorded.map((row) => [policyStageKey(row), row.stage]));
  const found = new Map<string, PolicyEvaluationStage>();
  for (const project of projects) {
    if (!inCycle.has(project.key) || project.bureau === undefined) continue;
    for (const row of project.placements) {
      const pair = { policy: row.policy, bureau: project.bureau };
      const key = policyStageKey(pair);
      if (!found.has(key)) found.set(key, { ...pair, stage: stages.get(key) ?? 'draft' });
    }
  }
  return [...found.values()].sort((a, b) => a.policy.localeCompare(b.policy, 'ja') || a.bureau.localeCompare(b.bureau, 'ja'));
}

function policyStageKey(pair: { policy: string; bureau: string }): string {
  return JSON.stringify([pair.policy, pair.bureau]);
}
