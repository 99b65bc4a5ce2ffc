// The edition a request reads (公表版 or 作業中) and the reader's view of the organization
// (services/public-view.ts): chosen once per request, and kept for the layout, which shows
// the switch and a correction's note from it (edition-switch.tsx).
import type { FastifyRequest } from 'fastify';
import { createContext as createReactContext } from 'react';
import { editionOf, readerView, type Edition, type ReaderView } from '../../services/public-view.js';
import { cookie } from '../actor.js';
import { contextOf, orgOf } from '../context.js';

/** Remembers a signed-in user's choice; ignored for anyone who may not read drafts. */
export const EDITION_COOKIE = 'hyoka_edition';

/** The edition the request asks for (its cookie), if any. */
export function askedEdition(request: FastifyRequest): Edition | undefined {
  return editionOf(cookie(request, EDITION_COOKIE));
}

const views = new WeakMap<FastifyRequest, ReaderView>();

/** What the request's reader reads of the year asked for (the latest offered when none). */
export async function readerOf(request: FastifyRequest, fiscalYear?: number): Promise<ReaderView> {
  const view = await readerView(contextOf(request), { fiscalYear, edition: askedEdition(request) });
  views.set(request, view);
  return view;
}

/** The view a page of this request was read through, for its layout. */
export function viewOf(request: FastifyRequest): ReaderView | undefined {
  return views.get(request);
}

/** What the layout shows of the reading: the edition, the switch, a correction's note. */
export interface EditionState {
  edition: Edition;
  mayReadDrafts: boolean;
  fiscalYear: number;
  version?: ReaderView['version'];
  /** The page's path and query, where the switch returns to. */
  back: string;
  csrf?: string | undefined;
  org?: string | undefined;
}

export const EditionContext = createReactContext<EditionState | undefined>(undefined);

export function editionStateOf(request: FastifyRequest): EditionState | undefined {
  const view = views.get(request);
  if (!view) return undefined;
  return {
    edition: view.edition,
    mayReadDrafts: view.mayReadDrafts,
    fiscalYear: view.fiscalYear,
    ...(view.version && { version: view.version }),
    back: request.url,
    csrf: request.csrf,
    org: orgOf(request.query),
  };
}
