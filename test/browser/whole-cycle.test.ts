// A whole yearly cycle in Debian's Chromium, through the pages' forms alone (workflow.md, "How it
// is measured"): the office opens FY2022 and leaves one division's project in scope; the division
// enters its actual and evaluation in the list entry and submits from /tasks; the bureau returns it
// with a comment; the division reads the comment first in /tasks, fixes the value and resubmits; the
// bureau reviews, the office approves and publishes. An anonymous visitor then sees the published
// figure, not a draft the office types after publication; a correction becomes version 2 with its
// note, listed with the value before and after, while version 1 downloads with the same SHA-256.
// The steps share one site and run in order; each `it` is one person's visit.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLI, createContext } from '../../src/services/context.js';
import { addUser } from '../../src/services/users.js';
import { chromiumGate, signedInPage, startBrowserSession, type BrowserSession } from './harness.js';

const PASSWORD = 'kitakyushu-planning-2026';
const BUREAU = '企画調整局';
const DIVISION = '都市マネジメント政策課';
const KEY = 'public-facility-management';
const NAME = '公共施設マネジメント推進事業';
const ACTUAL = `projects/${KEY}/indicators/floor-area-reduction/periods/2022/actual`;
const RETURN_COMMENT = '実績が前年度の数値のままです。R4年度の数値に直してください';
const FIRST_NOTE = 'R4年度の行政評価を公表します';
const CORRECTION_NOTE = 'R4.11.2 修正：公共施設保有量の縮減の実績を確定値に更新';
const STEP = 180_000;

