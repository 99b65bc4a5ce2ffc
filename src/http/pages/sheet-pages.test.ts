import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generateDocument } from '../../interchange/generate.js';
import { importValue } from '../../services/documents.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { importPublished } from '../../../test/publish.js';
import { textOf } from './test-html.js';
import { testContext } from '../../services/test-context.js';

// 200 generated projects: eight bureaus, each numbering its rows from No. 1, about 240 rows.
const { app } = useDemoApp({ demo: false, seed: (store) => importPublished(store, generateDocument({ projects: 200, seed: 1 })) });
const org = '900001';
const q = encodeURIComponent;

/** Each bureau heading of a page with the row numbers under it, in order. */
function sections(html: string): { bureau: string; nos: number[] }[] {
  return html
    .split('<section class="sheet-bureau"')
    .slice(1)
    .map((part) => ({
      bureau: textOf(/<h2 id="bureau-\d+">([^<]*)/.exec(part)?.[1] ?? ''),
      nos: [...part.matchAll(/<th scope="row" rowSpan="\d+" id="[^"]+-no" class="number">(\d+)<\/th>/g)].map((m) => Number(m[1])),
    }));
}

interface SheetJson {
  rows: { no: number; bureau: string; projectKey: string }[];
  page: { number: number; size: number; pages: number; total: number };
  bureaus: { bureau: string; rows: number; offset: number }[];
}

describe('/sheet of a generated organization', () => {
  it('binds the rows by bureau, each under its heading and numbered from No. 1', async () => {
    const all: SheetJson = (await app().inject(`/sheet?org=${org}&format=json`)).json();
    expect(all.bureaus.length).toBeGreaterThan(1);
    // The rows of each bureau together, in the order of the bureau list.
    const order = all.rows.map((row) => row.bureau).filter((bureau, i, list) => list[i - 1] !== bureau);
    expect(order).toEqual(all.bureaus.map((bureau) => bureau.bureau).slice(0, order.length));
    const html = (await app().inject(`/sheet?org=${org}`)).body;
    const shown = sections(html);
    expect(shown.map((section) => section.bureau)).toEqual(order);
    for (const section of shown.slice(0, -1)) expect(section.nos[0]).toBe(1);
    for (const section of shown) expect(section.nos).toEqual([...section.nos].sort((a, b) => a - b));
    // A row number appears once under each heading: never twice in one bureau's table.
    for (const section of shown) expect(new Set(section.nos).size).toBe(section.nos.length);
  });

  it('shows a page of 100 rows with the total, links the other pages, and says where the whole is', async () => {
    const first = await app().inject(`/sheet?org=${org}`);
    expect(first.statusCode).toBe(200);
    const json: SheetJson = (await app().inject(`/sheet?org=${org}&format=json`)).json();
    expect(json.rows).toHaveLength(100);
    expect(json.page).toMatchObject({ number: 1, size: 100 });
    expect(json.page.total).toBeGreaterThan(200);
    expect(sections(first.body).flatMap((section) => section.nos)).toEqual(json.rows.map((row) => row.no));
    const text = textOf(first.body);
    expect(text).toContain(`${json.page.total}行中 1〜100行目`);
    expect(first.body).toContain(`<a href="/sheet?org=${org}&amp;page=2" rel="next">`);
    // The whole sheet: the Excel export of the same filter, the CSV, the downloads page.
    expect(first.body).toContain(`<a href="/api/v1/export?format=xlsx&amp;org=${org}" download="">Excel（局ごとに1シート）</a>`);
    expect(first.body).toContain(`<a href="/api/v1/export?format=csv&amp;org=${org}" download="">CSV</a>`);
    expect(first.body).toContain(`href="/downloads?org=${org}"`);
    // Every bureau is named with its rows and links its own sheet.
    for (const bureau of json.bureaus) {
      expect(first.body).toContain(`<a href="/sheet?org=${org}&amp;bureau=${q(bureau.bureau)}">${bureau.bureau}</a>（${bureau.rows}行）`);
    }
    const last: SheetJson = (await app().inject(`/sheet?org=${org}&page=${json.page.pages}&format=json`)).json();
    expect(last.rows).toHaveLength(json.page.total - (json.page.pages - 1) * 100);
  });

  it('continues a bureau across pages, its caption saying which of its rows a page holds', async () => {
    const json: SheetJson = (await app().inject(`/sheet?org=${org}&page=2&format=json`)).json();
    const spanning = json.bureaus.find((bureau) => bureau.offset < 100 && bureau.offset + bureau.rows > 100)!;
    const html = (await app().inject(`/sheet?org=${org}&page=2`)).body;
    const first = sections(html)[0]!;
    expect(first.bureau).toBe(spanning.bureau);
    expect(first.nos[0]).toBeGreaterThan(1);
    expect(textOf(html)).toContain(`PDCAシート ${spanning.bureau}（${spanning.rows}行中 ${100 - spanning.offset + 1}〜`);
  });

  it('pages a filtered sheet within the filter, keeping it in the links and the data', async () => {
    const bureau = '総務局';
    const json: SheetJson = (await app().inject(`/sheet?org=${org}&bureau=${q(bureau)}&format=json`)).json();
    expect(json.rows.every((row) => row.bureau === bureau)).toBe(true);
    expect(json.bureaus).toEqual([{ bureau, rows: json.page.total, offset: 0 }]);
    const csv = parse((await app().inject(`/sheet?org=${org}&bureau=${q(bureau)}&format=csv`)).body, { bom: true }) as string[][];
    const nos = [...new Set(csv.slice(1).map((line) => Number(line[2])))];
    expect(nos).toEqual(json.rows.map((row) => row.no));
    const html = (await app().inject(`/sheet?org=${org}&bureau=${q(bureau)}&grade=${q('順調')}`)).body;
    expect(html).toContain('<option value="総務局" selected="">');
    expect(html).not.toContain('class="bureau-index"');
  });

  it('refuses an unreadable page number at its place and shows the first page', async () => {
    const response = await app().inject(`/sheet?org=${org}&page=-1`);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('ページ番号は1以上の整数で指定してください');
    expect(sections(response.body)[0]!.nos[0]).toBe(1);
  });
});
