import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAndColumn, syntaxErrorOffset } from './json-error.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('syntaxErrorOffset', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['{', 1],
    ['', 0],
    ['[1, 2', 5],
    ['{"a": tru}', 6],
    ['xyz', 0],
    ['{"a":1} x', 8],
    ['{"a":"\u0001"}', 6],
    ['{"a": "\\x"}', 7],
    ['{"a": "\\u12g4"}', 7],
    ['[01]', 2],
    ['[-]', 1],
    ['[1.]', 2],
  ])('%j fails at %i', (text, offset) => {
    expect(syntaxErrorOffset(text)).toBe(offset);
  });

  it.each(['{}', ' [ ] ', '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', '"x"', '0'])('accepts %j', (text) => {
    expect(syntaxErrorOffset(text)).toBeUndefined();
  });

  it('agrees with JSON.parse on what is valid, for JSON with a character dropped or added', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', ' ', '\\'), (json, at, insert) => {
        const i = at % (json.length + 1);
        for (const text of [json, json.slice(0, i) + insert + json.slice(i), json.slice(0, i) + json.slice(i + 1)]) {
          const offset = syntaxErrorOffset(text);
          expect(offset === undefined).toBe(parses(text));
          if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('lineAndColumn', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 3, 1, 4],
    ['a\nbc', 2, 2, 1],
    ['a\nb\n  c', 6, 3, 3],
    ['𠮷x\ny', 2, 1, 2], // columns count characters
  ])('%j at %i is line %i, column %i', (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });
});
