// /admin/users (workflow.md, "Pages and API"): an admin's users — the list, a form to add one,
// and a button to disable or enable each. Plain forms (no JavaScript needed), each with the
// session's CSRF token; after a change the page is loaded again (post, redirect, get). Someone
// not signed in is sent to /login first; the services refuse everyone but an admin.
import { contextOf } from '../context.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asServiceError } from '../../services/errors.js';
import { addUser, listUsers, setDisabled, type UserView } from '../../services/users.js';
import { ROLES } from '../../services/context.js';
import { Layout } from './layout.js';
import { organizationName } from './error-page.js';
import { orgOf } from './page-query.js';
import { sendPage } from './render.js';

type Form = Record<string, string | undefined>;
const PATH = '/admin/users';

function UsersPage(props: { organization: string; users: UserView[]; csrf?: string | undefined; error?: string | undefined; form: Form }) {
  const csrf = props.csrf && <input type="hidden" name="_csrf" value={props.csrf} />;
  return (
    <Layout title="利用者" titleEn="Users" organization={props.organization} path={PATH}>
      <table>
        <thead>
          <tr>
            <th>ログイン名 <span lang="en">Login</span></th>
            <th>役割 <span lang="en">Role</span></th>
            <th>局 <span lang="en">Bureau</span></th>
            <th>課 <span lang="en">Division</span></th>
            <th>状態 <span lang="en">State</span></th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr key={user.login}>
              <td>{user.login}</td>
              <td>{user.role}</td>
              <td>{user.bureau ?? ''}</td>
              <td>{user.division ?? ''}</td>
              <td>
                <form method="post" action={`${PATH}/${encodeURIComponent(user.login)}`}>
                  {csrf}
                  <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
                  {user.disabled ? '無効 disabled ' : '有効 enabled '}
                  <button type="submit">{user.disabled ? '有効にする Enable' : '無効にする Disable'}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        利用者の追加 <span lang="en">Add a user</span>
      </h2>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <form className="account-form" method="post" action={PATH}>
        {csrf}
        <label>
          ログイン名 <span lang="en">Login</span>
          <input name="login" required defaultValue={props.form.login ?? ''} />
        </label>
        <label>
          役割 <span lang="en">Role</span>
          <select name="role" defaultValue={props.form.role ?? 'viewer'}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          局（局・課の利用者） <span lang="en">Bureau (bureau and division users)</span>
          <input name="bureau" defaultValue={props.form.bureau ?? ''} />
        </label>
        <label>
          課（課の利用者） <span lang="en">Division (division users)</span>
          <input name="division" defaultValue={props.form.division ?? ''} />
        </label>
        <label>
          パスワード（12文字以上） <span lang="en">Password (at least 12 characters)</span>
          <input name="password" type="password" autoComplete="new-password" />
        </label>
        <button type="submit">
          追加 <span lang="en">Add</span>
        </button>
      </form>
    </Layout>
  );
}

export function registerAdminUsers(app: FastifyInstance): void {
  const context = contextOf;
  const show = async (request: FastifyRequest, reply: FastifyReply, form: Form = {}, error?: string) => {
    if (request.actor.kind === 'anonymous') return reply.redirect(`/login?${new URLSearchParams({ next: request.url }).toString()}`, 303);
    const users = await listUsers(context(request));
    return sendPage(reply, <UsersPage organization={await organizationName(request)} users={users} csrf={request.csrf} error={error} form={form} />, error ? 400 : 200);
  };
  const back = (request: FastifyRequest) => (request.url.includes('?') ? `${PATH}${request.url.slice(request.url.indexOf('?'))}` : PATH);

  app.get(PATH, { schema: { hide: true } }, (request, reply) => show(request, reply));

  app.post(PATH, { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    try {
      await addUser(context(request), {
        login: form.login ?? '',
        role: form.role ?? '',
        bureau: form.bureau || undefined,
        division: form.division || undefined,
        password: form.password || undefined,
      });
    } catch (error) {
      const service = asServiceError(error);
      if (service?.kind !== 'invalid' && service?.kind !== 'conflict') throw error;
      const { password: _typed, ...kept } = form;
      return show(request, reply, kept, service.message);
    }
    return reply.redirect(back(request), 303);
  });

  app.post(`${PATH}/:login`, { schema: { hide: true } }, async (request, reply) => {
    const form = (request.body ?? {}) as Form;
    await setDisabled(context(request), (request.params as { login: string }).login, form.disabled === 'true');
    return reply.redirect(back(request), 303);
  });
}
