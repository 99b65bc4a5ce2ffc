// /login and /logout (workflow.md, "Pages and API"): plain forms that work without
// JavaScript. Signing in sets the session cookie and goes on to the page asked for (a path of
// this site only); a refusal shows the form again with the login kept and why, in both languages.
import { contextOf } from '../context.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, createContext } from '../../services/context.js';
import { asServiceError } from '../../services/errors.js';
import { signIn, signOut } from '../../services/sessions.js';
import { clearSessionCookie, cookie, SESSION_COOKIE, setSessionCookie } from '../actor.js';
import { serviceStatus } from '../errors.js';
import { organizationName } from './error-page.js';
import { Layout } from './layout.js';
import { orgOf } from './page-query.js';
import { sendPage } from './render.js';

type Form = Record<string, string | undefined>;

/** Where to go after signing in: a path of this site, never another site (`//host`, `/\host`). */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

function LoginPage(props: { organization: string; org?: string | undefined; next: string; login?: string | undefined; error?: string | undefined; csrf?: string | undefined }) {
  const action = props.org ? `/login?${new URLSearchParams({ org: props.org }).toString()}` : '/login';
  return (
    <Layout title="サインイン" titleEn="Sign in" organization={props.organization} path="/login">
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <form className="account-form" method="post" action={action}>
        <label>
          ログイン名 <span lang="en">Login</span>
          <input name="login" autoComplete="username" required defaultValue={props.login ?? ''} />
        </label>
        <label>
          パスワード <span lang="en">Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <input type="hidden" name="next" value={props.next} />
        {props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />}
        <button type="submit">
          サインイン <span lang="en">Sign in</span>
        </button>
      </form>
    </Layout>
  );
}

function LogoutPage({ organization, csrf, signedIn }: { organization: string; csrf?: string | undefined; signedIn: boolean }) {
  return (
    <Layout title="サインアウト" titleEn="Sign out" organization={organization} path="/logout">
      {signedIn && csrf ? (
        <form className="account-form" method="post" action="/logout">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit">
            サインアウトする <span lang="en">Sign out</span>
          </button>
        </form>
      ) : (
        <p>
          サインインしていません。 <span lang="en">You are not signed in.</span> <a href="/login">サインイン <span lang="en">Sign in</span></a>
        </p>
      )}
    </Layout>
  );
}

export function registerSignIn(app: FastifyInstance): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, form: Form, error?: { status: number; message: string }) => {
    const org = orgOf(request.query);
    return sendPage(
      reply,
      <LoginPage organization={await organizationName(request)} org={org} next={safeNext(form.next)} login={form.login} error={error?.message} csrf={request.csrf} />,
      error?.status ?? 200,
    );
  };

  app.get('/login', { schema: { hide: true } }, async (request, reply) => page(request, reply, { next: (request.query as Form).next }));

  app.post('/login', { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    try {
      const signed = await signIn(createContext(request.server.store, ANONYMOUS, orgOf(request.query)), {
        login: form.login ?? '',
        password: form.password ?? '',
        address: request.socket.remoteAddress ?? '',
        previousSessionId: cookie(request, SESSION_COOKIE),
      });
      setSessionCookie(request, reply, signed.sessionId);
      return reply.redirect(safeNext(form.next), 303);
    } catch (error) {
      const service = asServiceError(error);
      if (!service || service.kind === 'unavailable') throw error;
      return page(request, reply, form, { status: serviceStatus(reply, service), message: service.message });
    }
  });

  app.get('/logout', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <LogoutPage organization={await organizationName(request)} csrf={request.csrf} signedIn={request.actor.kind === 'user'} />),
  );

  // The CSRF token was checked before this runs (actor.ts), whenever a session signed the request in.
  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    await signOut(contextOf(request), request.sessionId);
    clearSessionCookie(request, reply);
    return reply.redirect('/', 303);
  });
}
