// The forms that move an entry or a policy evaluation (提出 局確認 確定 差戻し): plain POSTs with
// the CSRF token, no JavaScript needed; a return carries a required comment. The refusal box
// lists a refused move's problems with their paths in the sheet's words.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../../services/errors.js';
import { MOVE_LABELS, pathLabel, stageLabel, type IndicatorNames } from '../../services/views/cycle-labels.js';
import { En } from './dashboard-parts.js';
import { encodePathSegment, queryHref } from './page-query.js';

export interface Refusal {
  message: string;
  problems: { path: string; message: string }[];
  /** The entry or policy evaluation the refused form moved, and the comment typed (kept). */
  target: string;
  comment?: string | undefined;
  /** The refused entry's indicators, to word its paths by name. */
  indicators?: IndicatorNames | undefined;
}

export function entryStageAction(fiscalYear: number, key: string, org: string | undefined): string {
  return queryHref(`/cycles/${fiscalYear}/entries/${encodePathSegment(key)}/stage`, { org });
}

export function policyStageAction(fiscalYear: number, org: string | undefined): string {
  return queryHref(`/cycles/${fiscalYear}/policy-evaluations/stage`, { org });
}

/** One form per move; `id` makes the comment's label unique on the page. */
export function MoveForms(props: {
  action: string;
  id: string;
  moves: readonly string[];
  csrf: string | undefined;
  hidden?: Record<string, string>;
  comment?: string | undefined;
}) {
  return (
    <div className="stage-moves">
      {props.moves.map((to) => (
        <form method="post" action={props.action} key={to} className={to === 'draft' ? 'stage-return' : 'stage-forward'}>
          {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
          {Object.entries(props.hidden ?? {}).map(([name, value]) => (
            <input type="hidden" name={name} value={value} key={name} />
          ))}
          <input type="hidden" name="to" value={to} />
          {to === 'draft' && (
            <label htmlFor={`comment-${props.id}`}>
              差戻しの理由 <En>Reason for the return</En>
            </label>
          )}
          {to === 'draft' && <textarea id={`comment-${props.id}`} name="comment" required rows={2} defaultValue={props.comment ?? ''} />}
          <button type="submit">
            {MOVE_LABELS[to]?.ja ?? to} <En>{MOVE_LABELS[to]?.en ?? to}</En>
          </button>
        </form>
      ))}
    </div>
  );
}

export function RefusalSummary({ refusal }: { refusal: Refusal }) {
  return (
    <div className="error-summary" role="alert" aria-labelledby="refusal-title" tabIndex={-1} id="refusal">
      <h2 id="refusal-title">
        {refusal.target} を移せませんでした <En>Could not move {refusal.target}</En>
      </h2>
      <p>{refusal.message}</p>
      {refusal.problems.length > 0 && (
        <ul>
          {refusal.problems.map((problem, i) => (
            <li key={`${problem.path}-${i}`}>
              {pathLabel(problem.path, refusal.indicators)}: {problem.path === 'stage' ? `${stageLabel(problem.message).ja} ${problem.message}` : problem.message}{' '}
              <code>{problem.path}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StageText({ stage }: { stage: string }) {
  const label = stageLabel(stage);
  return (
    <span className={`stage stage-${stage}`}>
      {label.ja} <En>{label.en}</En>
    </span>
  );
}

/** A fiscal year in a cycle page's path. */
export function fiscalYearOf(text: string | undefined): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new ServiceError('not-found', '年度が正しくありません / Unknown fiscal year');
  return year;
}

/** The cycle's pages are for signed-in users: anyone else signs in first and comes back. */
export function signInFirst(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(`/login?${new URLSearchParams({ next: request.url }).toString()}`, 303);
}

/** A deadline and, once passed, 期限超過 in words (never a colour alone). */
export function Deadline({ deadline, overdue }: { deadline?: string | undefined; overdue: boolean }) {
  return (
    <>
      {deadline ?? '—'}
      {overdue && (
        <strong className="overdue">
          {' '}
          期限超過 <En>Overdue</En>
        </strong>
      )}
    </>
  );
}
