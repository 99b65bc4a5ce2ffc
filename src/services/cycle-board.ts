// The office's overview of a cycle (workflow.md, "The cycle": /cycles/:fiscalYear): per bureau
// and division how many entries are at each stage (skip apart), which are late, what `check`
// finds on each entry, and how many inputs are missing or copied from last year. The admin and
// viewers see the organization; a bureau its own bureau; a division is refused (its to-do is
// /tasks). Entries come a page at a time; the groups are counted over all of them.
import { checkDocument } from '../domain/check.js';
import { computedDocument } from './computed.js';
import type { Context } from './context.js';
import { cycleOrganization, entryView, existingCycle, policyEvaluationsOf, stagesOf, type CycleEntryView, type Deadlines, type PolicyEvaluationStage, type Stage } from './cycles.js';
import { ServiceError } from './errors.js';
import { deadlineOf, todayInJapan } from './tasks.js';

export const BOARD_PAGE_SIZE = 100;

export interface BoardEntry extends CycleEntryView {
  name: string;
  /** Data-quality findings of `check` on the project (missing actuals are in `missing`). */
  findings: number;
  deadline?: string;
  /** Past its stage's deadline, not moved on. */
  overdue: boolean;
}

export interface BoardGroup {
  bureau: string;
  division: string;
  /** Entries by stage; `skip` counts the entries not evaluated this year, whatever their stage. */
  counts: Record<string, number>;
  entries: number;
  late: number;
  findings: number;
  missing: number;
  sameAsLastYear: number;
}

export interface CycleBoard {
  fiscalYear: number;
  state: 'open' | 'closed';
  deadlines: Deadlines;
  today: string;
  stages: readonly Stage[];
  /** The bureau the view is narrowed to (a bureau user's). */
  bureau?: string;
  groups: BoardGroup[];
  totals: BoardGroup;
  late: BoardEntry[];
  /** This page of the entries, by bureau, division and key. */
  entries: BoardEntry[];
  page: number;
  pages: number;
  policyEvaluations: PolicyEvaluationStage[];
  /** Bureaus, divisions and policies of the entries: the scope form's choices. */
  choices: { bureaus: string[]; divisions: string[]; policies: string[] };
}

export async function cycleBoard(ctx: Context, fiscalYear: number, options: { page?: number; today?: string } = {}): Promise<CycleBoard> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'division') {
    throw new ServiceError('forbidden', '評価サイクルの状況は局・管理者・閲覧者が見られます / The cycle overview is for the office, bureaus and viewers');
  }
  const bureau = ctx.actor.kind === 'user' && ctx.actor.role === 'bureau' ? ctx.actor.bureau : undefined;
  const cycle = await existingCycle(ctx, orgId, fiscalYear);
  const { document } = await computedDocument(ctx);
  const today = options.today ?? todayInJapan();
  const deadlines = cycle.deadlines as Deadlines;
  const findings = findingsByProject(document, cycle.fiscalYear);
  const projects = new Map(document.projects.map((project) => [project.key, project]));
  const rows = await ctx.store.cycles.entries(cycle.id);
  const all: BoardEntry[] = [];
  for (const row of rows) {
    const project = projects.get(row.project);
    if (!project || (bureau !== undefined && project.bureau !== bureau)) continue;
    const late = row.scope === 'skip' ? { overdue: false } : deadlineOf(deadlines, row.stage, project.bureau, today);
    all.push({ ...entryView(row, project, cycle.fiscalYear), name: project.name, findings: findings.get(project.key) ?? 0, ...late });
  }
  all.sort((a, b) => (a.bureau ?? '').localeCompare(b.bureau ?? '', 'ja') || a.division.localeCompare(b.division, 'ja') || a.key.localeCompare(b.key));
  const groups = new Map<string, BoardGroup>();
  const totals = emptyGroup('', '');
  for (const entry of all) {
    const id = JSON.stringify([entry.bureau ?? '', entry.division]);
    const group = groups.get(id) ?? emptyGroup(entry.bureau ?? '', entry.division);
    groups.set(id, group);
    for (const counted of [group, totals]) count(counted, entry);
  }
  const pages = Math.max(1, Math.ceil(all.length / BOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pages);
  const keys = new Set(all.map((entry) => entry.key));
  const policyEvaluations = policyEvaluationsOf(document.projects, rows, await ctx.store.cycles.policyStages(cycle.id)).filter((e) => bureau === undefined || e.bureau === bureau);
  const inView = document.projects.filter((project) => keys.has(project.key));
  return {
    fiscalYear: cycle.fiscalYear,
    state: cycle.state,
    deadlines,
    today,
    stages: stagesOf(document.settings),
    ...(bureau !== undefined && { bureau }),
    groups: [...groups.values()],
    totals,
    late: all.filter((entry) => entry.overdue),
    entries: all.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE),
    page,
    pages,
    policyEvaluations,
    choices: {
      bureaus: distinct(inView.map((project) => project.bureau ?? '')),
      divisions: distinct(inView.map((project) => project.division)),
      policies: distinct(inView.flatMap((project) => project.placements.map((row) => row.policy))),
    },
  };
}

/** The fiscal years with a cycle, newest first, and the open one: for links to the overview. */
export async function cycleYears(ctx: Context): Promise<{ open?: number }> {
  const orgId = await cycleOrganization(ctx, 'read-drafts');
  const open = await ctx.store.cycles.open(orgId);
  return open ? { open: open.fiscalYear } : {};
}

function findingsByProject(document: Awaited<ReturnType<typeof computedDocument>>['document'], fiscalYear: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of checkDocument(document, { fiscalYear }).findings) {
    const index = /^projects\[(\d+)\]/.exec(finding.path)?.[1];
    const project = index === undefined ? undefined : document.projects[Number(index)];
    if (!project || finding.code === 'missing-actual') continue;
    counts.set(project.key, (counts.get(project.key) ?? 0) + 1);
  }
  return counts;
}

function emptyGroup(bureau: string, division: string): BoardGroup {
  return { bureau, division, counts: {}, entries: 0, late: 0, findings: 0, missing: 0, sameAsLastYear: 0 };
}

function count(group: BoardGroup, entry: BoardEntry): void {
  const column = entry.scope === 'skip' ? 'skip' : entry.stage;
  group.counts[column] = (group.counts[column] ?? 0) + 1;
  group.entries += 1;
  group.late += Number(entry.overdue);
  group.findings += entry.findings;
  group.missing += entry.missing.length;
  group.sameAsLastYear += entry.sameAsLastYear.length;
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b, 'ja'));
}
