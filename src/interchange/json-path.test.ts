import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendIndex, appendKey, compareSegments, formatPath, parsePath, sortByPath } from './json-path.js';

describe('json paths', () => {
  it.each<[(string | number)[], string]>([
    [[], ''],
    [['format'], 'format'],
    [['projects', 3, 'indicators', 0, 'periods', 1, 'target'], 'projects[3].indicators[0].periods[1].target'],
    [['projects', 0, '備考'], 'projects[0].備考'],
    [['settings', 'my key'], 'settings["my key"]'],
    [['a', '1x', 'b.c'], 'a["1x"]["b.c"]'],
    [[0], '[0]'],
  ])('%j is written %s and read back', (segments, path) => {
    expect(formatPath(segments)).toBe(path);
    expect(parsePath(path)).toEqual(segments);
  });

  it('appends keys and indices', () => {
    expect(appendIndex(appendKey(appendKey('', 'projects'), 'x'), 2)).toBe('projects.x[2]');
  });

  it('sorts indices as numbers, a parent before its children, ties in their order', () => {
    const paths = ['projects[10].name', 'projects[2].name', 'format', 'projects[2]', 'projects[2].key', 'policies[0].code', 'projects[2].name'];
    expect(sortByPath(paths.map((path, i) => ({ path, i })), (p) => p.path)).toEqual([
      { path: 'format', i: 2 },
      { path: 'policies[0].code', i: 5 },
      { path: 'projects[2]', i: 3 },
      { path: 'projects[2].key', i: 4 },
      { path: 'projects[2].name', i: 1 },
      { path: 'projects[2].name', i: 6 },
      { path: 'projects[10].name', i: 0 },
    ]);
  });

  it('round-trips any path, and orders consistently', () => {
    const segment = fc.oneof(fc.nat(1000), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.array(segment, { maxLength: 6 }), (a, b) => {
        expect(parsePath(formatPath(a))).toEqual(a);
        expect(Math.sign(compareSegments(a, b)) + Math.sign(compareSegments(b, a))).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
