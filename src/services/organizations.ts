// Which organization a request or a document means. One database holds many
// organizations; everything else is scoped by the one resolved here.
import type { Organization } from '../domain/model.js';
import type { OrganizationHead, Store } from '../store/index.js';
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
    const all = await store.organizations.heads({}, 2);
    if (all.length === 1) return toRef(all[0]!);
    if (all.length === 0) {
      throw new ServiceError('not-found', 'データベースに団体がありません / The database holds no organization');
    }
    throw new ServiceError(
      'ambiguous',
      'データベースに複数の団体があります。団体コードか名前で指定してください（--org / ?org=） / The database holds several organizations: choose one by code or name (--org / ?org=)',
    );
  }
  const [byCode] = await store.organizations.heads({ code: ref }, 1);
  if (byCode) return toRef(byCode);
  const byName = await store.organizations.heads({ name: ref }, 2);
  if (byName.length > 1) throw ambiguousName(ref);
  if (byName.length === 1) return toRef(byName[0]!);
  throw new ServiceError('not-found', `団体「${ref}」が見つかりません / Organization "${ref}" not found`);
}

/**
 * The stored organization a document replaces: the one with its `code`; failing that, one
 * of the same name still without a code (the document gives it one). A document without
 * a code names its organization by the exact name.
 */
export async function documentOrganization(store: Store, organization: Organization): Promise<{ id: number } | undefined> {
  if (organization.code !== undefined) {
    const [byCode] = await store.organizations.byCode(organization.code);
    if (byCode) return byCode;
    const [unnumbered] = await store.organizations.byName(organization.name, { withoutCode: true });
    return unnumbered;
  }
  const byName = await store.organizations.byName(organization.name);
  if (byName.length > 1) throw ambiguousName(organization.name);
  return byName[0];
}
