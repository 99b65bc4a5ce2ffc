// The division's list entry in Debian's Chromium (issue 12): a division signs in, fills the
// table for two projects with one value that is no number, sees the problem beside its cell
// with everything else kept, fixes it and saves; the project pages show the new figures and
// rates. And the table as a spreadsheet: arrow keys and Enter move from cell to cell, and a
// column or block copied from Excel fills the cells downward and rightward.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLI, createContext } from '../../src/services/context.js';
import { addUser } from '../../src/services/users.js';
import { chromiumGate, startBrowserSession, type BrowserSession } from './harness.js';

const PASSWORD = 'kitakyushu-planning-2026';
const TEIJU = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/actual';
const DONATION = 'projects/furusato-donation/indicators/donation-amount/periods/2021/actual';
const ATTACHMENT = 'projects/city-appeal/indicators/attachment/periods/2021/actual';
const FONDNESS = 'projects/city-appeal/indicators/fondness/periods/2021/actual';

const cell = (page: Page, name: string) => page.locator(`[name="${name}"]`);

describe.skipIf(!chromiumGate.available)(`the list entry in Chromium ${chromiumGate.label}`, () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
    await addUser(createContext(session.site.store, CLI), { login: 'kikakuka', role: 'division', bureau: '企画調整局', division: '企画課', password: PASSWORD });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  async function signedIn(): Promise<Page> {
    const page = await (await session.context()).newPage();
    await page.goto('/login?next=%2Ftasks%2Fentry');
    await page.getByLabel('ログイン名').fill('kikakuka');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await Promise.all([page.waitForURL('**/tasks/entry'), page.getByRole('button', { name: 'サインイン' }).click()]);
    return page;
  }

  it('keeps what was typed beside the one problem, saves once it is fixed, and the project pages show the new figures', async () => {
    const page = await signedIn();
    await page.getByLabel('定住・移住促進事業 20歳代～30歳代の社会動態の増加数 実績').fill('410');
    await cell(page, DONATION).fill('不明');
    await cell(page, 'projects/furusato-donation/evaluations/2021/course').selectOption('改善');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'まとめて保存' }).click()]);

    const donation = cell(page, DONATION);
    await expect.poll(() => donation.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await donation.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('「不明」は数値ではありません');
    expect(await donation.inputValue()).toBe('不明');
    expect(await cell(page, TEIJU).inputValue()).toBe('410');
    expect(await cell(page, 'projects/furusato-donation/evaluations/2021/course').inputValue()).toBe('改善');
    // The table with its problem meets WCAG 2.1 AA as axe reads it.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    const summary = page.getByRole('alert');
    expect(await summary.innerText()).toContain('入力を確認してください');
    await summary.getByRole('link', { name: /ふるさと寄附金促進事業：寄附金額 実績/ }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(DONATION);

    await donation.fill('200,000');
    await Promise.all([page.waitForURL(/saved=2/), page.getByRole('button', { name: 'まとめて保存' }).click()]);
    expect(await page.getByRole('status').innerText()).toContain('2 件の事業を保存しました');
    expect(await cell(page, DONATION).inputValue()).toBe('200000');

    await page.goto('/projects/teiju-iju');
    expect(await page.locator('main').innerText()).toMatch(/410人[\s\S]*410\.0%/);
    await page.goto('/projects/furusato-donation');
    // 200,000 against the year before's 112,654 (前年度比 増): 177.5%.
    expect(await page.locator('main').innerText()).toMatch(/200,000万円[\s\S]*177\.5%/);
  }, 120_000);

  it('moves from cell to cell by arrow keys and Enter, and fills a column and a block pasted from Excel', async () => {
    const page = await signedIn();
    await cell(page, TEIJU).focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('name'));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ATTACHMENT);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(FONDNESS);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(TEIJU);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('projects/teiju-iju/indicators/young-net-migration/periods/2021/provisional');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('projects/teiju-iju/evaluations/2021/grade');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(TEIJU);

    const paste = (name: string, text: string) =>
      page.locator(`[name="${name}"]`).evaluate((element, clipboard) => {
        const data = new DataTransfer();
        data.setData('text/plain', clipboard);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    // A column copied from Excel: three cells, each ending in a line break.
    await paste(TEIJU, '1\r\n2\r\n3\r\n');
    expect([await cell(page, TEIJU).inputValue(), await cell(page, ATTACHMENT).inputValue(), await cell(page, FONDNESS).inputValue()]).toEqual(['1', '2', '3']);
    // A block: actual, 速報値 and grade of two lines; the second line's grade is row No. 14's.
    await paste(TEIJU, '4\t\t順調\r\n5\t○\t遅れ\r\n');
    expect(await cell(page, TEIJU).inputValue()).toBe('4');
    expect(await cell(page, ATTACHMENT).inputValue()).toBe('5');
    expect(await cell(page, 'projects/city-appeal/indicators/attachment/periods/2021/provisional').isChecked()).toBe(true);
    expect(await cell(page, 'projects/teiju-iju/evaluations/2021/grade').inputValue()).toBe('順調');
    expect(await cell(page, 'projects/city-appeal/placements/IV-4-(1)-①/14/evaluations/2021/grade').inputValue()).toBe('遅れ');

    // Paragraphs into a text stay in it (the browser pastes them); a cell Excel quoted for its line break fills one text.
    const improvement = 'projects/teiju-iju/evaluations/2021/improvement';
    const below = cell(page, 'projects/city-appeal/placements/IV-4-(1)-①/14/evaluations/2021/improvement');
    const belowBefore = await below.inputValue();
    await paste(improvement, '一段落目\n二段落目');
    expect(await below.inputValue()).toBe(belowBefore);
    await paste(improvement, '"一行目\n二行目"\r\n');
    expect(await cell(page, improvement).inputValue()).toBe('一行目\n二行目');
    expect(await below.inputValue()).toBe(belowBefore);

    // 順調 where 大変順調 is suggested needs a reason: the hint beside it shows until one is typed.
    const hint = page.locator(`[id="${await cell(page, 'projects/teiju-iju/evaluations/2021/grade').getAttribute('id')}-hint"]`);
    expect(await hint.isVisible()).toBe(true);
    await cell(page, 'projects/teiju-iju/evaluations/2021/gradeReason').fill('転入の増加は一時的な要因による');
    expect(await hint.isVisible()).toBe(false);
  }, 120_000);
});
