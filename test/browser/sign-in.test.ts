// Signing in and out in Debian's Chromium with JavaScript switched off: the /login form, a
// page only a signed-in admin sees, the sign-out button in the header, and that page gone again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, createContext } from '../../src/services/context.js';
import { addUser } from '../../src/services/users.js';
import { chromiumGate, startBrowserSession, type BrowserSession } from './harness.js';

const PASSWORD = 'kitakyushu-planning-2026';

describe.skipIf(!chromiumGate.available)(`signing in without JavaScript in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
    await addUser(createContext(session.site.store, CLI), { login: 'kikaku', role: 'admin', password: PASSWORD });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('signs in through /login, reaches /admin/users, signs out and no longer reaches it', async () => {
    const context = await session.context({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto('/admin/users');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('ログイン名').fill('kikaku');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await Promise.all([page.waitForURL('**/admin/users'), page.getByRole('button', { name: 'サインイン' }).click()]);
    expect(await page.locator('h1').innerText()).toContain('利用者');
    expect(await page.locator('.signed-in').innerText()).toContain('kikaku（管理者 admin）');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'hyoka_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('.signed-in').getByRole('button', { name: 'サインアウト' }).click()]);
    expect(await page.locator('.signed-in').innerText()).toContain('サインイン');

    const again = await page.goto('/admin/users');
    expect(again?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
