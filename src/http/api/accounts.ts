// /api/v1/session, /me and /users (workflow.md, "Pages and API"): sign in and out with a
// cookie session, who am I, and an admin's users. Thin: the services decide rights.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { me, signIn, signOut } from '../../services/sessions.js';
import { addUser, listUsers, updateUser } from '../../services/users.js';
import { clearSessionCookie, cookie, SESSION_COOKIE, setSessionCookie } from '../actor.js';
import { contextOf } from '../context.js';

const orgQuery = z.object({ org: z.string().min(1).optional().describe('団体コード or name: the organization to sign in to, when there are several') });
const role = z.enum(['admin', 'bureau', 'division', 'viewer']);

export const registerAccountRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = contextOf;

  app.post(
    '/session',
    {
      schema: {
        summary: 'サインイン / Sign in (sets the session cookie)',
        querystring: orgQuery,
        body: z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
      },
    },
    async (request, reply) => {
      const signed = await signIn(context(request), {
        ...request.body,
        address: request.socket.remoteAddress ?? '',
        previousSessionId: cookie(request, SESSION_COOKIE),
      });
      setSessionCookie(request, reply, signed.sessionId);
      return reply.header('x-csrf-token', signed.csrf).status(204).send();
    },
  );

  app.delete('/session', { schema: { summary: 'サインアウト / Sign out', querystring: orgQuery } }, async (request, reply) => {
    await signOut(context(request), request.sessionId);
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  app.get('/me', { schema: { summary: 'サインイン中の利用者 / Who is signed in', querystring: orgQuery } }, async (request) => me(context(request)));

  app.get('/users', { schema: { summary: '利用者の一覧 / Users (admin)', querystring: orgQuery } }, async (request) => ({ users: await listUsers(context(request)) }));

  app.post(
    '/users',
    {
      schema: {
        summary: '利用者の追加 / Add a user (admin)',
        querystring: orgQuery,
        body: z.object({
          login: z.string().min(1).max(64),
          role,
          bureau: z.string().min(1).optional(),
          division: z.string().min(1).optional(),
          password: z.string().max(1000).optional(),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await addUser(context(request), request.body)),
  );

  app.patch(
    '/users/:login',
    {
      schema: {
        summary: '利用者の変更 / Change a user: role, scope, password, disabled (admin)',
        params: z.object({ login: z.string().min(1) }),
        querystring: orgQuery,
        body: z.object({
          role: role.optional(),
          bureau: z.string().min(1).nullable().optional(),
          division: z.string().min(1).nullable().optional(),
          password: z.string().max(1000).optional(),
          disabled: z.boolean().optional(),
        }),
      },
    },
    async (request) => updateUser(context(request), request.params.login, request.body),
  );
};
