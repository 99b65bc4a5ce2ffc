import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../test/factories.js';
import type { HyokaDocument } from '../domain/model.js';
import { importText, importValue } from '../services/documents.js';
import { exportDocument } from '../services/export.js';
import { resolveOrganization } from '../services/organizations.js';
import { DEMO_DOCUMENT } from '../services/demo.js';
import type { Store } from './open.js';
import { indexedRevision, rebuildSearchIndex, refreshSearchIndex, searchDocument, searchDocumentsOf, searchIndex, type SearchMatch } from './search.js';
import { fold, queryPlan } from './search-tokens.js';
import { testStores } from './test-stores.js';
import { search } from './migrations/0003_search.js';
import { testContext } from '../services/test-context.js';
import { CLI } from '../services/context.js';

const demoText = readFileSync(DEMO_DOCUMENT, 'utf8');
const demo = JSON.parse(demoText) as HyokaDocument;

/** A second organization, whose texts say 予算 (the demo sheet never does). */
const other = buildDocument({
  organization: { name: '架空市', code: '999999' },
  projects: [buildProject({ key: 'yosan', name: '予算編成の見える化事業', summary: '予算の使い道を市民に公開する。', indicators: [] })],
});

describe.each(testStores())('search index on $name', ({ open }) => {
  let store: Store;
  let demoId: number;
  let otherId: number;

  beforeAll(async () => {
    store = await open();
    demoId = (await importText(testContext(store), demoText)).report.organization.id!;
    otherId = (await importValue(testContext(store), other)).report.organization.id!;
  }, 60_000);
  afterAll(() => store?.close());

  /** What a search does first: bring the organization's index up to its revision. */
  const refresh = async (orgId: number) => {
    const code = orgId === otherId ? '999999' : '401005';
    const { revision } = await resolveOrganization(store, code);
    await refreshSearchIndex(store.handles.db, store.dialect, orgId, revision, await exportDocument(testContext(store, CLI, code)));
  };
  const find = async (orgId: number, query: string) => {
    await refresh(orgId);
    return searchIndex(store.handles.db, store.dialect, orgId, queryPlan(query));
  };
  const findAsIs = (orgId: number, query: string) => searchIndex(store.handles.db, store.dialect, orgId, queryPlan(query));
  const where = (matches: SearchMatch[]) => new Set(matches.map((m) => `${m.kind}/${m.field}`));

  it('finds the two-character word 事業 in names, summaries and improvements', async () => {
    const matches = await find(demoId, '事業');
    expect(where(matches)).toContain('project/name');
    const expected = demo.projects.filter((p) => p.name.includes('事業')).map((p) => p.key);
    const names = matches.filter((m) => m.kind === 'project' && m.field === 'name').map((m) => m.projectKey);
    expect(names).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3);
    for (const match of matches) {
      expect(match.ranges.length).toBeGreaterThan(0);
      for (const [start, end] of match.ranges) expect(match.text.slice(start, end)).toBe('事業');
    }
  });

  it('finds 予算 in the organization that writes it, and only there', async () => {
    const matches = await find(otherId, '予算');
    expect(matches.map((m) => `${m.kind}/${m.field}/${m.projectKey}`)).toEqual(['project/name/yosan', 'project/summary/yosan']);
    expect(await find(demoId, '予算')).toEqual([]);
  });

  it('finds 多文化共生 in names, summaries and indicator names', async () => {
    const kinds = where(await find(demoId, '多文化共生'));
    for (const kind of ['project/name', 'indicator/name', 'policy/title']) expect(kinds).toContain(kind);
    expect([...kinds].some((k) => k.endsWith('/summary'))).toBe(true);
  });

  it('does not find 業事: shared bigrams are not a phrase', async () => {
    expect(await find(demoId, '業事')).toEqual([]);
  });

  it('keeps organizations apart', async () => {
    const demoHits = await find(demoId, '多文化共生');
    const otherHits = await find(otherId, '多文化共生');
    expect(demoHits.length).toBeGreaterThan(otherHits.length);
    // The factory's policies are also named 多文化共生…, but its project is not.
    expect(otherHits.every((m) => m.kind === 'policy')).toBe(true);
    expect((await find(otherId, '事業')).map((m) => m.projectKey)).toEqual(['yosan']);
  });

  it('matches every term, full-width and Latin prefixes included', async () => {
    const both = await find(demoId, '多文化 推進');
    expect(both.length).toBeGreaterThan(0);
    for (const m of both) expect(m.text.includes('多文化') && m.text.includes('推進')).toBe(true);
    // KitaQ, asked in full-width lower case, by the start of the word.
    const latin = await find(demoId, 'ｋｉｔａ');
    expect(latin.length).toBeGreaterThan(0);
    for (const m of latin) expect(m.ranges.map(([s, e]) => m.text.slice(s, e))).toContain('Kita');
    expect(await find(demoId, 'itaQ')).toEqual([]);
  });

  it('scans for one character (LIKE), wildcards taken literally', async () => {
    const texts = searchDocumentsOf(demo);
    for (const query of ['市', '塾', '%', '_', '％', '\\']) {
      const expected = texts.filter((d) => fold(d.text).includes(fold(query))).map((d) => d.text);
      expect((await find(demoId, query)).map((m) => m.text), query).toEqual(expected);
    }
    expect(texts.some((d) => d.text.includes('%'))).toBe(true);
    expect(texts.some((d) => d.text.includes('_'))).toBe(false);
  });

  it('follows a re-import: a renamed project is found under its new name only', async () => {
    const renamed = structuredClone(other);
    renamed.projects[0]!.name = '財政情報公開プロジェクト';
    await importValue(testContext(store), renamed);
    expect((await find(otherId, '財政情報')).map((m) => m.projectKey)).toEqual(['yosan']);
    expect((await find(otherId, '見える化')).length).toBe(0);
    // The summary still says 予算.
    expect((await find(otherId, '予算')).map((m) => m.field)).toEqual(['summary']);
    // The other organization's index is untouched.
    expect((await find(demoId, '多文化共生')).length).toBeGreaterThan(0);
  });

  it('builds an index once per revision: imports leave it to the next search', async () => {
    const before = await indexedRevision(store.handles.db, otherId);
    const renamed = structuredClone(other);
    renamed.projects[0]!.name = '見える化ツール';
    await importValue(testContext(store), renamed);
    expect(await indexedRevision(store.handles.db, otherId)).toBe(before);
    expect((await findAsIs(otherId, 'ツール')).length).toBe(0);
    expect((await find(otherId, 'ツール')).map((m) => m.projectKey)).toEqual(['yosan']);
    expect(await indexedRevision(store.handles.db, otherId)).toBeGreaterThan(before ?? -1);
  });

  it('indexes organizations stored before the index existed (the migration run again)', async () => {
    const migration = search(store.dialect);
    await migration.down!(store.handles.db);
    await migration.up(store.handles.db);
    expect(await indexedRevision(store.handles.db, demoId)).toBeNull();
    expect((await find(demoId, '多文化共生')).length).toBeGreaterThan(0);
    expect((await find(otherId, '予算')).map((m) => m.field)).toEqual(['summary']);
  });

  it('finds every two-character piece of random names (the dialect agrees with the tokenizer)', async () => {
    const chars = [...'事業予算多文化共生市民のガイドｶﾞｲﾄﾞＡＢab12 ・'];
    const name = fc.array(fc.constantFrom(...chars), { minLength: 2, maxLength: 16 }).map((c) => c.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), async (names, pick, at) => {
        const doc = buildDocument({ projects: names.map((n, i) => buildProject({ key: `p${i}`, name: n, indicators: [], evaluations: [] })) });
        doc.policies = [];
        doc.projects.forEach((p) => (p.placements = []));
        await rebuildSearchIndex(store.handles.db, store.dialect, otherId, doc);
        const target = [...names[pick % names.length]!];
        const start = at % (target.length - 1);
        const query = target.slice(start, start + 2).join('');
        const found = await findAsIs(otherId, query);
        const plan = queryPlan(query);
        const expected = plan.terms.length === 0 ? [] : names.flatMap((n, i) => (plan.terms.every((t) => fold(n).includes(t)) ? [`p${i}`] : []));
        // A Latin piece that starts inside a word is not a word's prefix: then fewer may be found.
        const keys = found.map((m) => m.projectKey);
        for (const key of keys) expect(expected).toContain(key);
        if (!/[a-z0-9]/.test(plan.terms.join(''))) expect(keys).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  }, 30_000);

  it('answers without the index exactly what the index answers (searchDocument)', async () => {
    const chars = [...'事業予算多文化共生市民のガイドｶﾞｲﾄﾞＡＢab12 ・'];
    const name = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 16 }).map((c) => c.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 }), async (names, pick, at, length) => {
        const doc = buildDocument({ projects: names.map((n, i) => buildProject({ key: `p${i}`, name: n, indicators: [], evaluations: [] })) });
        await rebuildSearchIndex(store.handles.db, store.dialect, otherId, doc);
        const target = [...names[pick % names.length]!];
        const start = at % target.length;
        const plan = queryPlan(target.slice(start, start + length).join(''));
        expect(searchDocument(doc, plan)).toEqual(await findAsIs(otherId, plan.terms.join(' ')));
      }),
      { numRuns: 40 },
    );
    for (const query of ['多文化共生', '事業 推進', '市', 'ＪＥＴ', '業事']) {
      await rebuildSearchIndex(store.handles.db, store.dialect, demoId, demo);
      expect(searchDocument(demo, queryPlan(query)), query).toEqual(await findAsIs(demoId, query));
    }
  }, 60_000);
});
