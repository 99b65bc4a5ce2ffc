// The one write path of a person's edit (workflow.md, "Editing"): a form, `PUT /api/v1/projects/:key`
// and the division's list entry replace whole projects of one organization. Each project is
// checked against the version its editor saw (If-Match), validated by the interchange rules (the
// same validateDocument as an import), checked path by path against the editor's rights
// (rights-paths.ts), written in one transaction with every changed value appended to the change log.
import type { Project, Settings } from '../domain/model.js';
import type { Change } from '../interchange/change-set.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError, type Problem } from './errors.js';
import { getProject } from './queries.js';

/** Where a change came from, as the change log records it. */
export type Channel = 'form' | 'api' | 'import' | 'cycle' | 'publication';

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
  authorize(ctx, 'read-drafts', { orgId: (await ctx.organization()).id });
  const found = await getProject(ctx, key);
  if (!found) throw notFound(key);
  throw new ServiceError('unavailable', 'not implemented yet');
}

/**
 * One write path: several projects of one organization replaced at once (all or nothing), each
 * checked against its If-Match version; rights checked path by path (rights-paths.ts); validated
 * by the interchange rules; written in one transaction; every changed field appended to the change log.
 */
export async function saveProjects(ctx: Context, edits: ProjectEdit[], options: EditOptions): Promise<SaveResult> {
  authorize(ctx, 'read-drafts', { orgId: (await ctx.organization()).id });
  void edits;
  void options;
  throw new ServiceError('unavailable', 'not implemented yet');
}

/** A bureau's policy evaluation (PUT /api/v1/policy-evaluations): the same path, the same log. */
export async function savePolicyEvaluation(
  ctx: Context,
  evaluation: { policy: string; bureau: string; fiscalYear: number; grade?: string; improvement?: string },
  options: EditOptions,
): Promise<SaveResult> {
  authorize(ctx, 'read-drafts', { orgId: (await ctx.organization()).id });
  void evaluation;
  void options;
  throw new ServiceError('unavailable', 'not implemented yet');
}

function notFound(key: string): ServiceError {
  return new ServiceError('not-found', `事業「${key}」は見つかりません / Project "${key}" not found`);
}
