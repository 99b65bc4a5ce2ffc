// Who is reading a page, for its header: a signed-in user's name and role with a sign-out
// button (a form: it works without JavaScript) and links to their work (to-do, list entry,
// the cycle's overview, history, import), or a link to sign in. Pages do not pass it
// down: sendPage provides it from the request, and the layout reads it.
import { createContext, useContext } from 'react';
import type { FastifyRequest } from 'fastify';

export interface Viewer {
  login: string;
  role: string;
  /** The session's CSRF token; absent for a token or proxy sign-in, which has no sign-out form. */
  csrf?: string | undefined;
}

export const ViewerContext = createContext<Viewer | undefined>(undefined);

export function viewerOf(request: FastifyRequest): Viewer | undefined {
  const actor = request.actor;
  return actor?.kind === 'user' ? { login: actor.login, role: actor.role, csrf: request.csrf } : undefined;
}

const ROLE_NAMES: Record<string, string> = { admin: '管理者 admin', bureau: '局 bureau', division: '課 division', viewer: '閲覧 viewer' };

/** The roles that enter their projects' figures: their header links to the list entry. */
const ENTERS = new Set(['division', 'bureau']);
/** The roles that read the cycle's overview (/cycles goes to the open cycle's). */
const OVERSEES = new Set(['admin', 'bureau', 'viewer']);

export function SignedIn() {
  const viewer = useContext(ViewerContext);
  if (!viewer) {
    return (
      <p className="signed-in">
        <a href="/login">サインイン <span lang="en">Sign in</span></a>
      </p>
    );
  }
  return (
    <form className="signed-in" method="post" action="/logout">
      <span>
        {viewer.login}（{ROLE_NAMES[viewer.role] ?? viewer.role}）
      </span>{' '}
      <nav className="work-nav" aria-label="作業 / Work">
        <a href="/tasks">
          作業一覧 <span lang="en">My tasks</span>
        </a>{' '}
        {ENTERS.has(viewer.role) && (
          <>
            <a href="/tasks/entry">
              一覧入力 <span lang="en">List entry</span>
            </a>{' '}
          </>
        )}
        {OVERSEES.has(viewer.role) && (
          <>
            <a href="/cycles">
              評価サイクル <span lang="en">Cycle</span>
            </a>{' '}
          </>
        )}
        <a href="/history">
          変更履歴 <span lang="en">History</span>
        </a>{' '}
        {viewer.role !== 'viewer' && (
          <>
            <a href="/import">
              取り込み <span lang="en">Import</span>
            </a>{' '}
          </>
        )}
      </nav>
      {viewer.csrf && (
        <>
          <input type="hidden" name="_csrf" value={viewer.csrf} />
          <button type="submit">
            サインアウト <span lang="en">Sign out</span>
          </button>
        </>
      )}
    </form>
  );
}
