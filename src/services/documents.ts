// The use cases around whole hyoka/1 documents: validate-then-import, export completed
// by compute(), and one project computed for reading. CLI and HTTP both call these.
import { resolveProfile } from '../domain/profile.js';
import type { HyokaDocument, Project } from '../domain/model.js';
import { compute, computeProject } from '../interchange/compute.js';
import { sortByPath } from '../interchange/json-path.js';
import {
  combineValidation,
  parseDocumentText,
  parseJsonText,
  validateDocument,
  walkDocument,
  type ValidationResult,
} from '../interchange/validate.js';
import type { Store } from '../store/index.js';
import { ServiceError, type Problem } from './errors.js';
import { exportDocument } from './export.js';
import { importDocument, type ImportReport } from './import.js';
import { cachedJson, currentOrganization } from './project-cache.js';
import { shapeProblemsInWorker } from './shape-check.js';
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
  /** importText: the text length from which validation runs on two cores (default 4 MiB). */
  parallelFrom?: number;
}

/** Imports a validation's document, or refuses it whole with every problem the validation found. */
async function importValidated(store: Store, validation: ValidationResult, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (!validation.ok) throw refusal(validation.problems);
  const report = await importDocument(store, validation.document, { dryRun: options.dryRun ?? false });
  return { report, unknownFields: validation.unknownFields };
}

function refusal(problems: readonly Problem[]): ServiceError {
  return new ServiceError(
    'invalid',
    `文書に ${problems.length} 件の問題があり、取り込みませんでした / The document has ${problems.length} problem(s); nothing was imported`,
    [...problems],
  );
}

/** Below this a document is validated whole before writing; above it, on two cores at once. */
const PARALLEL_TEXT_LENGTH = 4 * 1024 * 1024;

/**
 * Imports a hyoka/1 file's text. A large document is checked on two cores: a worker runs the
 * shape half of validation while this thread walks the document and writes it inside the
 * transaction, which commits only once the worker found nothing. Either way an invalid
 * document writes nothing and is refused with every problem.
 */
export async function importText(store: Store, text: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (text.length < (options.parallelFrom ?? PARALLEL_TEXT_LENGTH)) return importValidated(store, parseDocumentText(text), options);
  const shape = shapeProblemsInWorker(text);
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    shape.catch(() => undefined);
    throw refusal([parsed.problem]);
  }
  const walk = walkDocument(parsed.value, true);
  /** Throws the refusal with every problem of both halves, if there is any. */
  const shapeVerdict = async () => {
    const verdict = combineValidation(await shape, walk);
    if (!verdict.ok) throw refusal(verdict.problems);
  };
  if (walk.problems.length > 0 || walk.document === undefined) await shapeVerdict();
  let report: ImportReport;
  try {
    // The walk found nothing, but the shape is not yet known: a write may fail on a badly
    // typed field. Then the shape's problems are the answer, not the store's error.
    report = await importDocument(store, walk.document as HyokaDocument, { dryRun: options.dryRun ?? false, beforeCommit: shapeVerdict });
  } catch (error) {
    if (!(error instanceof ServiceError)) await shapeVerdict();
    throw error;
  }
  return { report, unknownFields: sortByPath(walk.unknownFields, (f) => f) };
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
