// The use cases around whole hyoka/1 documents: validate-then-import, export completed
// by compute(), and one project computed for reading. CLI and HTTP both call these.
import { resolveProfile } from '../domain/profile.js';
import type { HyokaDocument } from '../domain/model.js';
import { compute, computeProject } from '../interchange/compute.js';
import { parseDocumentText, validateDocument, type ValidationResult } from '../interchange/validate.js';
import type { Store } from '../store/index.js';
import { ServiceError, type Problem } from './errors.js';
import { exportDocument } from './export.js';
import { importDocument, type ImportReport } from './import.js';
import { cachedJson, currentOrganization } from './project-cache.js';
import { getProject } from './queries.js';

export interface ImportOutcome {
  report: ImportReport;
  /** Paths of fields hyoka/1 does not define: kept, but listed so that typos show. */
  unknownFields: string[];
}

/** Validates a parsed document and imports it whole, or refuses it whole with every problem. */
export function importValue(store: Store, value: unknown, options: ImportOptions = {}): Promise<ImportOutcome> {
  return importValidated(store, validateDocument(value), options);
}

export interface ImportOptions {
  /** Report what would change; write nothing. */
  dryRun?: boolean;
  /** Import even when it removes most of the organization (removal-guard.ts). */
  allowRemovals?: boolean;
  /** List the changed values in the report, the first this many (a preview). */
  listChanges?: number;
}

/** Imports a validation's document, or refuses it whole with every problem the validation found. */
async function importValidated(store: Store, validation: ValidationResult, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (!validation.ok) throw refusal(validation.problems);
  const report = await importDocument(store, validation.document, {
    dryRun: options.dryRun ?? false,
    allowRemovals: options.allowRemovals ?? false,
    ...(options.listChanges !== undefined && { listChanges: options.listChanges }),
  });
  return { report, unknownFields: validation.unknownFields };
}

function refusal(problems: readonly Problem[]): ServiceError {
  return new ServiceError(
    'invalid',
    `文書に ${problems.length} 件の問題があり、取り込みませんでした / The document has ${problems.length} problem(s); nothing was imported`,
    [...problems],
  );
}

/**
 * Imports a hyoka/1 file's text: parsed, validated whole (the shape by the check compiled
 * from the schema, zod only to word a refusal), then written in one transaction. An invalid
 * document writes nothing and is refused with every problem.
 */
export async function importText(store: Store, text: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  return importValidated(store, parseDocumentText(text), options);
}

/** The stored document of one organization, completed by compute(). */
export async function exportComputed(store: Store, orgRef?: string): Promise<HyokaDocument> {
  return compute(await exportDocument(store, orgRef));
}

/** `{"project": …}` serialized: what the API sends, cached while the organization's data stays the same. */
export async function readProjectJson(store: Store, orgRef: string | undefined, key: string): Promise<string> {
  const org = await currentOrganization(store, orgRef);
  return cachedJson(store, `${org.id}\u0000${key}`, org.revision, async () => {
    const found = await getProject(store, org.id, key);
    if (!found) throw new ServiceError('not-found', `事業「${key}」は見つかりません / Project "${key}" not found`);
    return JSON.stringify({ project: computeProject(found.project, resolveProfile(found.settings)) });
  });
}
