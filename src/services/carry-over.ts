// Carried over (workflow.md, "Carried over, and what is new"): opening a cycle writes last year's
// course into the year's evaluations through the one write path (channel `cycle`) and records
// what it carried on the entries; a division confirms a flagged value — a carried course, or a
// text the same as last year's (変更なし, with a reason) — on its entry.
import { resolveProfile } from '../domain/profile.js';
import { computeProject } from '../interchange/compute.js';
import { carryCourses, entryMarks, evaluationValues, type EntryMarks } from '../interchange/cycle-carry.js';
import { entryFindings } from '../interchange/cycle-missing.js';
import { pathSegments } from '../interchange/change-path.js';
import { confirmField, reasonField } from './views/list-entry.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { projectsForEdit, saveProjects } from './editing.js';
import type { CycleEntryRow } from '../store/index.js';
import type { Project } from '../domain/model.js';
import { asServiceError, ServiceError, type Problem } from './errors.js';
import { draftOrganization } from './history.js';
import { actorName } from './log-context.js';
import type { Stage } from './rights.js';

const CARRY_COMMENT = '前年度の方向性を引継ぎ / Course carried over from last year';

/**
 * Carries last year's course into the evaluations of `fiscalYear` of the projects `keys` (the
 * cycle's entries), written as one save, and records the carried paths on the entries. Answers
 * how many values were carried. The caller has authorized 'manage-cycles'.
 */
export async function carryOver(ctx: Context, cycleId: number, fiscalYear: number, keys: readonly string[]): Promise<number> {
  const { projects } = await projectsForEdit(ctx, keys);
  const edits = [];
  const carried = new Map<string, Record<string, string>>();
  for (const { project, version } of projects) {
    const result = carryCourses(project, fiscalYear);
    if (Object.keys(result.carried).length === 0) continue;
    edits.push({ key: project.key, project: result.project, ifMatch: version });
    carried.set(project.key, result.carried);
  }
  if (edits.length === 0) return 0;
  await saveProjects(ctx, edits, { channel: 'cycle', comment: CARRY_COMMENT });
  await ctx.store.cycles.setCarried(cycleId, carried);
  return [...carried.values()].reduce((sum, paths) => sum + Object.keys(paths).length, 0);
}

/**
 * A division's (or its bureau's, or the admin's) word that the value at `path` stands: a carried
 * course, or an improvement the same as last year's — the latter only with a reason (変更なし).
 * Whoever may edit the project at its entry's stage may confirm; answers the entry's marks after.
 */
export async function confirmValue(ctx: Context, fiscalYear: number, key: string, confirmation: { path: string; reason?: string }): Promise<EntryMarks> {
  const orgId = await draftOrganization(ctx);
  const cycle = await ctx.store.cycles.byYear(orgId, fiscalYear);
  const found = await ctx.store.projects.get(orgId, key);
  const entry = cycle && (await ctx.store.cycles.entries(cycle.id)).find((e) => e.project === key);
  if (!cycle || !found || !entry) throw new ServiceError('not-found', `事業「${key}」は${fiscalYear}年度のサイクルにありません / Project "${key}" has no entry in the cycle of FY${fiscalYear}`);
  authorize(ctx, 'edit-project', { orgId, bureau: found.project.bureau, division: found.project.division, stage: entry.stage as Stage });
  if (cycle.state !== 'open') throw new ServiceError('conflict', `${fiscalYear}年度のサイクルは終了しています / The cycle of FY${fiscalYear} is closed`);
  const project = computeProject(found.project, resolveProfile(found.settings));
  const { sameAsLastYear } = entryFindings(project, fiscalYear, entry.scope);
  const { path } = confirmation;
  const reason = confirmation.reason?.trim() ?? '';
  const value = evaluationValues(project, fiscalYear).get(path);
  // A confirmation may be given again (another reason, another person): it replaces the one before.
  const same = sameAsLastYear.includes(path);
  if (value === undefined || (!same && entry.carried[path] !== value)) {
    throw invalid(path, '確認の必要な項目ではありません / Nothing to confirm here: the value is neither carried over nor the same as last year’s');
  }
  if (same && reason === '') throw invalid('reason', '変更なしの理由を入力してください / Give a reason why the text stays unchanged');
  const at = Date.now();
  await ctx.store.cycles.confirm(orgId, { id: entry.id, project: key, fiscalYear }, path, { value, reason, by: actorName(ctx.actor), at });
  entry.confirmed[path] = { value, reason, by: actorName(ctx.actor), at };
  return marksOf(project, fiscalYear, entry, sameAsLastYear);
}

