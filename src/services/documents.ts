// The use cases around whole hyoka/1 documents: validate-then-import, export completed
// by compute(), and one project computed for reading. CLI and HTTP both call these.
import { resolveProfile } from '../domain/profile.js';
import type { HyokaDocument } from '../domain/model.js';
import { compute, computeProject } from '../interchange/compute.js';
import type { PlaceOf } from '../interchange/places.js';
import { parseDocumentText, validateDocument, type ValidationResult } from '../interchange/validate.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { ServiceError, type Problem } from './errors.js';
import { exportDocument } from './export.js';
import { authorizeImporter, importDocument, type ImportMode, type ImportReport } from './import.js';
import { cachedJson } from './project-cache.js';
import { projectVersion } from './project-version.js';
import { getProject } from './queries.js';
import { readerView, readsDrafts, type ReaderChoice } from './public-view.js';

export interface ImportOutcome {
  report: ImportReport;
  /** Paths of fields hyoka/1 does not define: kept, but listed so that typos show. */
  unknownFields: string[];
}

/** Validates a parsed document and imports it whole, or refuses it whole with every problem. */
export function importValue(ctx: Context, value: unknown, options: ImportOptions = {}): Promise<ImportOutcome> {
  authorizeImporter(ctx);
  return importValidated(ctx, validateDocument(value), options);
}

export interface ImportOptions {
  /** `replace` (the default) or `merge` (services/import.ts). */
  mode?: ImportMode;
  /** Kept with every change-log entry of the import. */
  comment?: string;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
  /** Import even when it removes most of the organization (removal-guard.ts). */
  allowRemovals?: boolean;
  /** List the changed values in the report, the first this many (a preview). */
  listChanges?: number;
  /** Where the file holds each value (a reader's cells or lines), for the listed changes. */
  placeOf?: PlaceOf;
}

/**
 * Imports a validation's document, or refuses it whole with every problem the validation
 * found. A reader that validated what it read (the workbook, the sheet text) hands its
 * result here: a document is validated once.
 */
export async function importValidated(ctx: Context, validation: ValidationResult, options: ImportOptions = {}): Promise<ImportOutcome> {
  authorizeImporter(ctx);
  if (!validation.ok) throw refusal(validation.problems);
  const report = await importDocument(ctx, validation.document, {
    dryRun: options.dryRun ?? false,
    allowRemovals: options.allowRemovals ?? false,
    ...(options.listChanges !== undefined && { listChanges: options.listChanges }),
    ...(options.mode !== undefined && { mode: options.mode }),
    ...(options.comment !== undefined && { comment: options.comment }),
    ...(options.placeOf !== undefined && { placeOf: options.placeOf }),
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
export async function importText(ctx: Context, text: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  authorizeImporter(ctx);
  return importValidated(ctx, parseDocumentText(text), options);
}

/** The stored document of one organization, completed by compute(). */
export async function exportComputed(ctx: Context): Promise<HyokaDocument> {
  authorize(ctx, 'read-drafts', { orgId: (await ctx.organization()).id });
  return compute(await exportDocument(ctx));
}

/** `{"project": …}` serialized: what the API sends, cached while the organization's data stays the same. */
export async function readProjectJson(ctx: Context, key: string): Promise<string> {
  return (await readVersionedProject(ctx, key)).json;
}

/**
 * One project as the reader reads it (public-view.ts): the stored one with its version (the
 * ETag of a PUT) for a user in 作業中, else as the published version of the year holds it.
 */
export async function readProject(ctx: Context, key: string, choice: ReaderChoice = {}): Promise<{ json: string; version?: string }> {
  authorize(ctx, 'read-published');
  if (await readsDrafts(ctx, choice.edition)) return readVersionedProject(ctx, key);
  const { document } = await readerView(ctx, choice);
  const project = document.projects.find((candidate) => candidate.key === key);
  if (!project) throw projectNotFound(key);
  return { json: JSON.stringify({ project }) };
}

function projectNotFound(key: string): ServiceError {
  return new ServiceError('not-found', `事業「${key}」は見つかりません / Project "${key}" not found`);
}

/**
 * `{"project": …}` serialized, and the stored project's version (services/project-version.ts:
 * the ETag a PUT is matched against), cached together while the organization's data stays the same.
 */
export async function readVersionedProject(ctx: Context, key: string): Promise<{ json: string; version: string }> {
  const org = await ctx.organization();
  authorize(ctx, 'read-drafts', { orgId: org.id });
  // The version first: base64url holds no newline.
  const cached = await cachedJson(ctx.store, `${org.id}\u0000${key}`, org.revision, async () => {
    const found = await getProject(ctx, key);
    if (!found) throw projectNotFound(key);
    return `${projectVersion(found.project)}\n${JSON.stringify({ project: computeProject(found.project, resolveProfile(found.settings)) })}`;
  });
  const cut = cached.indexOf('\n');
  return { version: cached.slice(0, cut), json: cached.slice(cut + 1) };
}
