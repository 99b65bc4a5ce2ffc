// Read queries behind the API: lists and one project, scoped by the context's organization.
import type { Project, Settings } from '../domain/model.js';
import type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectSummary } from '../store/index.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';

export type { OrganizationRef } from './organizations.js';
export type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectSummary };

export function listOrganizations(ctx: Context): Promise<OrganizationSummary[]> {
  authorize(ctx, 'organization.list');
  return ctx.store.organizations.list();
}

export async function listPolicies(ctx: Context): Promise<PolicySummary[]> {
  authorize(ctx, 'document.read');
  return ctx.store.projects.policies((await ctx.organization()).id);
}

export async function listProjects(ctx: Context, filter: ProjectFilter = {}): Promise<ProjectSummary[]> {
  authorize(ctx, 'document.read');
  return ctx.store.projects.list((await ctx.organization()).id, filter);
}

/** One project in document shape, with the organization's settings to compute it by. */
export async function getProject(ctx: Context, key: string): Promise<{ project: Project; settings: Settings | undefined } | undefined> {
  authorize(ctx, 'document.read');
  return ctx.store.projects.get((await ctx.organization()).id, key);
}
