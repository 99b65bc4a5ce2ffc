// What pages read from a request: the organization
// (?org=, code or name), the fiscal year (?fiscalYear=, default the latest evaluated one) and
// the format; and the links between those pages, which keep ?org= so a reader stays in the
// organization they chose.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HyokaDocument } from '../../services/pages.js';
import type { ReaderView } from '../../services/public-view.js';
import type { OrganizationRef } from '../../services/organizations.js';
import { orgOf } from '../context.js';
import { readerOf } from './edition.js';
import { errorBody } from '../errors.js';
import { pageFormat, type PageFormat } from './data.js';
import { filterChoices, readFilters, type FilterChoices, type FilterReading } from './filters.js';
import { readPage } from './pager.js';

export interface PageContext {
  organization: OrganizationRef;
  /** The document of the year read, as this reader may read it (services/public-view.ts). */
  document: HyokaDocument;
  view: ReaderView;
  /** The filters' choices, the years being the reader's. */
  choices: FilterChoices;
  /** The ?org= given, kept in links. */
  org?: string;
  reading: FilterReading;
  /** The year asked for when it could be read, else the default. */
  fiscalYear: number;
  format: PageFormat;
  /** The URL's path, for the navigation. */
  path: string;
}

export { orgOf };

export async function pageContext(request: FastifyRequest): Promise<PageContext> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const org = orgOf(query);
  const reading = readFilters(query);
  const view = await readerOf(request, reading.values.fiscalYear);
  return {
    organization: view.organization,
    document: view.document,
    view,
    choices: readerChoices(view),
    ...(org !== undefined && { org }),
    reading,
    fiscalYear: view.fiscalYear,
    format: pageFormat(query),
    path: request.url.split('?')[0] ?? '/',
  };
}

/** The values the filters offer in the document read, the years being those offered to the reader. */
export function readerChoices(view: ReaderView): FilterChoices {
  return { ...filterChoices(view.document), fiscalYears: view.years };
}

/** A paged list's context: ?page= read beside the filters, an unreadable one reported at its field. */
export async function pagedContext(request: FastifyRequest): Promise<PageContext & { page: number }> {
  const context = await pageContext(request);
  const asked = readPage(request.query);
  if (asked.error !== undefined) context.reading.errors.page = asked.error;
  return { ...context, page: asked.page };
}

/**
 * The data of a page whose query could not be read: JSON and CSV answer 400 with the
 * problems at their fields (HTML shows the page with the message at the field instead).
 */
export function sendQueryProblems(reply: FastifyReply, context: PageContext): FastifyReply | undefined {
  const problems = Object.entries(context.reading.errors).map(([path, message]) => ({ path, message }));
  if (problems.length === 0 || context.format === 'html') return undefined;
  return reply.status(400).send(errorBody('指定が正しくありません / Invalid query', problems));
}

/** Status of the HTML page: 400 when a field could not be read. */
export function pageStatus(context: PageContext): number {
  return Object.keys(context.reading.errors).length > 0 ? 400 : 200;
}

/** A path with query parameters (those undefined left out): every link of the pages is built here. */
export function queryHref(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

export interface LinkOptions {
  org?: string;
  fiscalYear?: number;
  /** A list page narrowed to one bureau (/attention, /sheet). */
  bureau?: string;
}

export function projectHref(key: string, options: LinkOptions = {}): string {
  return queryHref(`/projects/${encodePathSegment(key)}`, { org: options.org, fiscalYear: options.fiscalYear });
}

/** Codes hold `(`, `)` and `②`: encoded here, decoded by the route. */
export function policyHref(code: string, options: LinkOptions = {}): string {
  return queryHref(`/policies/${encodePathSegment(code)}`, { org: options.org, fiscalYear: options.fiscalYear });
}

/** encodeURIComponent, and also the ( ) ! * ' it leaves as they are. */
export function encodePathSegment(text: string): string {
  return encodeURIComponent(text).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function pageHref(path: string, options: LinkOptions = {}): string {
  return queryHref(path, { org: options.org, fiscalYear: options.fiscalYear, bureau: options.bureau });
}
