// The account routes over the demo in SQLite: sessions, who am I, users, and what each role
// gets from them. Passwords and tokens never reach an answer or the log.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { addUser, createToken } from '../../services/users.js';
import type { Store } from '../../store/index.js';

const PASSWORD = 'kitakyushu-planning-2026';
const log: string[] = [];

async function seedUsers(store: Store): Promise<void> {
  const ctx = createContext(store, CLI);
  await addUser(ctx, { login: 'kikaku', role: 'admin', password: PASSWORD });
  await addUser(ctx, { login: 'keizai', role: 'bureau', bureau: '産業経済局', password: PASSWORD });
  await addUser(ctx, { login: 'ritchi', role: 'division', bureau: '産業経済局', division: '企業立地支援課', password: PASSWORD });
  await addUser(ctx, { login: 'iinkai', role: 'viewer', password: PASSWORD });
  await addUser(ctx, { login: 'kyushoku', role: 'viewer', password: PASSWORD });
  await addUser(ctx, { login: 'proxied', role: 'viewer' });
  await addUser(ctx, { login: 'guessed', role: 'viewer', password: PASSWORD });
}

const { app, store } = useDemoApp({ seed: seedUsers, app: { logRequests: true, logStream: { write: (line) => void log.push(line) }, authHeader: 'X-Remote-User', trustedProxies: ['127.0.0.1'] } });

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(server: FastifyInstance, login: string, password = PASSWORD): Promise<Session> {
  const response = await server.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
  expect(response.statusCode, response.body).toBe(204);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  return { cookie, csrf: String(response.headers['x-csrf-token']) };
}

const asSession = (session: Session, withCsrf = true) => ({ cookie: session.cookie, ...(withCsrf && { 'x-csrf-token': session.csrf }) });

describe('sessions over the API', () => {
  it('signs in with an HttpOnly, SameSite=Lax cookie, answers /me, and a stolen id is dead after sign-out', async () => {
    const response = await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'ritchi', password: PASSWORD } });
    expect(response.statusCode).toBe(204);
    expect(response.headers['set-cookie']).toMatch(/^hyoka_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const session = { cookie: String(response.headers['set-cookie']).split(';')[0]!, csrf: String(response.headers['x-csrf-token']) };
    const me = await app().inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.json()).toEqual({ login: 'ritchi', role: 'division', organization: { code: '401005', name: '北九州市' }, bureau: '産業経済局', division: '企業立地支援課' });
    // Signing out needs the session's CSRF token: another site could make the browser send the cookie.
    expect((await app().inject({ method: 'DELETE', url: '/api/v1/session', headers: asSession(session, false) })).statusCode).toBe(403);
    const out = await app().inject({ method: 'DELETE', url: '/api/v1/session', headers: asSession(session) });
    expect(out.statusCode).toBe(204);
    expect(out.headers['set-cookie']).toMatch(/Max-Age=0/);
    const stolen = await app().inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(stolen.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown login with the same 401, and the eleventh try of a login with 429', async () => {
    const attempt = (login: string, password: string) => app().inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
    const wrong = await attempt('guessed', 'not-the-password');
    const unknown = await attempt('nobody-at-all', 'not-the-password');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
    for (let i = 2; i <= 10; i++) expect((await attempt('guessed', `not-the-password-${i}`)).statusCode).toBe(401);
    const eleventh = await attempt('guessed', PASSWORD);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.headers['retry-after']).toBe('900');
    expect(eleventh.json().error.message).toMatch(/しばらく受け付けません.*Too many failed sign-ins/);
    // Twelve scrypt verifications of 128 MiB each: seconds on a busy two-core machine.
  }, 180_000);

  it('takes a user’s Bearer token, and the login a trusted proxy names', async () => {
    const { token } = await createToken(createContext(store(), CLI), 'keizai', 'batch');
    const byToken = await app().inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(byToken.json()).toMatchObject({ login: 'keizai', role: 'bureau' });
    // inject() comes from 127.0.0.1, the trusted proxy here.
    const byProxy = await app().inject({ url: '/api/v1/me', headers: { 'x-remote-user': 'proxied' } });
    expect(byProxy.json()).toMatchObject({ login: 'proxied', role: 'viewer' });
    const fromElsewhere = await app().inject({ url: '/api/v1/me', headers: { 'x-remote-user': 'proxied' }, remoteAddress: '10.9.9.9' });
    expect(fromElsewhere.statusCode).toBe(401);
    expect((await app().inject({ url: '/api/v1/me', headers: { authorization: 'Bearer hyk_forged' } })).statusCode).toBe(401);
  });
});

