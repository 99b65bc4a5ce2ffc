import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTokens, fold, foldText, phraseRanges, queryPlan, tokensMatch, tokenText } from './search-tokens.js';

describe('documentTokens', () => {
  it.each([
    ['事業', ['事業']],
    ['予算額', ['予算', '算額']],
    ['多文化共生の推進', ['多文', '文化', '化共', '共生', '生の', 'の推', '推進']],
    ['市', ['市']],
    ['R5年度', ['r5', '年度']],
    ['ＳＤＧｓ　目標', ['sdgs', '目標']],
    ['ｶﾞｲﾄﾞ', ['ガイ', 'イド']],
    ['1,500人', ['1', '500', '人']],
    ['「外国人」・市民', ['外国', '国人', '市民']],
    ['事業 事業', ['事業']],
    ['', []],
  ])('%s → %j', (text, tokens) => {
    expect(documentTokens(fold(text))).toEqual(tokens);
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(documentTokens(fold('𠮷野家'))).toEqual(['𠮷野', '野家']);
  });

  it('joins tokens with spaces for the index', () => {
    expect(tokenText(fold('ＰＤＣＡサイクル'))).toBe('pdca サイ イク クル');
  });
});

describe('queryPlan', () => {
  it('asks for bigrams exactly and for Latin words by prefix', () => {
    expect(queryPlan('事業 PDC')).toEqual({
      terms: ['事業', 'pdc'],
      tokens: [
        { text: '事業', prefix: false },
        { text: 'pdc', prefix: true },
      ],
    });
  });

  it('leaves single CJK characters to the substring check', () => {
    expect(queryPlan('市 予算')).toEqual({ terms: ['市', '予算'], tokens: [{ text: '予算', prefix: false }] });
    expect(queryPlan('市').tokens).toEqual([]);
    expect(queryPlan('　 ').terms).toEqual([]);
  });
});

describe('phraseRanges', () => {
  it('finds 事業 but not 業事, with ranges in the original text', () => {
    const text = foldText('北九州市の事業、事業費');
    expect(phraseRanges(text, ['事業'])).toEqual([
      [5, 7],
      [8, 10],
    ]);
    expect(phraseRanges(text, ['業事'])).toBeNull();
    expect(phraseRanges(text, ['事業', '市'])).toEqual([
      [3, 4],
      [5, 7],
      [8, 10],
    ]);
  });

  it('maps folded matches back to full-width and half-width originals', () => {
    const text = foldText('ＩＣＴとｶﾞｲﾄﾞ');
    expect(phraseRanges(text, ['ict'])).toEqual([[0, 3]]);
    expect(phraseRanges(text, ['ガイド'])).toEqual([[4, 9]]);
  });
});

// Random texts of the characters the sheet is written in, separators included.
const char = fc.constantFrom(...'事業予算多文化共生市民の推進ー々ガイドｶﾞｲﾄﾞＡＢabcXYZ0129１２、。・ 　()「」𠮷'.match(/./gsu)!);
const text = fc.array(char, { maxLength: 40 }).map((chars) => chars.join(''));

/** A position inside a Latin/digit word (not at its start): word queries match from the start. */
function insideWord(chars: readonly string[], at: number): boolean {
  const latin = (c: string | undefined) =>
    c !== undefined && /^[\p{L}\p{N}]$/u.test(c) && !/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]$/u.test(c);
  return latin(chars[at - 1]) && latin(chars[at]);
}

describe('properties', () => {
  it('every substring of two or more characters is found by its tokens and its phrase check', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (original, a, b) => {
        const folded = foldText(original);
        const chars = [...folded.folded];
        if (chars.length < 2) return;
        const start = a % (chars.length - 1);
        const end = start + 2 + (b % (chars.length - start - 1));
        if (insideWord(chars, start)) return;
        const query = chars.slice(start, end).join('');
        const plan = queryPlan(query);
        expect(tokensMatch(plan.tokens, documentTokens(folded.folded))).toBe(true);
        if (plan.terms.length > 0) expect(phraseRanges(folded, plan.terms)).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('folding is idempotent and maps every folded unit inside the original', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' })), (original) => {
        const { folded, from, to } = foldText(original);
        expect(fold(folded)).toBe(folded);
        expect(from).toHaveLength(folded.length);
        for (let i = 0; i < folded.length; i++) expect(0 <= from[i]! && from[i]! < to[i]! && to[i]! <= original.length).toBe(true);
      }),
    );
  });

  it('folds the same whether a text takes the fast path or goes cluster by cluster', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (original) => {
        // ｶ (half-width) is never NFKC-stable, so the longer text is folded cluster by cluster.
        expect(fold(`${original}ｶ`)).toBe(`${fold(original)}カ`);
        expect(foldText(original).folded).toBe(fold(original));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any string, and ranges always lie inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 6 }), (original, query) => {
        const plan = queryPlan(query);
        documentTokens(fold(original));
        const ranges = phraseRanges(foldText(original), plan.terms) ?? [];
        for (const [s, e] of ranges) expect(0 <= s && s < e && e <= original.length).toBe(true);
      }),
    );
  });
});
