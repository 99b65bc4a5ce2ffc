// The one write path of a person's edit (workflow.md, "Editing"): a form, `PUT /api/v1/projects/:key`
// and the division's list entry replace whole projects of one organization. Each project is
// checked against the version its editor saw (If-Match), validated by the interchange rules (the
// same validateDocument as an import), checked path by path against the editor's rights
// (rights-paths.ts), written in one transaction with every changed value appended to the change log.
import type { HyokaDocument, PolicyEvaluation, Project, Settings } from '../domain/model.js';
import { changeList } from '../interchange/change-list.js';
import { segment } from '../interchange/change-path.js';
import { changeSetOf, type Change } from '../interchange/change-set.js';
import { keyedPath } from '../interchange/keyed-path.js';
import { policyEvaluationKey } from '../interchange/merge.js';
import { validateDocument } from '../interchange/validate.js';
import { InvalidDocumentError, StaleSnapshotError, type Snapshot } from '../store/index.js';
import { authorize, may, type Subject } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError, type Problem } from './errors.js';
import { openCycleStages } from './cycles.js';
import { refuseFrozenPolicyEvaluation } from './policy-stages.js';
import { draftOrganization } from './history.js';
import { logContext, type Channel } from './log-context.js';
import { projectVersion } from './project-version.js';
import { refusedPaths, type PathRules } from './rights-paths.js';

/** Where a change came from, as the change log records it: 'form' | 'api' | 'import' | 'cycle' | 'publication'. */
export type { Channel };

export interface EditOptions {
  channel: Channel;
  /** Kept with every change-log entry of the save. */
  comment?: string;
  /** Check everything, write nothing. */
  dryRun?: boolean;
}

export interface ProjectEdit {
  key: string;
  /** The whole project as stored (computed fields are not part of it). */
  project: Project;
  /** The version the editor started from (the ETag of `GET /api/v1/projects/:key`). */
  ifMatch: string;
}

export interface SaveResult {
  /** Each saved project's version after the save. */
  versions: Record<string, string>;
  /** Every changed value: path, before, after. */
  changes: Change[];
}

/** A project whose stored version is no longer the one its editor saw. */
export interface StaleProject {
  key: string;
  /** The stored version now. */
  version: string;
  /** The stored project now. */
  stored: Project;
  /** Paths whose values differ between the stored project and the one sent. */
  paths: string[];
}

/** 409: one or more projects were changed by someone else since their editor read them. Nothing was written. */
export class ConflictError extends ServiceError {
  constructor(readonly stale: StaleProject[]) {
    super(
      'conflict',
      `保存する間に ${stale.length} 件の事業が他の人によって変更されました。最新の内容を確認してください / ${stale.length} project(s) changed since you opened them: review the stored values`,
      stale.flatMap((s) => s.paths.map((path): Problem => ({ path, message: '保存済みの値が変わっています / The stored value changed' }))),
    );
    this.name = 'ConflictError';
  }
}

/** The stored (not computed) project and its version (the ETag value, an opaque string). */
export async function projectForEdit(ctx: Context, key: string): Promise<{ project: Project; version: string; settings: Settings | undefined }> {
  const orgId = await draftOrganization(ctx);
  const found = await ctx.store.projects.get(orgId, key);
  if (!found) throw notFound(key);
  return { project: found.project, version: projectVersion(found.project), settings: found.settings };
}

/**
 * The stored projects of `keys` and their versions, read at once (one query per table, the
 * project-scoped snapshot a save reads), in the order of `keys`; a key not stored is left out.
 */
export async function projectsForEdit(ctx: Context, keys: readonly string[]): Promise<{ projects: { project: Project; version: string }[]; settings: Settings | undefined }> {
  const orgId = await draftOrganization(ctx);
  if (keys.length === 0) return { projects: [], settings: undefined };
  const snapshot = await ctx.store.documents.projectsSnapshot(orgId, [...new Set(keys)]);
  const document = storedDocument(snapshot.document);
  const byKey = new Map(document.projects.map((project) => [project.key, project]));
  const projects = keys.flatMap((key) => {
    const project = byKey.get(key);
    return project ? [{ project, version: projectVersion(project) }] : [];
  });
  return { projects, settings: document.settings };
}

/** Tries before a save that keeps meeting other projects' writes gives up (503: try again). */
const ATTEMPTS = 8;