describe('users over the API', () => {
  // [who, method, url, body, status]: the routes this issue adds, against every role.
  const ROUTES: [string, 'GET' | 'POST' | 'PATCH', string, object | undefined][] = [
    ['list users', 'GET', '/api/v1/users', undefined],
    ['add a user', 'POST', '/api/v1/users', { login: 'new-$ROLE', role: 'viewer' }],
    ['change a user', 'PATCH', '/api/v1/users/kyushoku', { disabled: false }],
  ];
  const EXPECTED: Record<string, number> = { anonymous: 401, ritchi: 403, keizai: 403, iinkai: 403, kikaku: 0 };
  for (const [what, method, url, body] of ROUTES) {
    for (const [who, status] of Object.entries(EXPECTED)) {
      it(`${what}: ${who} → ${status || 'allowed'}`, async () => {
        const headers = who === 'anonymous' ? {} : asSession(await signIn(app(), who));
        const payload = body && JSON.parse(JSON.stringify(body).replace('$ROLE', who));
        const response = await app().inject({ method, url, headers, ...(payload && { payload }) });
        if (status) expect(response.statusCode, response.body).toBe(status);
        else expect(response.statusCode, response.body).toBeLessThan(300);
      });
    }
  }

  it('adds, lists and disables users; a disabled user is signed out and cannot sign in', async () => {
    const admin = asSession(await signIn(app(), 'kikaku'));
    const added = await app().inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { login: 'temp', role: 'division', bureau: '産業経済局', division: '観光課', password: 'temporary-password-1' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ login: 'temp', role: 'division', bureau: '産業経済局', division: '観光課', disabled: false });
    const temp = await signIn(app(), 'temp', 'temporary-password-1');
    const disabled = await app().inject({ method: 'PATCH', url: '/api/v1/users/temp', headers: admin, payload: { disabled: true } });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await app().inject({ url: '/api/v1/me', headers: { cookie: temp.cookie } })).statusCode).toBe(401);
    expect((await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'temp', password: 'temporary-password-1' } })).statusCode).toBe(401);
    const list = await app().inject({ url: '/api/v1/users', headers: admin });
    expect(list.json().users.map((u: { login: string }) => u.login)).toContain('temp');
    const short = await app().inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { login: 'x', role: 'viewer', password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.problems[0].path).toBe('password');
  });

  it('never puts a password, a token or a session id in an answer or the log', async () => {
    const { token } = await createToken(createContext(store(), CLI), 'iinkai', 'secret-check');
    const session = await signIn(app(), 'kikaku');
    const answers: LightMyRequestResponse[] = [
      await app().inject({ url: '/api/v1/users', headers: asSession(session) }),
      await app().inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } }),
      await app().inject({ method: 'POST', url: '/api/v1/users', headers: asSession(session), payload: { login: 'leak', role: 'viewer', password: 'leak-check-password' } }),
      await app().inject({ method: 'PATCH', url: '/api/v1/users/leak', headers: asSession(session), payload: { password: 'leak-check-password-2' } }),
      await app().inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'leak', password: 'leak-check-password-3' } }),
    ];
    const sessionId = session.cookie.split('=')[1]!;
    const secrets = [PASSWORD, 'leak-check-password', token, token.slice(4), sessionId, '$scrypt$'];
    const seen = [...answers.map((a) => a.body + JSON.stringify(a.headers)), ...log].join('\n');
    expect(log.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(seen, secret).not.toContain(secret);
  });
});
