// The compiled shape check must accept exactly what zod accepts: accepting more would let a
// badly typed document through validation; accepting less only costs time, but is a bug too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schema from './schema.js';
import { compileShape } from './shape-predicate.js';
import { type Loose, seedDocument, validDocument } from './validate.fixtures.js';

const accepts = compileShape(schema.documentSchema);
const zodAccepts = (value: unknown) => schema.documentSchema.safeParse(value).success;

/** Every path in a JSON value, as segments. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

const strange = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, undefined, Number.NaN, Infinity, -0, 0, 1, 1.5, 17, 18, 4, 5, -1, 2 ** 53, '', '十', 'R3年度', true, [], {}, ['A'], [1.5]),
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
const mutation = fc.oneof(
  fc.record({ op: fc.constant('set' as const), value: strange }),
  fc.record({ op: fc.constant('delete' as const) }),
  fc.record({ op: fc.constant('duplicate' as const) }),
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
      fc.property(validDocument, fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), (doc, mutations) => {
        const broken: Loose = structuredClone(doc);
        for (const [pick, m] of mutations) {
          const paths = pathsOf(broken).filter((p) => p.length > 0);
          const path = paths[pick % paths.length] as (string | number)[];
          const parent = path.slice(0, -1).reduce((node: Loose, key) => node[key], broken);
          const key = path[path.length - 1] as string | number;
          if (m.op === 'set') parent[key] = m.value;
          else if (m.op === 'delete') Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
          else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        }
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
