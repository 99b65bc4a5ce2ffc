// /import as a browser without JavaScript uses it: a multipart upload with the session's CSRF
// field, the preview listing each changed value with its line, the confirmation writing it;
// replace offered to admins only, a division refused beyond its projects with the paths.
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';
import { CLI, createContext } from '../../services/context.js';
import { exportDocument } from '../../services/export.js';
import { exportFile } from '../../services/files.js';
import { addUser } from '../../services/users.js';

const PASSWORD = 'kitakyushu-planning-2026';
const { app, store } = useDemoApp({
  seed: async (s) => {
    const ctx = createContext(s, CLI);
    await addUser(ctx, { login: 'kikaku', role: 'admin', password: PASSWORD });
    await addUser(ctx, { login: 'kokusai', role: 'division', bureau: '企画調整局', division: '国際政策課', password: PASSWORD });
  },
});

async function signIn(login: string): Promise<{ cookie: string; csrf: string }> {
  const payload = new URLSearchParams({ login, password: PASSWORD, next: '/import' }).toString();
  const response = await app().inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  const page = await app().inject({ url: '/import', headers: { cookie } });
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
}

/** A multipart/form-data body as a browser sends the upload form. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }): { payload: Buffer; contentType: string } {
  const boundary = '----hyoka-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(cookie: string, fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const { payload, contentType } = multipart(fields, file);
  return app().inject({ method: 'POST', url: '/import', headers: { cookie, 'content-type': contentType }, payload });
}

async function budgetsCsv(amount: number): Promise<{ bytes: Buffer; line: number }> {
  const csv = Buffer.from((await exportFile(createContext(store(), CLI), { format: 'csv-budgets' })).bytes).toString('utf8');
  const lines = csv.split(/\r?\n/);
  const index = lines.findIndex((line) => line.includes(',tabunka,') && line.includes(',2023,'));
  lines[index] = lines[index]!.replace(/,2023,令和5年度,\d+,/, `,2023,令和5年度,${amount},`);
  return { bytes: Buffer.from(lines.join('\r\n')), line: index + 1 };
}

const tabunkaBudget = async () => (await exportDocument(createContext(store(), CLI))).projects.find((p) => p.key === 'tabunka')!.budgets!.find((b) => b.fiscalYear === 2023)!.amount;

describe('/import', () => {
  it('sends someone not signed in to /login first', async () => {
    const response = await app().inject({ url: '/import' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fimport');
  });

  it('offers replace to an admin only', async () => {
    const admin = await signIn('kikaku');
    expect((await app().inject({ url: '/import', headers: { cookie: admin.cookie } })).body).toContain('value="replace"');
    const division = await signIn('kokusai');
    const page = await app().inject({ url: '/import', headers: { cookie: division.cookie } });
    expect(page.body).not.toContain('value="replace"');
    expect(page.body).toMatch(/enctype="multipart\/form-data"/i);
    expect(page.body).toContain('value="merge"');
  });

  it('previews a division’s CSV with each changed value and its line, then imports it on confirmation', async () => {
    const { cookie, csrf } = await signIn('kokusai');
    const before = await tabunkaBudget();
    const { bytes, line } = await budgetsCsv(1234);
    expect((await upload(cookie, { format: 'auto' }, { name: 'budgets.csv', bytes })).statusCode).toBe(403); // no CSRF field
    const preview = await upload(cookie, { _csrf: csrf, format: 'auto' }, { name: 'budgets.csv', bytes });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('変わる値 1 件');
    expect(preview.body).toContain('<code>projects/tabunka/budgets/2023/amount</code>');
    expect(preview.body).toContain(`<td>${line}行目 / line ${line}</td><td>${before}</td><td>1234</td>`);
    expect(await tabunkaBudget()).toBe(before);
    const id = /name="upload" value="([^"]+)"/.exec(preview.body)![1]!;
    const payload = new URLSearchParams({ _csrf: csrf, upload: id }).toString();
    const confirmed = await app().inject({ method: 'POST', url: '/import/confirm', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.body).toContain('取り込みました');
    expect(await tabunkaBudget()).toBe(1234);
    // The same upload cannot be confirmed twice.
    const again = await app().inject({ method: 'POST', url: '/import/confirm', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a division’s merge beyond its projects, listing the paths, and a replace it is not offered', async () => {
    const { cookie, csrf } = await signIn('kokusai');
    const document = await exportDocument(createContext(store(), CLI));
    const projects = document.projects.filter((p) => p.key === 'kitakyushu-univ').map((p) => ({ ...p, summary: '他課の概要' }));
    const bytes = Buffer.from(JSON.stringify({ ...document, projects }));
    const merge = await upload(cookie, { _csrf: csrf, format: 'auto', mode: 'merge' }, { name: 'one.json', bytes });
    expect(merge.statusCode).toBe(403);
    expect(merge.body).toContain('<code>projects/kitakyushu-univ/summary</code>');
    const replace = await upload(cookie, { _csrf: csrf, format: 'json', mode: 'replace' }, { name: 'one.json', bytes });
    expect(replace.statusCode).toBe(403);
  });

  it('says a file that changes nothing is unchanged, with nothing to confirm', async () => {
    const { cookie, csrf } = await signIn('kikaku');
    const workbook = Buffer.from((await exportFile(createContext(store(), CLI), { format: 'xlsx-data' })).bytes);
    const preview = await upload(cookie, { _csrf: csrf, format: 'auto', mode: 'replace' }, { name: 'data.xlsx', bytes: workbook });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain('変更なし');
    expect(preview.body).not.toContain('name="upload"');
  });
});
