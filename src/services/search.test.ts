import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildIndicator, buildProject, POLICY_A, POLICY_B } from '../../test/factories.js';
import { openStore, type Store } from '../store/index.js';
import { importValue } from './documents.js';
import { ServiceError } from './errors.js';
import { searchProjects, snippetOf } from './search.js';
import { testContext } from './test-context.js';

describe('snippetOf', () => {
  it('keeps a short text whole and marks the ranges', () => {
    expect(snippetOf('多文化共生の推進', [[0, 5]])).toEqual({
      parts: [
        { text: '多文化共生', mark: true },
        { text: 'の推進', mark: false },
      ],
      cutBefore: false,
      cutAfter: false,
    });
  });

  it('cuts a long text around the first match, never inside a surrogate pair', () => {
    const text = `${'𠮷'.repeat(50)}予算${'あ'.repeat(100)}`;
    const at = text.indexOf('予算');
    const snippet = snippetOf(text, [[at, at + 2]], 20);
    expect(snippet.cutBefore && snippet.cutAfter).toBe(true);
    expect(snippet.parts.find((p) => p.mark)?.text).toBe('予算');
    const shown = snippet.parts.map((p) => p.text).join('');
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(text).toContain(shown);
  });
});

describe('searchProjects', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
    const project = buildProject({
      indicators: [buildIndicator(), buildIndicator({ key: 'soudan', name: '外国人相談窓口の相談件数', unit: '件' })],
      evaluations: [],
      placements: [
        { policy: POLICY_A.code, no: 1, indicators: ['ninchido'], evaluations: [{ fiscalYear: 2021, grade: '順調', improvement: '予算を拡充する。' }] },
        { policy: POLICY_B.code, no: 2, indicators: ['soudan'], evaluations: [{ fiscalYear: 2022, grade: '遅れ', improvement: '予算を見直す。' }] },
      ],
    });
    await importValue(testContext(store), buildDocument({ projects: [project] }));
  });
  afterAll(() => store.close());

  it('shows an indicator on the rows that cover it only', async () => {
    const result = await searchProjects(testContext(store), '相談件数');
    expect(result.hits.map((h) => [h.no, h.matches.map((m) => m.label)])).toEqual([[2, ['指標名']]]);
  });

  it('narrows evaluation texts to the chosen fiscal year, and finds every year without one', async () => {
    expect((await searchProjects(testContext(store), '予算')).hits.map((h) => h.no)).toEqual([1, 2]);
    const chosen = await searchProjects(testContext(store), '予算', { fiscalYear: 2022 });
    expect(chosen.hits.map((h) => [h.no, h.matches[0]!.fiscalYear])).toEqual([[2, 2022]]);
  });

  it('reads the grade of the chosen year', async () => {
    // Row 1 and its policy's title (多文化共生社会…), which has a row that passes.
    expect((await searchProjects(testContext(store), '多文化', { fiscalYear: 2021, grade: '順調' })).hits.map((h) => h.no)).toEqual([1, undefined]);
    expect((await searchProjects(testContext(store), '多文化', { fiscalYear: 2022, grade: '遅れ' })).hits.map((h) => h.no)).toEqual([2]);
  });

  it('limits the hits and counts them all', async () => {
    const result = await searchProjects(testContext(store), '多文化', {}, { limit: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.total).toBeGreaterThan(1);
  });

  it('answers a page of the hits from an offset', async () => {
    const all = await searchProjects(testContext(store), '多文化');
    const second = await searchProjects(testContext(store), '多文化', {}, { offset: 1, limit: 1 });
    expect(second.total).toBe(all.total);
    expect(second.hits).toEqual(all.hits.slice(1, 2));
  });

  it('answers a search asked again after an import from the new data, not from the last answer', async () => {
    const own = await openStore({ sqlitePath: ':memory:' });
    try {
      await importValue(testContext(own), buildDocument({ projects: [buildProject({ name: '凧あげ大会' })] }));
      expect((await searchProjects(testContext(own), '凧あげ')).total).toBe(1);
      await importValue(testContext(own), buildDocument({ projects: [buildProject({ name: '国際交流の推進' })] }));
      expect((await searchProjects(testContext(own), '凧あげ')).total).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('refuses a query longer than 200 characters, saying how long it was', async () => {
    const refusal = await searchProjects(testContext(store), 'あ'.repeat(201)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceError);
    expect((refusal as ServiceError).kind).toBe('invalid');
    expect((refusal as ServiceError).message).toContain('201文字');
    expect((await searchProjects(testContext(store), '  ')).hits).toEqual([]);
  });
});
