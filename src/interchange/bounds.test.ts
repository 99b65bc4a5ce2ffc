// The bounds of every value in a document (bounds.ts), and validation refusing what is past
// them with the path: depth, numbers, control characters, keys, text lengths by kind.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, TEXT_LIMITS, boundsProblems, hasForbiddenCharacter, numberProblem } from './bounds.js';
import { parseDocumentText, validateDocument } from './validate.js';
import { seedDocument } from './validate.fixtures.js';

/** A document from the seed with one change made to it. */
function seedWith(change: (doc: any) => void): unknown {
  const doc = structuredClone(seedDocument()) as any;
  change(doc);
  return doc;
}

const problemsOf = (value: unknown) => {
  const result = validateDocument(value);
  return result.ok ? [] : result.problems;
};

describe('numberProblem', () => {
  it('accepts the numbers documents carry', () => {
    for (const n of [0, -1, 59.9, 49243.4, 2961, 1e-7, 0.1234567891, 999_999_999_999_999, -999_999_999_999_999, 123456789.123456]) {
      expect(numberProblem(n), String(n)).toBeUndefined();
    }
  });

  it('refuses what a double cannot hold as written, or exact arithmetic should not meet', () => {
    expect(numberProblem(1e21)).toMatch(/too large/);
    expect(numberProblem(2 ** 53)).toMatch(/too large/);
    expect(numberProblem(1e15)).toMatch(/too large/);
    expect(numberProblem(Infinity)).toMatch(/finite/);
    expect(numberProblem(Number.NaN)).toMatch(/finite/);
    expect(numberProblem(0.1 + 0.2)).toMatch(/too many digits/); // 0.30000000000000004
    expect(numberProblem(1.23456789012345e-5)).toMatch(/too many digits/); // 19 decimal places
    expect(numberProblem(1e-11)).toMatch(/too many digits/);
  });
});

describe('hasForbiddenCharacter', () => {
  it('refuses C0 controls but tab and line breaks, and lone surrogates only', () => {
    expect(['a\tb', 'a\nb\r\n', '𩸽', '北九州市', '\u007f', '\u0085'].map(hasForbiddenCharacter)).toEqual([false, false, false, false, false, false]);
    expect(['\u0000', 'a\u0001', '\u001b[31m', '\u000b', '\ud800', 'x\udc00', '\ud83d'].map(hasForbiddenCharacter)).toEqual([true, true, true, true, true, true, true]);
  });
});

describe('boundsProblems', () => {
  it('measures any depth without recursion limits and names the first place too deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = boundsProblems({ a: deep });
    expect(result.tooDeep).toBe(true);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.path).toBe(`a${'[0]'.repeat(MAX_DEPTH - 1)}`);
    expect(result.problems[0]!.message).toContain(`at most ${MAX_DEPTH} levels`);
    let fits: unknown = 1;
    for (let i = 1; i < MAX_DEPTH; i++) fits = [fits];
    expect(boundsProblems(fits)).toEqual({ problems: [], tooDeep: false });
  });

  it('reports the first 200 problems and counts the rest', () => {
    const result = boundsProblems({ list: Array.from({ length: 250 }, () => 'a\u0000') });
    expect(result.problems).toHaveLength(201);
    expect(result.problems[200]!.message).toContain('50 more problem(s)');
  });
});

describe('validation refuses values past the bounds, with the path', () => {
  it('refuses a document nested 100,000 levels deep (JSON text), instead of overflowing the stack', () => {
    const text = `{"format":"hyoka/1","organization":{"name":"x"},"policies":[],"projects":[],"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const result = parseDocumentText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([expect.stringContaining('nested too deeply')]);
  });

  it('refuses NUL and other control characters in text and in field names', () => {
    const problems = problemsOf(
      seedWith((doc) => {
        doc.organization.name = '北九州市\u0000';
        doc.projects[0].summary = 'a\u0007b';
        doc.projects[1]['memo\u0000'] = 1;
        doc.projects[2].indicators[0].name = 'ok\ttab\nline';
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['organization.name', 'projects[0].summary', 'projects[1]']);
    expect(problems[0]!.message).toContain('character 5 is U+0000');
  });

  it('refuses amounts and other numbers beyond what exact arithmetic keeps, written as numbers or as text', () => {
    const problems = problemsOf(
      seedWith((doc) => {
        doc.projects[0].budgets[0].amount = 1e21;
        doc.projects[0].budgets[1].amount = 2 ** 53;
        doc.projects[1].budgets[0].amount = '1,000,000,000,000,000千円';
        doc.projects[2].indicators[0].periods[0].actual = 0.30000000000000004;
        doc.projects[3].memo = { nested: [1e300] };
      }),
    );
    expect(problems.map((p) => [p.path, p.message.split(' / ')[1]])).toEqual([
      ['projects[0].budgets[0].amount', 'the number 1e+21 is too large: its magnitude must be below 10^15 (1,000,000,000,000,000)'],
      ['projects[0].budgets[1].amount', 'the number 9007199254740992 is too large: its magnitude must be below 10^15 (1,000,000,000,000,000)'],
      ['projects[1].budgets[0].amount', 'the number 1000000000000000 is too large: its magnitude must be below 10^15 (1,000,000,000,000,000)'],
      ['projects[2].indicators[0].periods[0].actual', 'the number 0.30000000000000004 has too many digits: at most 15 significant digits and 10 decimal places'],
      ['projects[3].memo.nested[0]', 'the number 1e+300 is too large: its magnitude must be below 10^15 (1,000,000,000,000,000)'],
    ]);
  });

  it('limits text by the kind of field, counting characters as code points', () => {
    const problems = problemsOf(
      seedWith((doc) => {
        doc.projects[0].key = 'k'.repeat(TEXT_LIMITS.identifier + 1);
        doc.projects[1].name = '名'.repeat(TEXT_LIMITS.name + 1);
        doc.projects[2].summary = '文'.repeat(TEXT_LIMITS.text + 1);
        doc.projects[3].name = '𩸽'.repeat(TEXT_LIMITS.name); // 1,000 UTF-16 units, 500 characters: fits
        doc.projects[4].indicators[0].periods[0].target = '1'.repeat(101);
        doc.projects[5].memo = { note: ['x'.repeat(TEXT_LIMITS.text + 1)] };
        doc.projects[6]['k'.repeat(101)] = 1;
      }),
    );
    expect(problems.map((p) => [p.path, p.message.split(' / ')[1]])).toEqual([
      ['projects[0].key', 'at most 100 characters (this has 101)'],
      ['projects[1].name', 'at most 500 characters (this has 501)'],
      ['projects[2].summary', 'at most 10,000 characters (this has 10,001)'],
      ['projects[4].indicators[0].periods[0].target', 'at most 100 characters (this has 101)'],
      ['projects[5].memo.note[0]', 'at most 10,000 characters (this has 10,001)'],
      ['projects[6]', expect.stringContaining('a field name is too long (101 characters; at most 100)')],
    ]);
  });
});
