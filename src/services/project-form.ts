// The project form's use cases (workflow.md, "Editing"): open a project for its form — the
// stored project, its version, the profile, and which change paths this user may touch — and
// submit the form through the one write path (editing.ts, channel `form`). A refused submission
// comes back as data for the page to show again with everything typed: problems beside their
// inputs, or, when someone saved meanwhile, the stored project beside the user's.
import type { Project } from '../domain/model.js';
import { resolveProfile, type Profile } from '../domain/profile.js';
import { segment } from '../interchange/change-path.js';
import type { Problem } from '../interchange/messages.js';
import { authorize, may } from './authorization.js';
import type { Context } from './context.js';
import { confirmAll, formConfirmations, openCycleRecords } from './carry-over.js';
import { ConflictError, projectForEdit, saveProjects } from './editing.js';
import { isReviewer } from './list-entry.js';
import type { CycleRecords } from './views/list-entry.js';
import { asServiceError } from './errors.js';
import { refusedPaths } from './rights-paths.js';
import type { Subject } from './rights.js';
import { changePathOf, projectFormValues, type FormValues } from './views/project-form-fields.js';
import { overStored } from './views/over-stored.js';
import { parseProjectForm } from './views/project-form-parse.js';
import { relativePath } from './views/project-form.js';

export interface ProjectFormState {
  stored: Project;
  version: string;
  profile: Profile;
  fiscalYear: number;
  /** Whether this user may change the value at a change path relative to the project. */
  mayChange(path: string): boolean;
  /** The open cycle's records, when the form is of its year. */
  cycle?: CycleRecords;
  /** A reviewer (bureau, admin) sees the improvement's difference from last year's. */
  reviewer: boolean;
}

/** The project for its form; 403 for a user who may not edit it (another division's, a viewer). */
export async function openProjectForm(ctx: Context, key: string, fiscalYear?: number): Promise<ProjectFormState> {
  const { project, version, settings } = await projectForEdit(ctx, key);
  const subject = await subjectOf(ctx, project);
  authorize(ctx, 'edit-project', subject);
  // The form binds to the open cycle: its year first.
  const cycle = await openCycleRecords(ctx);
  const year = fiscalYear ?? cycle?.fiscalYear ?? formYear(project);
  return {
    stored: project,
    version,
    profile: resolveProfile(settings),
    fiscalYear: year,
    ...(cycle?.fiscalYear === year && { cycle }),
    reviewer: isReviewer(ctx),
    mayChange: (path) => refusedPaths(ctx.actor, subject.orgId, [{ path: `projects/${segment(key)}/${path}`, before: 0, after: 1 }], { project: () => subject }).length === 0,
  };
}

/** Whether the context's user may open this project's form (for the link on the project page). */
export async function mayEditProject(ctx: Context, project: Pick<Project, 'bureau' | 'division'>): Promise<boolean> {
  if (ctx.actor.kind !== 'user') return false;
  return may(ctx.actor, 'edit-project', await subjectOf(ctx, project));
}

async function subjectOf(ctx: Context, project: Pick<Project, 'bureau' | 'division'>): Promise<Subject> {
  return { orgId: (await ctx.organization()).id, bureau: project.bureau, division: project.division };
}

export type ProjectFormOutcome =
  | { saved: true; version: string; changes: number }
  | {
      saved: false;
      state: ProjectFormState;
      /** The project as typed (what the suggestions and "yours" show). */
      current: Project;
      /** Keyed by input name or relative change path. */
      problems: Problem[];
      conflict?: { stored: Project; paths: string[] };
      /** The inputs' text to show again: after a conflict, the fields the person did not change as stored now. */
      values: FormValues;
      /** The values the form shown again is filled from. */
      original: FormValues;
    };

export interface ProjectFormSubmission {
  values: FormValues;
  version: string;
  fiscalYear: number;
  /** The values the form was filled from (its hidden `_original`): a field still at its original was not changed by the person. */
  original?: FormValues | undefined;
}

export async function submitProjectForm(ctx: Context, key: string, submission: ProjectFormSubmission): Promise<ProjectFormOutcome> {
  const state = await openProjectForm(ctx, key, submission.fiscalYear);
  // Only the fields the person changed are theirs; the others take the value stored now (no update is lost).
  const original = submission.original ?? projectFormValues(state.stored, state.fiscalYear);
  const { values, changed } = overStored(submission.values, submission.original, projectFormValues(state.stored, state.fiscalYear));
  const parsed = parseProjectForm(state.stored, values, state.fiscalYear, state.profile);
  const refused = (problems: Problem[], next = state, shown = values, filled = original) => ({ saved: false as const, state: next, current: parsed.project, problems, values: shown, original: filled });
  const confirmations = formConfirmations(submission.values);
  const problems = [...parsed.problems, ...confirmations.problems.map((problem) => ({ ...problem, path: relativePath(key, problem.path) }))];
  if (problems.length > 0) return refused(problems);
  try {
    const result = await saveProjects(ctx, [{ key, project: parsed.project, ifMatch: submission.version }], { channel: 'form' });
    await confirmAll(ctx, state.fiscalYear, confirmations.list);
    return { saved: true, version: result.versions[key] ?? '', changes: result.changes.length };
  } catch (error) {
    if (error instanceof ConflictError) {
      const stale = error.stale.find((entry) => entry.key === key) ?? error.stale[0]!;
      // Shown again over the project stored now: a field both changed is the conflict, side by side.
      const now = projectFormValues(stale.stored, state.fiscalYear);
      const shown = { ...values };
      const both = new Set<string>();
      for (const name of Object.keys(shown)) {
        if (!changed.has(name)) {
          if (name in now) shown[name] = now[name]!;
        } else if (name in now && now[name] !== submission.original?.[name] && now[name] !== shown[name]) both.add(changePathOf(name));
      }
      return { ...refused([], { ...state, stored: stale.stored, version: stale.version }, shown, now), conflict: { stored: stale.stored, paths: [...both] } };
    }
    const service = asServiceError(error);
    if (service?.kind !== 'invalid' && service?.kind !== 'forbidden') throw error;
    const problems = service.problems.length > 0 ? service.problems : [{ path: '', message: service.message }];
    return refused(problems.map((problem) => ({ ...problem, path: relativePath(key, problem.path) })));
  }
}

/** The year a form opens on: the latest evaluated one, else the latest with an actual. */
function formYear(project: Project): number {
  const years = [
    ...(project.evaluations ?? []).map((evaluation) => evaluation.fiscalYear),
    ...project.placements.flatMap((row) => (row.evaluations ?? []).map((evaluation) => evaluation.fiscalYear)),
  ];
  if (years.length === 0) {
    for (const indicator of project.indicators ?? []) for (const period of indicator.periods ?? []) if (period.actual !== undefined) years.push(period.fiscalYear);
  }
  return years.length > 0 ? Math.max(...years) : new Date().getFullYear() - 1;
}