/**
 * One write path: several projects of one organization replaced at once (all or nothing), each
 * checked against its If-Match version; rights checked path by path (rights-paths.ts); validated
 * by the interchange rules; written in one transaction; every changed field appended to the change log.
 *
 * Only the projects saved are read (a project-scoped snapshot), never the whole organization.
 * Another project's save between that read and the write makes the organization's revision
 * stale: the save is worked out again, transparently. Only a changed version of a project saved
 * here is a conflict.
 */
export async function saveProjects(ctx: Context, edits: ProjectEdit[], options: EditOptions): Promise<SaveResult> {
  const orgId = await draftOrganization(ctx);
  if (edits.length === 0) return { versions: {}, changes: [] };
  const keys = checkedKeys(edits);
  const sent = new Map(edits.map((edit) => [edit.key, edit]));
  let cycle: Awaited<ReturnType<typeof openCycleStages>> | null = null;
  for (let attempt = 1; ; attempt++) {
    const snapshot = await ctx.store.documents.projectsSnapshot(orgId, keys);
    const stored = storedDocument(snapshot.document);
    const storedByKey = new Map(stored.projects.map((project) => [project.key, project]));
    const missing = keys.filter((key) => !storedByKey.has(key));
    if (missing.length > 0) throw notFound(missing.join('」「'));
    const subject = (key: string) => projectSubject(orgId, storedByKey.get(key));
    const outside = keys.filter((key) => !may(ctx.actor, 'edit-project', subject(key)));
    if (outside.length > 0) throw refusal(outside.map((key) => `projects/${segment(key)}`));
    cycle ??= await openCycleStages(ctx, orgId);
    const stageOf = (key: string) => cycle?.stages.get(key);
    const frozen = keys.filter((key) => !may(ctx.actor, 'edit-project', { ...subject(key), stage: stageOf(key) }));
    if (frozen.length > 0) throw frozenRefusal(frozen.map((key) => ({ key, stage: stageOf(key)! })));
    const desired = validated({ ...stored, projects: stored.projects.map((project) => sent.get(project.key)!.project) });
    const stale = staleProjects(stored, desired, sent);
    if (stale.length > 0) throw new ConflictError(stale);
    const rules = { project: (key: string) => (storedByKey.has(key) ? subject(key) : undefined), cycleYear: cycle?.fiscalYear };
    const written = await write(ctx, orgId, snapshot, desired, rules, options);
    if (written === 'stale') {
      if (attempt < ATTEMPTS) continue;
      throw busy();
    }
    return { versions: Object.fromEntries(desired.projects.map((project) => [project.key, projectVersion(project)])), changes: written };
  }
}

/** A bureau's policy evaluation (PUT /api/v1/policy-evaluations): the same path, the same log. */
export async function savePolicyEvaluation(
  ctx: Context,
  evaluation: { policy: string; bureau: string; fiscalYear: number; grade?: string; improvement?: string },
  options: EditOptions,
): Promise<SaveResult> {
  const orgId = await draftOrganization(ctx);
  authorize(ctx, 'edit-policy-evaluation', { orgId, bureau: evaluation.bureau });
  await refuseFrozenPolicyEvaluation(ctx, orgId, evaluation);
  const key = policyEvaluationKey(evaluation);
  for (let attempt = 1; ; attempt++) {
    const snapshot = await ctx.store.documents.projectsSnapshot(orgId, [], { policyEvaluations: true });
    const stored = storedDocument(snapshot.document);
    const list = stored.policyEvaluations ?? [];
    const existing = list.find((e) => policyEvaluationKey(e) === key);
    // The evaluation as sent replaces the stored one; what else it held (unknown fields) stays.
    const { grade: _grade, improvement: _improvement, ...kept } = existing ?? {};
    const record: PolicyEvaluation = { ...kept, policy: evaluation.policy, bureau: evaluation.bureau, fiscalYear: evaluation.fiscalYear };
    if (evaluation.grade !== undefined) record.grade = evaluation.grade;
    if (evaluation.improvement !== undefined) record.improvement = evaluation.improvement;
    const policyEvaluations = existing ? list.map((e) => (e === existing ? record : e)) : [...list, record];
    const desired = validated({ ...stored, policyEvaluations });
    const written = await write(ctx, orgId, snapshot, desired, { project: () => undefined }, options);
    if (written === 'stale') {
      if (attempt < ATTEMPTS) continue;
      throw busy();
    }
    return { versions: {}, changes: written };
  }
}

/**
 * The change set from the snapshot to `desired`, refused whole when a path is outside the
 * actor's rights; written with its change-log entries unless a dry run. 'stale': another write
 * came between the snapshot and this one, nothing was written.
 */
