// Read queries behind the API: lists and one project, scoped by the context's organization.
// What they read is the reader's (public-view.ts): a user who may read drafts, in 作業中, reads
// the stored data; anyone else the latest published version of the year asked for.
import type { HyokaDocument, Project, Settings } from '../domain/model.js';
import { rowSdgs } from '../domain/row-fields.js';
import type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary } from '../store/index.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { readerView, readsDrafts, type ReaderChoice } from './public-view.js';

export type { OrganizationRef } from './organizations.js';
export type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary };

export function listOrganizations(ctx: Context): Promise<OrganizationSummary[]> {
  authorize(ctx, 'read-published');
  return ctx.store.organizations.list();
}

export async function listPolicies(ctx: Context, choice: ReaderChoice = {}): Promise<PolicySummary[]> {
  authorize(ctx, 'read-published');
  if (await readsDrafts(ctx, choice.edition)) return ctx.store.projects.policies((await ctx.organization()).id);
  return policiesOf((await readerView(ctx, choice)).document);
}

/** `filter.fiscalYear` also chooses the published version read (the latest year's when absent). */
export async function listProjects(ctx: Context, filter: ProjectFilter = {}, page: ProjectPage = {}, choice: Pick<ReaderChoice, 'edition'> = {}): Promise<ProjectList> {
  authorize(ctx, 'read-published');
  if (await readsDrafts(ctx, choice.edition)) return ctx.store.projects.list((await ctx.organization()).id, filter, page);
  const { document } = await readerView(ctx, { ...choice, fiscalYear: filter.fiscalYear });
  const matching = document.projects.filter((project) => projectMatches(project, filter));
  const offset = page.offset ?? 0;
  const shown = page.limit === undefined ? matching.slice(offset) : matching.slice(offset, offset + page.limit);
  return { projects: shown.map(summaryOf), total: matching.length };
}

/** One project of the stored data, in document shape, with the organization's settings to compute it by: the organization's users alone. */
export async function getProject(ctx: Context, key: string): Promise<{ project: Project; settings: Settings | undefined } | undefined> {
  const organization = await ctx.organization();
  authorize(ctx, 'read-drafts', { orgId: organization.id });
  return ctx.store.projects.get(organization.id, key);
}

/** The policies of a (published) document as the store lists them: rows by number. */
function policiesOf(document: HyokaDocument): PolicySummary[] {
  const rows = new Map<string, PolicySummary['rows']>();
  for (const project of document.projects) {
    for (const placement of project.placements) {
      const list = rows.get(placement.policy) ?? [];
      list.push({ no: placement.no, project: project.key, name: project.name });
      rows.set(placement.policy, list);
    }
  }
  // A stable sort keeps the projects' order among rows of one number.
  return document.policies.map((policy) => ({ code: policy.code, title: policy.title, rows: (rows.get(policy.code) ?? []).sort((a, b) => a.no - b.no) }));
}

/** The store's filter (repositories/projects.ts), on a document. */
function projectMatches(project: Project, filter: ProjectFilter): boolean {
  if (filter.bureau !== undefined && project.bureau !== filter.bureau) return false;
  if (filter.division !== undefined && project.division !== filter.division) return false;
  if (filter.policy !== undefined && !project.placements.some((placement) => placement.policy === filter.policy)) return false;
  if (filter.sdg !== undefined && !project.placements.some((placement) => rowSdgs(project, placement).includes(filter.sdg!))) return false;
  const evaluations = [...(project.evaluations ?? []), ...project.placements.flatMap((placement) => placement.evaluations ?? [])];
  const year = filter.fiscalYear;
  if (
    year !== undefined &&
    !(project.indicators ?? []).some((indicator) => (indicator.periods ?? []).some((period) => period.fiscalYear === year)) &&
    !(project.budgets ?? []).some((budget) => budget.fiscalYear === year) &&
    !evaluations.some((evaluation) => evaluation.fiscalYear === year)
  ) {
    return false;
  }
  if (filter.grade !== undefined && !evaluations.some((evaluation) => evaluation.grade === filter.grade && (year === undefined || evaluation.fiscalYear === year))) return false;
  return true;
}

function summaryOf(project: Project): ProjectSummary {
  return {
    key: project.key,
    name: project.name,
    ...(project.bureau !== undefined && { bureau: project.bureau }),
    division: project.division,
    ...(project.sdgs !== undefined && { sdgs: project.sdgs }),
    placements: project.placements.map(({ policy, no }) => ({ policy, no })),
    budgets: project.budgets ?? [],
  };
}
