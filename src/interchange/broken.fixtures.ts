// Broken documents for the property tests of validation: a valid document with a few values
// replaced, removed or duplicated at random paths, so every rule meets input it must refuse
// (or accept) without throwing. Each test brings its own strange values to put in.
import fc from 'fast-check';
import type { HyokaDocument } from '../domain/model.js';
import type { Loose } from './validate.fixtures.js';

export type Mutation = { op: 'set'; value: unknown } | { op: 'delete' } | { op: 'duplicate' };

/** One to three mutations, each with a number that picks its path; new values come from `strange`. */
export function mutationsOf(strange: fc.Arbitrary<unknown>): fc.Arbitrary<[number, Mutation][]> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), value: strange }),
    fc.record({ op: fc.constant('delete' as const) }),
    fc.record({ op: fc.constant('duplicate' as const) }),
  );
  return fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 });
}

/** A copy of `doc` with the mutations applied in order, each at a path of the copy as it then is. */
export function brokenDocument(doc: HyokaDocument, mutations: [number, Mutation][]): Loose {
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
  return broken;
}

/** Every path in a JSON value, as segments. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}
