// Read queries behind the API: lists and one project, scoped by organization.
import type { Project, Settings } from '../domain/model.js';
import type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary, Store } from '../store/index.js';

export { resolveOrganization, type OrganizationRef } from './organizations.js';
export type { OrganizationSummary, PolicySummary, ProjectFilter, ProjectList, ProjectPage, ProjectSummary };

export function listOrganizations(store: Store): Promise<OrganizationSummary[]> {
  return store.organizations.list();
}

export function listPolicies(store: Store, orgId: number): Promise<PolicySummary[]> {
  return store.projects.policies(orgId);
}

export function listProjects(store: Store, orgId: number, filter: ProjectFilter = {}, page: ProjectPage = {}): Promise<ProjectList> {
  return store.projects.list(orgId, filter, page);
}

/** One project in document shape, with the organization's settings to compute it by. */
export function getProject(store: Store, orgId: number, key: string): Promise<{ project: Project; settings: Settings | undefined } | undefined> {
  return store.projects.get(orgId, key);
}
