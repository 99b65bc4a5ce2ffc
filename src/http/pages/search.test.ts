import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { computedDocument } from '../../services/computed.js';
import { sheetOf } from '../../interchange/sheet-rows.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { testContext } from '../../services/test-context.js';

const { app, store } = useDemoApp();

const get = (url: string) => app().inject(url);
const search = (params: Record<string, string>) => get(`/search?${new URLSearchParams(params).toString()}`);
const marks = (html: string) => [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
const status = (html: string) => /<p role="status">(.*?)<\/p>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
const projectLinks = (html: string) => [...html.matchAll(/<a href="\/projects\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));
const rowNumbers = (html: string) => [...html.matchAll(/<p class="hit-place">No\. (\d+)/g)].map((m) => Number(m[1]));

interface JsonResult {
  total: number;
  hits: { no?: number; policy: { code: string }; project?: { key: string }; matches: { label: string; text: string; ranges: [number, number][]; snippet: string }[] }[];
}

describe('/search', () => {
  it('shows a labelled search box and asks for words when none are given', async () => {
    const response = await get('/search');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toMatch(/<label for="search-q"><span>検索語 <span lang="en" class="en">Search words<\/span>/);
    const input = /<input id="search-q"[^>]*>/.exec(html)?.[0] ?? '';
    for (const attribute of ['type="search"', 'name="q"', 'value=""', 'aria-describedby="search-q-hint"']) expect(input).toContain(attribute);
    for (const field of ['fiscalYear', 'bureau', 'division', 'policy', 'grade', 'sdg']) expect(html).toContain(`name="${field}"`);
    expect(status(html)).toContain('検索語を入力してください');
    expect(html).not.toContain('format=json');
  });

  it('finds 事業 and marks it in every snippet, linking each project', async () => {
    const html = (await search({ q: '事業' })).body;
    const found = marks(html);
    expect(found.length).toBeGreaterThan(10);
    expect(new Set(found)).toEqual(new Set(['事業']));
    const { document } = await computedDocument(testContext(store()));
    const withWord = document.projects.filter((p) => p.name.includes('事業')).map((p) => p.key);
    for (const key of withWord) expect(projectLinks(html)).toContain(key);
    expect(status(html)).toMatch(/^\d+件/);
    expect(html).toContain('href="/search?q=%E4%BA%8B%E6%A5%AD&amp;format=csv"');
    const numbers = rowNumbers(html);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('labels the fields in Japanese and marks a full-width Latin query in the original', async () => {
    const html = (await search({ q: 'ｋｉｔａ' })).body;
    expect(marks(html)).toContain('Kita');
    const labels = (await search({ q: '多文化共生' })).body;
    for (const label of ['事業名 / Project name', '指標名 / Indicator', '施策名 / Policy']) expect(labels).toContain(`<dt>${label}`);
    expect(labels).toMatch(/<dt>(事業概要|強化・見直した内容)/);
  });

  it('applies the sheet’s filters: the rows shown are those the sheet shows', async () => {
    const { document } = await computedDocument(testContext(store()));
    const all = (await search({ q: '事業', format: 'json' })).json() as JsonResult;
    const filters: Record<string, string>[] = [{ grade: '順調' }, { policy: 'II-3-(3)-①' }, { sdg: '4' }, { bureau: '企画調整局' }];
    for (const filter of filters) {
      const sheetFilter = { ...filter, ...(filter.sdg !== undefined && { sdg: Number(filter.sdg) }) };
      const sheetRows = sheetOf(document, { filter: sheetFilter }).rows.map((r) => `${r.projectKey} ${r.no}`);
      const filtered = (await search({ q: '事業', format: 'json', ...filter })).json() as JsonResult;
      const rows = filtered.hits.filter((h) => h.project).map((h) => `${h.project!.key} ${h.no}`);
      const expected = all.hits.filter((h) => h.project && sheetRows.includes(`${h.project.key} ${h.no}`)).map((h) => `${h.project!.key} ${h.no}`);
      expect(rows, JSON.stringify(filter)).toEqual(expected);
    }
    const policy = (await search({ q: '多文化共生', format: 'json', policy: 'II-3-(3)-①' })).json() as JsonResult;
    expect(policy.hits.length).toBeGreaterThan(0);
    expect(policy.hits.every((h) => h.policy.code === 'II-3-(3)-①')).toBe(true);
  });

  it('says when nothing matches and how to search otherwise', async () => {
    const cases: Record<string, string>[] = [{ q: '業事' }, { q: '事業', bureau: '存在しない局' }];
    for (const params of cases) {
      const html = (await search(params)).body;
      expect(status(html)).toContain('一致する項目はありません');
      expect(html).toContain('より短い言葉');
      expect(html).toContain('絞り込みを外してください');
    }
  });

  it('gives the results as JSON and CSV', async () => {
    const json = (await search({ q: '多文化共生', format: 'json' })).json() as JsonResult;
    expect(json.total).toBe(json.hits.length);
    for (const hit of json.hits) {
      for (const match of hit.matches) {
        expect(match.ranges.map(([s, e]) => match.text.slice(s, e))).toContain('多文化共生');
        expect(match.snippet).toContain('多文化共生');
      }
    }
    const csv = await search({ q: '多文化共生', format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['No.', '施策コード', '施策名', '事業キー', '事業名', '項目', '年度', '抜粋', '局']);
    expect(rows.length - 1).toBe(json.hits.reduce((sum, hit) => sum + hit.matches.length, 0));
  });

  it('escapes the query everywhere it is shown', async () => {
    const response = await search({ q: '<script>alert(1)</script>' });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const quoted = (await search({ q: '"><img src=x onerror=alert(1)>' })).body;
    expect(quoted).not.toContain('<img');
  });

  it('refuses a query over 200 characters at its field', async () => {
    const response = await search({ q: '事'.repeat(201) });
    expect(response.statusCode).toBe(400);
    const input = /<input id="search-q"[^>]*>/.exec(response.body)?.[0] ?? '';
    for (const attribute of ['aria-invalid="true"', 'aria-describedby="search-q-error"', `value="${'事'.repeat(201)}"`]) expect(input).toContain(attribute);
    expect(response.body).toContain('<span id="search-q-error" class="field-error">');
    expect(response.body).toContain('検索語が長すぎます（201文字）。200文字以内にしてください');
    expect((await search({ q: '事'.repeat(200) })).statusCode).toBe(200);
  });
});
