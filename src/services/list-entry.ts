// The division's list entry (workflow.md, "Editing"): every input of the projects a division
// or bureau may edit, for one fiscal year, read for the table and saved at once through the
// one write path (saveProjects: all or nothing). An admin names a bureau or division to see
// theirs. Problems are answered by cell, a conflict with the values stored meanwhile.
import type { Project, Settings } from '../domain/model.js';
import { authorize, may } from './authorization.js';
import { listProjects, type ProjectFilter } from './queries.js';
import type { Context } from './context.js';
import { ConflictError, projectsForEdit, saveProjects } from './editing.js';
import { asServiceError, type Problem } from './errors.js';
import { confirmAll, formConfirmations, openCycleRecords } from './carry-over.js';
import { entryYears, projectPath, storedCells, type CycleRecords, type EntrySource } from './views/list-entry.js';
import { formProjects, overCurrent, parseEntry, type FormBody, type OverCurrent, type ParsedEntry } from './views/list-entry-form.js';

export interface EntryQuery {
  fiscalYear?: number | undefined;
  bureau?: string | undefined;
  division?: string | undefined;
}

export interface ListEntry {
  fiscalYear: number;
  /** The years a person may choose, latest first. */
  years: number[];
  /** An admin's choices (the organization's bureaus and divisions); empty for the others. */
  bureaus: string[];
  divisions: string[];
  /** An admin who named no bureau or division sees the choice only. */
  needsFilter: boolean;
  settings: Settings | undefined;
  sources: EntrySource[];
  /** The open cycle's records, when the list is of its year. */
  cycle?: CycleRecords;
  /** Whether the user reviews (a bureau, the admin): they see the improvement's difference from last year's. */
  reviewer: boolean;
}

/** Who the list is for: a bureau or division user's own projects, an admin's chosen ones. */
async function entryScope(ctx: Context): Promise<{ orgId: number; own: boolean }> {
  const orgId = (await ctx.organization()).id;
  authorize(ctx, 'read-drafts', { orgId });
  const actor = ctx.actor;
  if (actor.kind === 'user' && (actor.role === 'bureau' || actor.role === 'division')) return { orgId, own: true };
  // Viewers read but never enter; who may edit a project of no bureau and no division may edit any (admins, the console).
  authorize(ctx, 'edit-project', { orgId });
  return { orgId, own: false };
}

/** `projects: false` for the choices alone (the table of a refused save is the form's own). */
export async function listEntry(ctx: Context, query: EntryQuery, { projects = true } = {}): Promise<ListEntry> {
  const { orgId, own } = await entryScope(ctx);
  const actor = ctx.actor;
  // The store's list by bureau and division: no save makes the next page build the whole organization again.
  const within: ProjectFilter = own && actor.kind === 'user' ? { ...(actor.bureau !== undefined && { bureau: actor.bureau }), ...(actor.role === 'division' && actor.division !== undefined && { division: actor.division }) } : {};
  const reachable = (await listProjects(ctx, within)).projects.filter(
    (project) => !own || may(actor, 'edit-project', { orgId, bureau: project.bureau, division: project.division }),
  );
  // A bureau narrows its list to one division as an admin does; a division's is its own anyway.
  const mine = reachable.filter((project) => matches(project, own ? { division: query.division } : query));
  const needsFilter = !own && query.bureau === undefined && query.division === undefined;
  const read = needsFilter || !projects ? { projects: [], settings: undefined } : await projectsForEdit(ctx, mine.map((project) => project.key));
  const edited = read.projects;
  // The list binds to the open cycle: its year first.
  const cycle = await openCycleRecords(ctx);
  const { latest, years } = entryYears(edited.map(({ project }) => project), query.fiscalYear ?? cycle?.fiscalYear);
  const fiscalYear = query.fiscalYear ?? cycle?.fiscalYear ?? latest;
  return {
    fiscalYear,
    years,
    bureaus: own ? [] : distinct(reachable.map((project) => project.bureau)),
    divisions: actor.kind === 'user' && actor.role === 'division' ? [] : distinct(reachable.filter((project) => matches(project, { bureau: query.bureau })).map((project) => project.division)),
    needsFilter,
    settings: read.settings,
    sources: edited,
    ...(cycle?.fiscalYear === fiscalYear && { cycle }),
    reviewer: isReviewer(ctx),
  };
}

/** A bureau user or the admin (the console too): who reviews an entry. */
export function isReviewer(ctx: Context): boolean {
  return ctx.actor.kind !== 'user' || ctx.actor.role === 'bureau' || ctx.actor.role === 'admin';
}