async function write(ctx: Context, orgId: number, snapshot: Snapshot, desired: HyokaDocument, rules: PathRules, options: EditOptions): Promise<Change[] | 'stale'> {
  const result = changeSetOf(snapshot.document, desired);
  if (!result.ok) throw invalid(result.problems);
  const { changes } = changeList(result.changeSet);
  const refused = refusedPaths(ctx.actor, orgId, changes, rules);
  if (refused.length > 0) throw refusal(refused);
  if (options.dryRun === true) return changes;
  try {
    await ctx.store.documents.apply(snapshot, desired, result.changeSet, { log: logContext(ctx.actor, options.channel, options.comment) });
  } catch (error) {
    if (error instanceof StaleSnapshotError) return 'stale';
    if (error instanceof InvalidDocumentError) throw invalid(error.problems);
    throw error;
  }
  return changes;
}

/** The keys of the edits: each once, and each the key of the project sent (a key is never changed by a save). */
function checkedKeys(edits: readonly ProjectEdit[]): string[] {
  const problems: Problem[] = [];
  const keys = new Set<string>();
  for (const edit of edits) {
    const path = `projects/${segment(edit.key)}`;
    if (keys.has(edit.key)) problems.push({ path, message: '同じ事業が二度送られました / The same project was sent twice' });
    if (edit.project?.key !== edit.key) problems.push({ path: `${path}/key`, message: '事業のキーは変更できません / A project’s key cannot be changed' });
    keys.add(edit.key);
  }
  if (problems.length > 0) throw invalid(problems);
  return [...keys];
}

function storedDocument(document: HyokaDocument | undefined): HyokaDocument {
  if (!document) throw new ServiceError('not-found', '団体が見つかりません / Organization not found');
  return document;
}

function projectSubject(orgId: number, project: Project | undefined): Subject {
  return { orgId, bureau: project?.bureau, division: project?.division };
}

/** Validated by the interchange rules (the same as an import); problems named by keys, not list positions. */
function validated(document: HyokaDocument): HyokaDocument {
  const validation = validateDocument(document);
  if (validation.ok) return validation.document;
  throw invalid(validation.problems.map((problem) => ({ ...problem, path: keyedPath(document, problem.path) })));
}

/** The projects whose stored version is not the one their editor saw, with the paths where stored and sent differ. */
function staleProjects(stored: HyokaDocument, desired: HyokaDocument, sent: ReadonlyMap<string, ProjectEdit>): StaleProject[] {
  const stale: StaleProject[] = [];
  for (const [index, project] of stored.projects.entries()) {
    const version = projectVersion(project);
    if (version === sent.get(project.key)!.ifMatch) continue;
    const diff = changeSetOf({ ...stored, projects: [project] }, { ...stored, projects: [desired.projects[index]!] });
    const paths = diff.ok ? changeList(diff.changeSet).changes.map((change) => change.path) : [];
    stale.push({ key: project.key, version, stored: project, paths });
  }
  return stale;
}

function invalid(problems: Problem[]): ServiceError {
  return new ServiceError('invalid', `${problems.length} 件の問題があり、保存しませんでした / ${problems.length} problem(s); nothing was saved`, problems);
}

function refusal(paths: string[]): ServiceError {
  return new ServiceError(
    'forbidden',
    `権限の外の ${paths.length} 箇所を変更するため、何も保存しませんでした / ${paths.length} change(s) outside your rights; nothing was saved`,
    paths.map((path) => ({ path, message: 'この箇所を変更する権限がありません / You may not change this' })),
  );
}

/** 409: the projects' entries in the open cycle are past the stage at which this user edits them. */
function frozenRefusal(entries: { key: string; stage: string }[]): ServiceError {
  return new ServiceError(
    'conflict',
    `評価サイクルの段階が進んでいるため、${entries.length} 件の事業は編集できません / ${entries.length} project(s) are past the stage at which you edit them`,
    entries.map(({ key, stage }) => ({ path: `projects/${segment(key)}`, message: `段階 / stage: ${stage}` })),
  );
}

function busy(): ServiceError {
  return new ServiceError('unavailable', '保存が混み合っています。もう一度保存してください / Too many saves at once: save again', [], { retryAfter: 1 });
}

function notFound(key: string): ServiceError {
  return new ServiceError('not-found', `事業「${key}」は見つかりません / Project "${key}" not found`);
}
