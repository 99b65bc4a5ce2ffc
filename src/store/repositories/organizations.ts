// The organizations of a database: who they are, how many projects each holds, and which
// revision their data is at.
import type { Handles } from '../handles.js';
import { allOrganizations, organizationById, organizationHeads, organizationsByCode, organizationsByName, type OrganizationHead } from '../organizations.js';

export type { OrganizationHead };

export interface OrganizationSummary {
  id: number;
  name: string;
  code?: string;
  /** Number of projects. */
  projects: number;
}

export type OrganizationsRepository = ReturnType<typeof organizationsRepository>;

export function organizationsRepository({ db, reader }: Handles) {
  const head = (row: { id: number; name: string; code: string | null }) => ({ id: row.id, name: row.name, code: row.code });
  return {
    /** Every organization, oldest first, with its number of projects. */
    async list(): Promise<OrganizationSummary[]> {
      return (await allOrganizations(reader)).map((o) => ({ id: o.id, name: o.name, ...(o.code === null ? {} : { code: o.code }), projects: o.projects }));
    },

    /**
     * Organizations by code, by exact name, or all — `limit` of them, oldest first, with their
     * revisions. One small query: it runs on every request.
     */
    heads(by: { code: string } | { name: string } | Record<string, never>, limit: number): Promise<OrganizationHead[]> {
      return organizationHeads(reader, by, limit);
    },

    /** One organization by id (its name and code), or undefined. */
    async byId(id: number): Promise<{ id: number; name: string; code: string | null } | undefined> {
      const row = await organizationById(reader, id);
      return row && head(row);
    },

    /** Read on the writing connection, for an import about to write: by code, oldest first. */
    async byCode(code: string): Promise<Omit<OrganizationHead, 'revision'>[]> {
      return (await organizationsByCode(db, code)).map(head);
    },

    /** Read on the writing connection: by exact name (optionally only those without a code), oldest first. */
    async byName(name: string, options: { withoutCode?: boolean } = {}): Promise<Omit<OrganizationHead, 'revision'>[]> {
      return (await organizationsByName(db, name, options)).map(head);
    },
  };
}
