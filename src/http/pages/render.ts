// Pages are React elements rendered to a string on the server: no client framework is needed
// to read them, and islands only enhance.
import type { FastifyReply } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ViewerContext, viewerOf } from './viewer.js';
import { EditionContext, editionStateOf } from './edition.js';

/**
 * Scripts only from the site itself (no inline script, no eval); no framing (clickjacking);
 * forms post only here; no <base> to redirect relative links.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function renderDocument(element: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
}

export function sendPage(reply: FastifyReply, element: ReactElement, status = 200): FastifyReply {
  const viewer = viewerOf(reply.request);
  // A page naming its reader (and carrying their CSRF token) is theirs alone: no cache keeps it.
  if (viewer) reply.header('cache-control', 'private, no-store');
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .send(renderDocument(createElement(ViewerContext.Provider, { value: viewer }, createElement(EditionContext.Provider, { value: editionStateOf(reply.request) }, element))));
}
