// Publication (workflow.md, "Publication"): the admin freezes the organization's computed
// document as it stands into an immutable version of a fiscal year's cycle — number, time, who,
// a note, and the SHA-256 of the stored canonical JSON. Publishing needs every entry of the
// cycle approved or skipped; a later version of the same cycle is a correction. Anyone may list
// the versions and read one; what anonymous pages show is chosen in public-view.ts.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../interchange/canonical-json.js';
import { compute } from '../interchange/compute.js';
import type { PublicationRow } from '../store/index.js';
import { authorize } from './authorization.js';
import type { Context } from './context.js';
import { openCycle } from './cycles.js';
import { ServiceError } from './errors.js';
import { draftOrganization } from './history.js';
import { actorName } from './log-context.js';

export interface Publication {
  fiscalYear: number;
  version: number;
  /** ISO 8601. */
  publishedAt: string;
  /** The login of who published (or `cli`, `bootstrap`). */
  by: string;
  note: string;
  /** Hex SHA-256 of the version's document exactly as stored and served. */
  sha256: string;
}

export interface PublishedVersion {
  publication: Publication;
  /** The version's document: canonical JSON of the computed hyoka/1 document. */
  text: string;
}

/** The comment every transition of publishDecided carries. */
export const DECIDED_COMMENT = '公表済みの評価として記録 / Recorded as an evaluation decided outside hyoka';

/**
 * Publishes the cycle of `fiscalYear` as its next version. Refused (409) while an entry is
 * neither approved nor skipped, listing them; a note is required.
 */
export async function publishCycle(ctx: Context, fiscalYear: number, options: { note: string }): Promise<Publication> {
  const orgId = await publishingOrganization(ctx);
  const note = requiredNote(options.note);
  const cycle = await ctx.store.cycles.byYear(orgId, fiscalYear);
  if (!cycle) throw new ServiceError('not-found', `${fiscalYear}年度の評価サイクルはありません / No cycle for FY${fiscalYear}`);
  const pending = (await ctx.store.cycles.entries(cycle.id)).filter((entry) => entry.stage !== 'approved' && entry.scope !== 'skip');
  if (pending.length > 0) {
    throw new ServiceError(
      'conflict',
      `確定していない事業が ${pending.length} 件あるため公表できません / ${pending.length} entr${pending.length === 1 ? 'y is' : 'ies are'} neither approved nor skipped`,
      pending.map((entry) => ({ path: `projects/${entry.project}`, message: entry.stage })),
    );
  }
  return freeze(ctx, orgId, cycle.fiscalYear, note);
}

/**
 * Records an evaluation decided outside hyoka (the demo, a city's past published sheets) and
 * publishes it: opens the year's cycle when it has none, moves every entry not yet approved or
 * skipped to approved (each transition recorded with DECIDED_COMMENT), publishes, and closes
 * the cycle again when this call opened it.
 */
export async function publishDecided(ctx: Context, fiscalYear: number, options: { note: string }): Promise<Publication> {
  const orgId = await publishingOrganization(ctx);
  const note = requiredNote(options.note);
  let cycle = await ctx.store.cycles.byYear(orgId, fiscalYear);
  const opened = !cycle;
  if (!cycle) {
    await openCycle(ctx, fiscalYear);
    cycle = (await ctx.store.cycles.byYear(orgId, fiscalYear))!;
  }
  const by = actorName(ctx.actor);
  for (const entry of await ctx.store.cycles.entries(cycle.id)) {
    if (entry.stage === 'approved' || entry.scope === 'skip') continue;
    const moved = await ctx.store.cycles.transition(
      orgId,
      { id: entry.id, project: entry.project, fiscalYear: cycle.fiscalYear },
      { from: entry.stage, to: 'approved', actor: by, at: Date.now(), comment: DECIDED_COMMENT },
    );
    if (!moved) throw new ServiceError('conflict', 'この事業の段階は他の人によって変更されました / Someone else moved an entry meanwhile');
  }
  const publication = await freeze(ctx, orgId, cycle.fiscalYear, note);
  if (opened) await ctx.store.cycles.close(cycle.id);
  return publication;
}

/** The versions of one cycle, or of every cycle, oldest first: public. */
export async function listPublications(ctx: Context, fiscalYear?: number): Promise<Publication[]> {
  authorize(ctx, 'read-published');
  const organization = await ctx.organization();
  return (await ctx.store.publications.list(organization.id, fiscalYear)).map(publicationOf);
}

/** One version (the latest when none is named) with its document as stored: public. */
export async function publishedVersion(ctx: Context, fiscalYear: number, version?: number): Promise<PublishedVersion> {
  authorize(ctx, 'read-published');
  const organization = await ctx.organization();
  const versions = await ctx.store.publications.list(organization.id, fiscalYear);
  const row = version === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === version);
  const text = row && (await ctx.store.publications.document(organization.id, row.fiscalYear, row.version));
  if (!row || text === undefined) {
    const which = version === undefined ? '' : ` 第${version}版`;
    throw new ServiceError('not-found', `${fiscalYear}年度${which}の公表版はありません / FY${fiscalYear}${version === undefined ? '' : ` version ${version}`} has not been published`);
  }
  return { publication: publicationOf(row), text };
}

/** The organization's document, computed, frozen as the year's next version. */
async function freeze(ctx: Context, orgId: number, fiscalYear: number, note: string): Promise<Publication> {
  const stored = await ctx.store.documents.read(orgId);
  if (!stored) throw new ServiceError('not-found', '団体が見つかりません / Organization not found');
  const document = canonicalJson(compute(stored));
  const sha256 = createHash('sha256').update(document).digest('hex');
  const row = await ctx.store.publications.create(orgId, { fiscalYear, note, by: actorName(ctx.actor), at: Date.now(), sha256, document });
  return publicationOf(row);
}

async function publishingOrganization(ctx: Context): Promise<number> {
  const orgId = await draftOrganization(ctx);
  authorize(ctx, 'publish', { orgId });
  return orgId;
}

/** The longest note: a paragraph, shown on every page of a corrected year. */
export const MAX_NOTE_LENGTH = 2_000;

function requiredNote(note: unknown): string {
  const text = typeof note === 'string' ? note.trim() : '';
  if (text === '') throw new ServiceError('invalid', '公表には注記が必要です / A publication needs a note', [{ path: 'note', message: '注記を入力してください / Write a note' }]);
  if (text.length > MAX_NOTE_LENGTH) {
    throw new ServiceError('invalid', `注記は ${MAX_NOTE_LENGTH} 文字以内です / A note has at most ${MAX_NOTE_LENGTH} characters`, [{ path: 'note', message: `${text.length} 文字 / characters` }]);
  }
  return text;
}

function publicationOf(row: PublicationRow): Publication {
  return { fiscalYear: row.fiscalYear, version: row.version, publishedAt: new Date(row.publishedAt).toISOString(), by: row.by, note: row.note, sha256: row.sha256 };
}