function matches(project: Pick<Project, 'bureau' | 'division'>, query: EntryQuery): boolean {
  return (query.bureau === undefined || project.bureau === query.bureau) && (query.division === undefined || project.division === query.division);
}

const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined))].sort();

export interface Refused {
  saved: false;
  kind: 'invalid' | 'conflict';
  message: string;
  settings: Settings | undefined;
  sources: EntrySource[];
  problems: Problem[];
  typed: Record<string, string>;
  /** After a conflict: the values stored meanwhile, by field name, of the cells the person changed too. */
  stored: Map<string, string>;
  /** The values the form shown again is filled from (its hidden originals), by field name. */
  original: Map<string, string>;
}

export type EntrySaved = { saved: true; count: number; confirmed: number } | Refused;

/**
 * Saves the form of one fiscal year: the projects it changed, at once, each against the version
 * the form was filled for. Values that cannot be read, and a save the write path refuses as
 * invalid or stale, come back with everything typed; a refusal of rights is thrown (403).
 */
export async function saveEntry(ctx: Context, body: FormBody, fiscalYear: number): Promise<EntrySaved> {
  await entryScope(ctx);
  const forms = formProjects(body);
  // A project removed since the form was filled is named at the top; the rest of the form stays as typed.
  const { projects: stored, settings } = await projectsForEdit(ctx, forms.map(({ key }) => key));
  const found = new Set(stored.map(({ project }) => project.key));
  const gone: Problem[] = forms
    .filter(({ key }) => !found.has(key))
    .map(({ key }) => ({ path: projectPath(key), message: `事業「${key}」は削除されています / Project "${key}" has been removed` }));
  const current = overCurrent(body, stored, fiscalYear);
  const parsed = parseEntry(current.body, stored, settings, fiscalYear);
  const refused = (kind: 'invalid' | 'conflict', message: string, problems: Problem[], overlay: Pick<Refused, 'sources' | 'typed' | 'stored' | 'original'>): EntrySaved => ({
    saved: false,
    kind,
    message,
    settings,
    problems,
    ...overlay,
  });
  const confirmations = formConfirmations(body);
  const problems = [...gone, ...parsed.problems, ...confirmations.problems];
  const typed = { ...parsed.typed, ...confirmations.typed };
  const asTyped = { sources: parsed.sources, typed, stored: new Map<string, string>(), original: current.originals };
  if (problems.length > 0) return refused('invalid', `${problems.length} 件の入力を確認してください / Check ${problems.length} input(s)`, problems, asTyped);
  try {
    if (parsed.edits.length > 0) await saveProjects(ctx, parsed.edits, { channel: 'form' });
    return { saved: true, count: parsed.edits.length, confirmed: await confirmAll(ctx, fiscalYear, confirmations.list) };
  } catch (error) {
    if (error instanceof ConflictError) return refused('conflict', error.message, ...conflictShown(error, parsed, current, fiscalYear));
    const service = asServiceError(error);
    if (service?.kind === 'invalid') return refused('invalid', service.message, service.problems, asTyped);
    throw error;
  }
}

/**
 * A save refused as stale, shown again over the values stored now: the cells the person did not
 * change show the stored value, the ones they changed what they typed, and a cell that both they
 * and someone else changed is the conflict, the stored value beside the typed one. The form is
 * then filled from the stored values and versions, so saving again keeps both people's changes.
 */
function conflictShown(error: ConflictError, parsed: ParsedEntry, current: OverCurrent, fiscalYear: number): [Problem[], Pick<Refused, 'sources' | 'typed' | 'stored' | 'original'>] {
  const typed = { ...parsed.typed };
  const meanwhile = new Map<string, string>();
  const original = new Map(current.originals);
  const problems: Problem[] = [];
  for (const stale of error.stale) {
    for (const [name, now] of storedCells(stale.stored, fiscalYear)) {
      if (!(name in typed)) continue;
      original.set(name, now);
      if (!current.changed.has(name)) typed[name] = now;
      else if (now !== current.originals.get(name) && now !== typed[name]) {
        meanwhile.set(name, now);
        problems.push({ path: name, message: '保存済みの値が変わっています / The stored value changed' });
      }
    }
  }
  const versions = new Map(error.stale.map((stale) => [stale.key, stale.version]));
  const sources = parsed.sources.map((source) => ({ ...source, version: versions.get(source.project.key) ?? source.version }));
  return [problems, { sources, typed, stored: meanwhile, original }];
}