/** The marks of a computed project's entry (entryMarks over the entry's records). */
export function marksOf(project: Project, fiscalYear: number, entry: CycleEntryRow, sameAsLastYear: readonly string[]): EntryMarks {
  const confirmed = Object.fromEntries(Object.entries(entry.confirmed).map(([path, c]) => [path, c.value]));
  return entryMarks(project, fiscalYear, sameAsLastYear, entry.carried, confirmed);
}

export interface Confirmations {
  list: { key: string; path: string; reason: string }[];
  /** The confirmation fields as posted, kept on a refusal. */
  typed: Record<string, string>;
  /** A 変更なし without its reason, named by the improvement's cell. */
  problems: Problem[];
}

/** The confirmations ticked in the form (confirm/PATH, with reason/PATH for an improvement). */
export function formConfirmations(body: Readonly<Record<string, string | string[] | undefined>>): Confirmations {
  const result: Confirmations = { list: [], typed: {}, problems: [] };
  const text = (value: string | string[] | undefined) => (Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')).trim();
  for (const name of Object.keys(body)) {
    if (!name.startsWith('confirm/') || text(body[name]) === '') continue;
    const path = name.slice(confirmField('').length);
    const reason = text(body[reasonField(path)]);
    result.typed[name] = 'true';
    result.typed[reasonField(path)] = reason;
    const key = pathSegments(path)[1] ?? '';
    if (path.endsWith('/improvement') && reason === '') result.problems.push({ path, message: '変更なしの理由を入力してください / Give a reason why the text stays unchanged' });
    else result.list.push({ key, path, reason });
  }
  return result;
}

/** Records each confirmation; one whose value this save changed has nothing left to confirm and is passed over. */
export async function confirmAll(ctx: Context, fiscalYear: number, list: Confirmations['list']): Promise<number> {
  let count = 0;
  for (const { key, path, reason } of list) {
    try {
      await confirmValue(ctx, fiscalYear, key, { path, reason });
      count++;
    } catch (error) {
      if (asServiceError(error)?.kind !== 'invalid') throw error;
    }
  }
  return count;
}

/** What the open cycle's entries record, for the forms of its year: carried values and confirmations by path. */
export interface OpenCycleRecords {
  fiscalYear: number;
  /** Path → the value carried over. */
  carried: Map<string, string>;
  /** Path → the confirmation recorded. */
  confirmed: Map<string, { value: string; reason: string }>;
}

/** The open cycle's records (none open: undefined), over every entry of the organization. */
export async function openCycleRecords(ctx: Context): Promise<OpenCycleRecords | undefined> {
  const orgId = await draftOrganization(ctx);
  const cycle = await ctx.store.cycles.open(orgId);
  if (!cycle) return undefined;
  const records: OpenCycleRecords = { fiscalYear: cycle.fiscalYear, carried: new Map(), confirmed: new Map() };
  for (const entry of await ctx.store.cycles.entries(cycle.id)) {
    for (const [path, value] of Object.entries(entry.carried)) records.carried.set(path, value);
    for (const [path, { value, reason }] of Object.entries(entry.confirmed)) records.confirmed.set(path, { value, reason });
  }
  return records;
}

function invalid(path: string, message: string): ServiceError {
  return new ServiceError('invalid', message, [{ path, message }]);
}