describe.skipIf(!chromiumGate.available)(`a whole cycle in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;
  let firstVersionSha: string;

  beforeAll(async () => {
    session = await startBrowserSession();
    const cli = createContext(session.site.store, CLI);
    await addUser(cli, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(cli, { login: 'kikakuchosei', role: 'bureau', bureau: BUREAU, password: PASSWORD });
    await addUser(cli, { login: 'toshi', role: 'division', bureau: BUREAU, division: DIVISION, password: PASSWORD });
  }, STEP);

  afterAll(async () => {
    await session?.close();
  });

  const signedIn = (login: string, next: string): Promise<Page> => signedInPage(session, login, PASSWORD, next);

  /** Clicks a form's button and waits for the page the form's answer leads to. */
  async function submit(page: Page, click: () => Promise<void>): Promise<void> {
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), click()]);
  }

  /** The page's status line, or its alert when the form was refused (so a failure says why). */
  const status = (page: Page) => page.getByRole('status').or(page.getByRole('alert')).first().innerText();
  const entryRow = (page: Page) => page.getByRole('row', { name: new RegExp(NAME) }).first();
  const main = (page: Page) => page.locator('main').innerText();

  async function anonymousPage(url: string): Promise<Page> {
    const page = await (await session.context()).newPage();
    await page.goto(url);
    return page;
  }

  /** The bytes of version 1 as anyone downloads them, hashed here. */
  async function firstVersionHash(): Promise<string> {
    const context = await session.context();
    const response = await context.request.get('/api/v1/publications/2022/1');
    expect(response.status()).toBe(200);
    return createHash('sha256').update(await response.body()).digest('hex');
  }

  it('1. the admin opens 2022 and leaves only one division in scope', async () => {
    const page = await signedIn('kikaku', '/cycles/2021');
    const open = page.locator('form[action^="/cycles"]:not([action*="scopes"])').filter({ has: page.getByRole('button', { name: /開始/ }) });
    await open.getByLabel(/年度（西暦）/).fill('2022');
    await submit(page, () => open.getByRole('button', { name: /開始/ }).click());
    expect(new URL(page.url()).pathname).toBe('/cycles/2022');
    expect(await status(page)).toContain('2022年度のサイクルを開始しました');

    const scopes = () => page.locator('form[action*="/cycles/2022/scopes"]');
    await scopes().getByLabel(/^範囲/).selectOption('skip');
    await submit(page, () => scopes().getByRole('button', { name: /設定/ }).click());
    expect(await status(page)).toMatch(/\d+ 件の範囲を skip にしました/);
    await scopes().getByLabel(/^範囲/).selectOption('full');
    await scopes().getByLabel(/^課/).selectOption(DIVISION);
    await submit(page, () => scopes().getByRole('button', { name: /設定/ }).click());
    expect(await status(page)).toContain('1 件の範囲を full にしました');
    expect(await entryRow(page).innerText()).toMatch(/作成中[\s\S]*full/);

    // Publishing would now wait for that one entry alone.
    await page.goto('/cycles/2022/publish');
    expect(await page.getByRole('table', { name: /確定していない事業/ }).getByRole('row').count()).toBe(2);
    expect(await page.getByRole('table', { name: /確定していない事業/ }).innerText()).toContain(KEY);
  }, STEP);

  /** The list entry for 2022: the actual (and whatever else `more` fills), saved at once. */
  async function enterActual(page: Page, value: string, more: () => Promise<void> = async () => undefined): Promise<void> {
    await page.goto('/tasks/entry?fiscalYear=2022');
    await page.getByLabel(`${NAME} 公共施設保有量の縮減 実績`).fill(value);
    await more();
    await submit(page, () => page.getByRole('button', { name: 'まとめて保存' }).click());
    expect(await status(page)).toContain('1 件の事業を保存しました');
  }

  async function submitEntry(page: Page): Promise<void> {
    await page.goto('/tasks');
    await submit(page, () => entryRow(page).getByRole('button', { name: /^提出/ }).click());
    expect(await status(page)).toContain('提出済');
  }

  it('2. the division fills its actual and evaluation in the list entry, saves, and submits in /tasks', async () => {
    const page = await signedIn('toshi', '/tasks');
    expect(await entryRow(page).innerText()).toContain('作成中');
    await enterActual(page, '2.1', async () => {
      await page.getByLabel(`${NAME} 事業評価`).selectOption('順調');
      // Last year's course comes carried over, flagged until the division confirms it.
      expect(await page.getByLabel(`${NAME} 成果の方向性`, { exact: true }).inputValue()).toBe('継続');
      await page.locator(`[name="confirm/projects/${KEY}/evaluations/2022/course"]`).check();
      await page.getByLabel(`${NAME} 強化・見直した内容`).fill('施設ごとの集約・廃止の計画を地域と協議し、年度ごとの縮減量を公表する');
    });
    await submitEntry(page);
  }, STEP);

  it('3. the bureau returns it with a comment', async () => {
    const page = await signedIn('kikakuchosei', '/tasks');
    const row = entryRow(page);
    expect(await row.innerText()).toContain('提出済');
    await row.getByLabel(/差戻しの理由/).fill(RETURN_COMMENT);
    await submit(page, () => row.getByRole('button', { name: /^差戻し/ }).click());
    expect(await status(page)).toContain('作成中');
  }, STEP);

  it('4. the division sees the comment first in /tasks, fixes the value and resubmits', async () => {
    const page = await signedIn('toshi', '/tasks');
    const first = page.getByRole('table', { name: /対応待ちの事業/ }).locator('tbody tr').first();
    expect(await first.innerText()).toContain(NAME);
    expect(await first.innerText()).toContain(RETURN_COMMENT);
    expect(await first.getAttribute('class')).toContain('returned');
    await enterActual(page, '2.4');
    await submitEntry(page);
  }, STEP);

  it('5. the bureau reviews, the admin approves and publishes with a note', async () => {
    const bureau = await signedIn('kikakuchosei', '/tasks');
    await submit(bureau, () => entryRow(bureau).getByRole('button', { name: /^局確認/ }).click());
    expect(await status(bureau)).toContain('局確認済');

    const admin = await signedIn('kikaku', '/tasks');
    await submit(admin, () => entryRow(admin).getByRole('button', { name: /^確定/ }).click());
    expect(await status(admin)).toContain('確定');

    await admin.goto('/cycles/2022/publish');
    await admin.getByLabel(/注記/).fill(FIRST_NOTE);
    await submit(admin, () => admin.getByRole('button', { name: /公表する/ }).click());
    expect(new URL(admin.url()).pathname).toBe('/versions/2022');
    expect(await main(admin)).toContain(FIRST_NOTE);
    firstVersionSha = await firstVersionHash();
  }, STEP);

  /** The published actual as the project page prints it in the 2022 row of its table. */
  async function publicActual(page: Page): Promise<string> {
    await page.goto(`/projects/${KEY}?fiscalYear=2022`);
    const indicatorTable = page.locator('table').filter({ hasText: '実績' }).first();
    return indicatorTable.getByRole('row', { name: /R4年度 \(2022\)/ }).innerText();
  }

  it('6. an anonymous visitor sees the published figure, and not a draft the admin types afterwards', async () => {
    const visitor = await anonymousPage(`/projects/${KEY}`);
    expect(await publicActual(visitor)).toContain('2.4');

    const admin = await signedIn('kikaku', `/projects/${KEY}/edit?fiscalYear=2022`);
    await admin.locator(`[name$="indicators/floor-area-reduction/periods/2022/actual"]`).fill('2.6');
    await submit(admin, () => admin.getByRole('button', { name: /^保存/ }).click());
    expect(new URL(admin.url()).pathname).toBe(`/projects/${KEY}`);

    const row = await publicActual(visitor);
    expect(row).toContain('2.4');
    expect(row).not.toContain('2.6');
  }, STEP);

  it('7. a correction is version 2 with its note and the value before and after; version 1 keeps its SHA-256', async () => {
    const admin = await signedIn('kikaku', '/cycles/2022/publish');
    await admin.getByLabel(/注記/).fill(CORRECTION_NOTE);
    await submit(admin, () => admin.getByRole('button', { name: /公表する/ }).click());
    expect(new URL(admin.url()).pathname).toBe('/versions/2022');

    const visitor = await anonymousPage('/versions/2022');
    const versions = await main(visitor);
    expect(versions).toMatch(/第?2版?/);
    expect(versions).toContain(CORRECTION_NOTE);
    // Version 2's changes, each value before and after: the corrected actual among them.
    const changed = visitor.getByRole('row').filter({ hasText: 'floor-area-reduction/periods/2022/actual' });
    expect(await changed.count()).toBe(1);
    expect((await changed.getByRole('cell').allInnerTexts()).slice(1)).toEqual(['2.4', '2.6']);

    // The year's pages carry the correction's note, and show the corrected figure.
    expect(await publicActual(visitor)).toContain('2.6');
    expect(await main(visitor)).toContain(CORRECTION_NOTE);

    expect(await firstVersionHash()).toBe(firstVersionSha);
    const listed = await (await session.context()).request.get('/api/v1/publications/2022');
    const [first, second] = ((await listed.json()) as { version: number; sha256: string; note: string }[]).sort((a, b) => a.version - b.version);
    expect(first).toMatchObject({ version: 1, sha256: firstVersionSha, note: FIRST_NOTE });
    expect(second).toMatchObject({ version: 2, note: CORRECTION_NOTE });
    expect(second!.sha256).not.toBe(firstVersionSha);
  }, STEP);
});
