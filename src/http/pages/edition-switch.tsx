// In every page's header: which edition is shown (公表版 or 作業中), with a form that switches
// for a signed-in user who may read drafts (anonymous readers never see it); and on every page
// of a corrected year, the correction's note with a link to the year's versions.
import type { FastifyInstance } from 'fastify';
import { useContext } from 'react';
import { formatFiscalYear } from '../../services/pages.js';
import { editionOf, type Edition } from '../../services/public-view.js';
import { EDITION_COOKIE, EditionContext } from './edition.js';
import { queryHref } from './page-query.js';
import { safeNext } from './sign-in.js';

const LABELS: Record<Edition, { ja: string; en: string }> = {
  published: { ja: '公表版', en: 'Published' },
  working: { ja: '作業中', en: 'Working copy' },
};

export function EditionSwitch() {
  const state = useContext(EditionContext);
  if (!state?.mayReadDrafts) return null;
  const other: Edition = state.edition === 'published' ? 'working' : 'published';
  return (
    <form className="edition-switch" method="post" action="/edition">
      <span role="status">
        表示：<strong>{LABELS[state.edition].ja}</strong> <span lang="en" className="en">Showing: {LABELS[state.edition].en}</span>
      </span>{' '}
      {state.csrf && <input type="hidden" name="_csrf" value={state.csrf} />}
      <input type="hidden" name="back" value={state.back} />
      <button type="submit" name="edition" value={other}>
        {LABELS[other].ja}を表示 <span lang="en">Show the {LABELS[other].en.toLowerCase()}</span>
      </button>
    </form>
  );
}

/** 「R5.11.2 修正：…」 on every page of a year whose latest version corrects an earlier one. */
export function CorrectionNotice() {
  const state = useContext(EditionContext);
  const version = state?.version;
  if (!version || version.version <= 1) return null;
  return (
    <p role="note" className="correction-notice">
      {eraDate(version.publishedAt)} 修正：{version.note}{' '}
      <a href={queryHref(`/versions/${version.fiscalYear}`, { org: state.org })}>
        {formatFiscalYear(version.fiscalYear, { letter: true })}の公表版の一覧 <span lang="en" className="en">Versions of FY{version.fiscalYear}</span>
      </a>
    </p>
  );
}

/** 2023-11-02T… → `R5.11.2`, the day in Japan. */
export function eraDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const year = formatFiscalYear(part('year'), { letter: true, calendar: true }).replace(/年$/, '');
  return `${year}.${part('month')}.${part('day')}`;
}

/** POST /edition: remembers the choice (a cookie) and returns to the page. Only a user's choice is kept. */
export function registerEditionSwitch(app: FastifyInstance): void {
  app.post('/edition', { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as { edition?: unknown; back?: unknown };
    const edition = editionOf(form.edition);
    // The CSRF token was checked before this runs (actor.ts), whenever a session signed the request in.
    if (edition !== undefined && request.actor.kind === 'user') {
      reply.header('set-cookie', `${EDITION_COOKIE}=${edition}; Path=/; HttpOnly; SameSite=Lax${request.protocol === 'https' ? '; Secure' : ''}`);
    }
    return reply.redirect(safeNext(typeof form.back === 'string' ? form.back : undefined), 303);
  });
}
