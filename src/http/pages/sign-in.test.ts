// /login, /logout and /admin/users as a browser without JavaScript uses them: form posts,
// redirects, the cookie, the CSRF field; and the security headers every page sends.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { addUser } from '../../services/users.js';
import { safeNext } from './sign-in.js';

const PASSWORD = 'kitakyushu-planning-2026';
const { app, store } = useDemoApp({
  seed: async (s) => {
    await addUser(createContext(s, CLI), { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(createContext(s, CLI), { login: 'iinkai', role: 'viewer', password: PASSWORD });
  },
});

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() });

async function signIn(login: string, next = '/'): Promise<string> {
  const { payload, ...headers } = form({ login, password: PASSWORD, next });
  const response = await app().inject({ method: 'POST', url: '/login', headers, payload });
  expect(response.statusCode, response.body).toBe(303);
  expect(response.headers.location).toBe(next);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the sign-in pages', () => {
  it('send CSP without inline scripts, no framing, same-origin referrers and nosniff', async () => {
    for (const url of ['/login', '/logout', '/', '/no-such-page']) {
      const response = await app().inject({ url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await app().inject({ url: '/api/v1/policies' })).headers['referrer-policy']).toBe('same-origin');
  });

  it('shows the form again on a wrong password, keeping the login, with the same words as for an unknown login', async () => {
    const { payload, ...headers } = form({ login: 'kikaku', password: 'not-the-password', next: '/admin/users' });
    const wrong = await app().inject({ method: 'POST', url: '/login', headers, payload });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('value="kikaku"');
    expect(wrong.body).toContain('ログイン名またはパスワードが正しくありません / Wrong login or password');
    expect(wrong.body).not.toContain('not-the-password');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('signs in, shows who is signed in, lets an admin add a user with the CSRF field only, and signs out', async () => {
    const anonymous = await app().inject({ url: '/admin/users' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
    const cookie = await signIn('kikaku', '/admin/users');
    const page = await app().inject({ url: '/admin/users', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain('kikaku（管理者 admin）');
    expect(page.body).toContain('<form class="signed-in" action="/logout" method="post">');
    const csrf = csrfOf(page.body);
    expect(csrf).not.toBe('');
    const add = { login: 'kanko', role: 'division', bureau: '産業経済局', division: '観光課', password: 'another-long-password' };
    const withoutToken = form(add);
    expect((await app().inject({ method: 'POST', url: '/admin/users', headers: { cookie, 'content-type': withoutToken['content-type'] }, payload: withoutToken.payload })).statusCode).toBe(403);
    const withToken = form({ ...add, _csrf: csrf });
    const added = await app().inject({ method: 'POST', url: '/admin/users', headers: { cookie, 'content-type': withToken['content-type'] }, payload: withToken.payload });
    expect(added.statusCode).toBe(303);
    expect((await store().users.byLogin(1, 'kanko'))?.division).toBe('観光課');
    const out = form({ _csrf: csrf });
    const signedOut = await app().inject({ method: 'POST', url: '/logout', headers: { cookie, 'content-type': out['content-type'] }, payload: out.payload });
    expect(signedOut.statusCode).toBe(303);
    expect((await app().inject({ url: '/admin/users', headers: { cookie } })).statusCode).toBe(303);
  });

  it('refuses /admin/users to a viewer, as a page', async () => {
    const cookie = await signIn('iinkai');
    const page = await app().inject({ url: '/admin/users', headers: { cookie } });
    expect(page.statusCode).toBe(403);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('iinkai（閲覧 viewer）');
  });

  it.each([
    ['/admin/users', '/admin/users'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['https://evil.example/', '/'],
    [undefined, '/'],
  ])('goes on after signing in to %s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
