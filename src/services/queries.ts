// Read queries behind the API: lists and one project, scoped by the context's organization.
import type { Project, Settings } from '../domain/model.js';
import type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary } from '../store/index.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';

export type { OrganizationRef } from './organizations.js';
export type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary };

export function listOrganizations(ctx: Context): Promise<OrganizationSummary[]> {
  authorize(ctx, 'read-published');
  return ctx.store.organizations.list();
}

export async function listPolicies(ctx: Context): Promise<PolicySummary[]> {
  authorize(ctx, 'read-published');
  return ctx.store.projects.policies((await ctx.organization()).id);
}

export async function listProjects(ctx: Context, filter: ProjectFilter = {}, page: ProjectPage = {}): Promise<ProjectList> {
  authorize(ctx, 'read-published');
  return ctx.store.projects.list((await ctx.organization()).id, filter, page);
}

/** One project in document shape, with the organization's settings to compute it by. */
export async function getProject(ctx: Context, key: string): Promise<{ project: Project; settings: Settings | undefined } | undefined> {
  authorize(ctx, 'read-published');
  return ctx.store.projects.get((await ctx.organization()).id, key);
}
