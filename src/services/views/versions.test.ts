// What a correction changed, as /versions lists it: the input values that differ between two
// published (computed) documents, before and after, never the rates compute() derives from them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { compute } from '../../interchange/compute.js';
import { csvText } from './csv.js';
import { changedValues, versionChanges, versionRows, versionsCsv } from './versions.js';

const DEMO = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8')) as HyokaDocument;
const ACTUAL = 'projects/teiju-iju/indicators/young-net-migration/periods/2021/actual';

/** The demo with teiju-iju's 2021 actual set to `actual`, and its summary too when given. */
function corrected(actual: number, summary?: string): HyokaDocument {
  const copy = structuredClone(DEMO);
  const project = copy.projects.find((p) => p.key === 'teiju-iju')!;
  project.indicators![0]!.periods![0]!.actual = actual;
  if (summary !== undefined) project.summary = summary;
  return compute(copy);
}

describe('the values a version changed', () => {
  it('lists a corrected actual once, with before and after, and none of the rates it moves', () => {
    const before = compute(structuredClone(DEMO));
    const after = corrected(400);
    expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
    expect(changedValues(before, after)).toEqual([{ path: ACTUAL, before: 362, after: 400 }]);
    expect(changedValues(after, after)).toEqual([]);
  });

  it('pages the list, and writes a CSV line per value shown with its version', () => {
    const all = changedValues(compute(structuredClone(DEMO)), corrected(401, '書き直した概要'));
    expect(all.map((change) => change.path)).toEqual(['projects/teiju-iju/summary', ACTUAL]);
    const second = versionChanges(2, all, 1, 1);
    expect(second).toMatchObject({ version: 2, against: 1, total: 2, offset: 1, changes: [{ path: ACTUAL, before: 362, after: 401 }] });
    const rows = versionRows([
      { fiscalYear: 2021, version: 1, publishedAt: '2026-12-03T01:00:00.000Z', by: 'cli', note: '初版', sha256: 'a'.repeat(64) },
      { fiscalYear: 2021, version: 2, publishedAt: '2026-12-04T01:00:00.000Z', by: 'admin', note: 'R8.12.4 修正', sha256: 'b'.repeat(64) },
    ]);
    expect(rows[0]!.at).toBe('2026-12-03 10:00');
    const csv = csvText(versionsCsv(rows, [second])).split('\r\n');
    expect(csv[1]).toBe(`1,2026-12-03 10:00,cli,初版,${'a'.repeat(64)},,,,`);
    expect(csv[2]).toBe(`2,2026-12-04 10:00,admin,R8.12.4 修正,${'b'.repeat(64)},1,${ACTUAL},362,401`);
  });
});
