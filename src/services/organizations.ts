// Which organization a request or a document means. One database holds many
// organizations; everything else is scoped by the one resolved here.
import type { Kysely } from 'kysely';
import type { Organization } from '../domain/model.js';
import type { Store } from '../store/open.js';
import type { Database } from '../store/schema.js';
import {
  organizationHeads,
  type OrganizationHead,
  organizationsByCode,
  organizationsByName,
  type OrganizationRow,
} from '../store/organizations.js';
import { ServiceError } from './errors.js';

export interface OrganizationRef {
  id: number;
  name: string;
  code?: string;
  /** Raised by every import that writes: what a cache of the organization's data is keyed by. */
  revision: number;
}

function toRef(row: OrganizationHead): OrganizationRef {
  const ref: OrganizationRef = { id: row.id, name: row.name, revision: row.revision };
  if (row.code !== null) ref.code = row.code;
  return ref;
}

function ambiguousName(name: string): ServiceError {
  return new ServiceError(
    'ambiguous',
    `「${name}」という名前の団体が複数あります。団体コードで指定してください / Several organizations are named "${name}": give the organization code`,
  );
}

/**
 * The organization named by `ref` (its code, else its exact name); without `ref`, the
 * only one in the database. One small query: it runs on every API request.
 */
export async function resolveOrganization(store: Store, ref?: string): Promise<OrganizationRef> {
  if (ref === undefined || ref === '') {
    const all = await organizationHeads(store.reader, {}, 2);
    if (all.length === 1) return toRef(all[0]!);
    if (all.length === 0) {
      throw new ServiceError('not-found', 'データベースに団体がありません / The database holds no organization');
    }
    throw new ServiceError(
      'ambiguous',
      'データベースに複数の団体があります。団体コードか名前で指定してください（--org / ?org=） / The database holds several organizations: choose one by code or name (--org / ?org=)',
    );
  }
  const [byCode] = await organizationHeads(store.reader, { code: ref }, 1);
  if (byCode) return toRef(byCode);
  const byName = await organizationHeads(store.reader, { name: ref }, 2);
  if (byName.length > 1) throw ambiguousName(ref);
  if (byName.length === 1) return toRef(byName[0]!);
  throw new ServiceError('not-found', `団体「${ref}」が見つかりません / Organization "${ref}" not found`);
}

/**
 * The stored organization a document replaces: the one with its `code`; failing that, one
 * of the same name still without a code (the document gives it one). A document without
 * a code names its organization by the exact name.
 */
export async function documentOrganization(db: Kysely<Database>, organization: Organization): Promise<OrganizationRow | undefined> {
  if (organization.code !== undefined) {
    const [byCode] = await organizationsByCode(db, organization.code);
    if (byCode) return byCode;
    const [unnumbered] = await organizationsByName(db, organization.name, { withoutCode: true });
    return unnumbered;
  }
  const byName = await organizationsByName(db, organization.name);
  if (byName.length > 1) throw ambiguousName(organization.name);
  return byName[0];
}
