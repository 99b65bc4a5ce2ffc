// The file routes of the API on a real SQLite file: exports in every format, the
// preview-then-confirm import of workbooks, CSV and sheet text, and search.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../test/demo-app.js';

const TOKEN = 'files-admin-token';
const SEED = new URL('../../../data/kitakyushu.sheet.txt', import.meta.url);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const { app } = useDemoApp({ onDisk: true, adminToken: TOKEN });

const auth = { authorization: `Bearer ${TOKEN}` };

function post(url: string, payload: Buffer | string, contentType: string) {
  return app().inject({ method: 'POST', url, payload, headers: { ...auth, 'content-type': contentType } });
}

describe('GET /api/v1/export in every format', () => {
  it('gives the workbooks as downloads', async () => {
    for (const format of ['xlsx', 'xlsx-data', 'xlsx-template']) {
      const response = await app().inject(`/api/v1/export?format=${format}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="401005-.*\.xlsx"$/);
      expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    }
  });

  it('gives CSV in UTF-8 with a BOM, or in CP932', async () => {
    const utf8 = await app().inject('/api/v1/export?format=csv-budgets');
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(utf8.body).toContain('予算額');
    const sjis = await app().inject('/api/v1/export?format=csv&encoding=cp932');
    expect(sjis.headers['content-type']).toBe('text/csv; charset=shift_jis');
    expect(new TextDecoder('shift_jis').decode(sjis.rawPayload)).toContain('公立大学法人北九州市立大学評価委員会');
  });

  it('keeps the computed JSON document as the default', async () => {
    const response = await app().inject('/api/v1/export');
    expect(response.json().projects[2].indicators[0].periods[0].achievementRate).toBe(110.9);
  });
});

describe('POST /api/v1/import: preview, then confirm', () => {
  it('previews a workbook, then imports it only with the preview’s token', async () => {
    const workbook = (await app().inject('/api/v1/export?format=xlsx-data')).rawPayload;
    const preview = await post('/api/v1/import?format=xlsx&dryRun=true', workbook, XLSX);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.report.dryRun).toBe(true);
    expect(body.report.counts.projects).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 21 });
    expect(body.confirmToken).toMatch(/^[\w-]{20,}$/);

    const wrong = await post('/api/v1/import?format=xlsx&confirm=not-the-token', workbook, XLSX);
    expect(wrong.statusCode).toBe(409);
    const confirmed = await post(`/api/v1/import?format=xlsx&confirm=${body.confirmToken}`, workbook, XLSX);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().report.dryRun).toBe(false);
  });

  it('lists the changed values in a preview: path, before, after', async () => {
    const document = (await app().inject('/api/v1/export')).json();
    const period = document.projects[2].indicators[0].periods[0];
    const path = `projects/${document.projects[2].key}/indicators/${document.projects[2].indicators[0].key}/periods/${period.fiscalYear}/actual`;
    const before = period.actual;
    period.actual = before + 1;
    const preview = await post('/api/v1/import?dryRun=true', JSON.stringify(document), 'application/json');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().report.changes).toEqual({ total: 1, changes: [{ path, before, after: before + 1 }] });
    expect(preview.json().report.counts.periods.updated).toBe(1);
  });

  it('refuses the token once the data changed after the preview', async () => {
    const text = readFileSync(SEED);
    const preview = await post('/api/v1/import?format=sheet-text&org=テスト市&dryRun=true', text, 'text/plain');
    expect(preview.statusCode).toBe(200);
    const { confirmToken } = preview.json();
    // Someone imports the same organization first: the preview no longer holds.
    expect((await post('/api/v1/import?format=sheet-text&org=テスト市', text, 'text/plain')).statusCode).toBe(200);
    const late = await post(`/api/v1/import?format=sheet-text&org=テスト市&confirm=${confirmToken}`, text, 'text/plain');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('もう一度プレビュー');
  });

  it('names the cell of a problem in a workbook, and refuses what is not a workbook', async () => {
    const notZip = await post('/api/v1/import?format=xlsx&dryRun=true', Buffer.from('hello'), XLSX);
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.problems[0].path).toBe('ブック');
  });

  it('requires the admin token', async () => {
    const response = await app().inject({ method: 'POST', url: '/api/v1/import?format=csv', payload: 'a,b', headers: { 'content-type': 'text/csv' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/v1/search', () => {
  it('finds two-character words and reports the total', async () => {
    const response = await app().inject(`/api/v1/search?q=${encodeURIComponent('事業')}&org=401005`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.terms).toEqual(['事業']);
  });

  it('refuses a query over 200 characters', async () => {
    const response = await app().inject(`/api/v1/search?q=${'あ'.repeat(201)}&org=401005`);
    expect(response.statusCode).toBe(400);
  });
});
