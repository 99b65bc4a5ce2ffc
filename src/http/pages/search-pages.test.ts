import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { generateDocument } from '../../interchange/generate.js';
import { importValue } from '../../services/documents.js';
import { useDemoApp } from '../../../test/demo-app.js';
import { importPublished } from '../../../test/publish.js';
import { textOf } from './test-html.js';
import { testContext } from '../../services/test-context.js';

// 200 generated projects: 事業 is in every project's name, so it finds every row.
const { app } = useDemoApp({ demo: false, seed: (store) => importPublished(store, generateDocument({ projects: 200, seed: 1 })) });
const org = '900001';
const word = encodeURIComponent('事業');

interface Hits {
  total: number;
  hits: { no?: number; project?: { key: string }; policy: { code: string } }[];
  page?: { number: number; pages: number };
}

const idOf = (hit: Hits['hits'][number]) => `${hit.project?.key} ${hit.policy.code} ${hit.no}`;

describe('/search of a generated organization', () => {
  it('shows a page of 100 hits with the total, and links the next pages keeping the query and ?org=', async () => {
    const all: Hits = (await app().inject(`/api/v1/search?q=${word}&limit=1000`)).json();
    expect(all.total).toBeGreaterThan(200);
    expect(all.hits).toHaveLength(all.total);
    const html = (await app().inject(`/search?q=${word}&org=${org}`)).body;
    expect(textOf(html)).toContain(`${all.total}件中 1〜100件目`);
    expect(html.match(/<p class="hit-place">/g)).toHaveLength(100);
    expect(html).toContain(`<a href="/search?q=${word}&amp;org=${org}&amp;page=2" rel="next">`);
    const second: Hits = (await app().inject(`/search?q=${word}&org=${org}&page=2&format=json`)).json();
    expect(second.page).toMatchObject({ number: 2, pages: Math.ceil(all.total / 100) });
    expect(second.hits.map(idOf)).toEqual(all.hits.slice(100, 200).map(idOf));
    const secondHtml = (await app().inject(`/search?q=${word}&org=${org}&page=2`)).body;
    expect(secondHtml).toContain('<ol class="search-results" start="101">');
    const csv = parse((await app().inject(`/search?q=${word}&org=${org}&page=2&format=csv`)).body, { bom: true }) as string[][];
    expect(new Set(csv.slice(1).map((line) => `${line[3]} ${line[1]} ${line[0]}`))).toEqual(new Set(second.hits.map(idOf)));
  });

  it('pages the API with offset and limit, the total counting every hit', async () => {
    const all: Hits = (await app().inject(`/api/v1/search?q=${word}&limit=1000`)).json();
    const page: Hits = (await app().inject(`/api/v1/search?q=${word}&offset=150&limit=20`)).json();
    expect(page.total).toBe(all.total);
    expect(page.hits.map(idOf)).toEqual(all.hits.slice(150, 170).map(idOf));
  });

  it('refuses an unreadable page number', async () => {
    expect((await app().inject(`/search?q=${word}&page=x`)).statusCode).toBe(400);
    const json = await app().inject(`/search?q=${word}&page=x&format=json`);
    expect(json.statusCode).toBe(400);
    expect(json.json().error.problems[0].path).toBe('page');
  });
});

describe('a search hit names its row by bureau and No.', () => {
  it('shows the bureau beside No. on the page, in the JSON and in the CSV, since No. starts again in each bureau', async () => {
    const json: { hits: (Hits['hits'][number] & { bureau?: string })[] } = (await app().inject(`/search?q=${word}&org=${org}&format=json`)).json();
    const doc = generateDocument({ projects: 200, seed: 1 });
    const bureauOf = new Map(doc.projects.map((project) => [project.key, project.bureau]));
    expect(new Set(json.hits.map((hit) => hit.bureau)).size).toBeGreaterThan(1);
    for (const hit of json.hits) if (hit.project) expect(hit.bureau).toBe(bureauOf.get(hit.project.key));
    const html = (await app().inject(`/search?q=${word}&org=${org}`)).body;
    const places = [...html.matchAll(/<p class="hit-place">([\s\S]*?)<\/p>/g)].map((match) => textOf(match[1]!));
    const first = json.hits[0]!;
    expect(places[0]).toMatch(new RegExp(`^${first.bureau} No\\. ${first.no} ／ 施策`));
    const csv = parse((await app().inject(`/search?q=${word}&org=${org}&format=csv`)).body, { bom: true }) as string[][];
    const column = csv[0]!.indexOf('局');
    expect(column).toBeGreaterThan(-1);
    expect(csv[1]![column]).toBe(first.bureau);
  });
});
