// The compiled shape check must accept exactly what zod accepts: accepting more would let a
// badly typed document through validation; accepting less only costs time, but is a bug too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schema from './schema.js';
import { compileShape } from './shape-predicate.js';
import { seedDocument, validDocument } from './validate.fixtures.js';
import { brokenDocument, mutationsOf } from './broken.fixtures.js';

const accepts = compileShape(schema.documentSchema);
const zodAccepts = (value: unknown) => schema.documentSchema.safeParse(value).success;

const strange = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, undefined, Number.NaN, Infinity, -0, 0, 1, 1.5, 17, 18, 4, 5, -1, 2 ** 53, '', '十', 'R3年度', true, [], {}, ['A'], [1.5]),
  // Past each kind of text limit (bounds.ts TEXT_LIMITS).
  fc.constantFrom('k'.repeat(101), '名'.repeat(501), '文'.repeat(10_001)),
  fc.constantFrom(
    { kind: 'pending' },
    { kind: 'rank' },
    { kind: 'rank', atMost: 3 },
    { kind: 'previous-year', direction: 'up' },
    { kind: 'qualitative' },
    { kind: 'none', note: 1 },
    { kind: 'other' },
    { text: 'A' },
    { text: 'A', achieved: 'yes' },
  ),
);

describe('compileShape', () => {
  it('accepts the seed document and every valid document, as zod does', () => {
    expect(accepts(seedDocument())).toBe(true);
    fc.assert(
      fc.property(validDocument, (doc) => {
        expect(accepts(doc)).toBe(true);
        expect(zodAccepts(doc)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with zod on broken documents', () => {
    fc.assert(
      fc.property(validDocument, mutationsOf(strange), (doc, mutations) => {
        const broken = brokenDocument(doc, mutations);
        expect(accepts(broken)).toBe(zodAccepts(broken));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with zod on any value at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        expect(accepts(value)).toBe(zodAccepts(value));
      }),
      { numRuns: 300 },
    );
  });

  it('follows number bounds, whole numbers and finiteness as zod does', () => {
    const decimals = compileShape(schema.indicatorSchema.shape.decimals);
    for (const value of [undefined, 0, 4, 2, -1, 5, 1.5, Number.NaN, Infinity, '2', null]) {
      expect(decimals(value)).toBe(schema.indicatorSchema.shape.decimals.safeParse(value).success);
    }
    const band = compileShape(z.number().gt(0).lt(1));
    expect([0, 0.5, 1].map(band)).toEqual([false, true, false]);
  });

  it('follows string length limits as zod does (in code points)', () => {
    for (const field of [schema.projectSchema.shape.key, schema.projectSchema.shape.name, schema.projectSchema.shape.summary]) {
      const check = compileShape(field);
      for (const value of ['', 'a'.repeat(100), 'a'.repeat(101), '𩸽'.repeat(50), '𩸽'.repeat(51), 'a'.repeat(500), 'a'.repeat(501), 'a'.repeat(10_001), undefined, 1]) {
        expect(check(value)).toBe(field.safeParse(value).success);
      }
    }
    expect(compileShape(schema.projectSchema.shape.key)('a'.repeat(101))).toBe(false);
  });

  it('refuses, in an exclusive union, a value two options accept', () => {
    const either = z.xor([z.looseObject({ a: z.string() }), z.looseObject({ b: z.string() })]);
    const check = compileShape(either);
    for (const value of [{ a: 'x' }, { b: 'y' }, { a: 'x', b: 'y' }, {}]) expect(check(value)).toBe(either.safeParse(value).success);
  });

  it('fails to compile a zod feature it does not know, rather than accept too much', () => {
    expect(() => compileShape(z.string().min(2))).toThrow(/not supported/);
    expect(() => compileShape(z.object({ a: z.string() }))).toThrow(/not supported/);
    expect(() => compileShape(z.number().multipleOf(2))).toThrow(/not supported/);
    expect(() => compileShape(z.string().refine((s) => s !== ''))).toThrow(/not supported/);
    expect(() => compileShape(z.array(z.string()).max(3))).toThrow(/not supported/);
    expect(() => compileShape(z.date())).toThrow(/not supported/);
  });
});
