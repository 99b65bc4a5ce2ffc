// One cycle entry read on its own (workflow.md, "Stages": "An entry shows its whole thread"):
// its stage, scope, missing inputs, texts copied from last year, and every transition with its
// comment. A division or bureau user reads only its own projects' entries.
import { resolveProfile } from '../domain/profile.js';
import { computeProject } from '../interchange/compute.js';
import { entryFindings } from '../interchange/cycle-missing.js';
import type { CycleTransitionRow } from '../store/index.js';
import type { Context } from './context.js';
import { cycleOrganization, existingCycle, type CycleScope } from './cycles.js';
import { ServiceError } from './errors.js';
import { withinOwnScope } from './rights.js';
import { indicatorNames, type IndicatorNames } from './views/cycle-labels.js';

export interface ThreadTransition {
  /** ISO 8601. */
  at: string;
  actor: string;
  from: string;
  to: string;
  comment?: string;
}

export interface EntryThread {
  key: string;
  stage: string;
  scope: CycleScope;
  missing: string[];
  sameAsLastYear: string[];
  /** The project's indicators, to word the paths above by name. */
  indicators: IndicatorNames;
  /** Oldest first. */
  transitions: ThreadTransition[];
}

export async function entryThread(ctx: Context, fiscalYear: number, key: string): Promise<EntryThread> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const cycle = await existingCycle(ctx, orgId, fiscalYear);
  const found = await ctx.store.projects.get(orgId, key);
  const entry = found && (await ctx.store.cycles.entries(cycle.id)).find((e) => e.project === key);
  if (!found || !entry) throw new ServiceError('not-found', `事業「${key}」はこのサイクルにありません / Project "${key}" has no entry in this cycle`);
  if (ctx.actor.kind === 'user' && !withinOwnScope(ctx.actor, { orgId, bureau: found.project.bureau, division: found.project.division })) {
    throw new ServiceError('forbidden', 'この事業の評価は担当外です / This project is not one of yours');
  }
  const findings = entryFindings(computeProject(found.project, resolveProfile(found.settings)), cycle.fiscalYear, entry.scope);
  return { key, stage: entry.stage, scope: entry.scope, ...findings, indicators: indicatorNames(found.project.indicators), transitions: (await ctx.store.cycles.transitions(entry.id)).map(threadTransition) };
}

export function threadTransition(row: CycleTransitionRow): ThreadTransition {
  return { ...row, at: new Date(row.at).toISOString() };
}

/**
 * The project's entry in the open cycle, for the project page: undefined when no cycle is open,
 * the project has no entry, or the reader may not read it (anonymous, another division's).
 */
export async function openEntryThread(ctx: Context, key: string): Promise<(EntryThread & { fiscalYear: number }) | undefined> {
  if (ctx.actor.kind === 'anonymous') return undefined;
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const cycle = await ctx.store.cycles.open(orgId);
  if (!cycle) return undefined;
  try {
    return { fiscalYear: cycle.fiscalYear, ...(await entryThread(ctx, cycle.fiscalYear, key)) };
  } catch (error) {
    if (error instanceof ServiceError && (error.kind === 'not-found' || error.kind === 'forbidden')) return undefined;
    throw error;
  }
}
