// The writers on random documents: CP932 output either decodes back to the UTF-8 output
// (with the wave-dash family mapped) or is refused with problems that point at cells
// holding the characters named; open data never fails.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArbitrary } from '../../../test/factories.js';
import { openDataFiles } from '../open-data/files.js';
import { cp932Lookalikes } from './encode.js';
import { writeBudgetsCsv, writePeriodsCsv } from './write.js';

const cells = (text: string) => parse(text, { relax_column_count: true }) as string[][];

describe('writers on random documents', () => {
  it('CP932: the same cells as UTF-8, or a problem for each cell CP932 cannot hold', () => {
    fc.assert(
      fc.property(documentArbitrary(), fc.constantFrom(writePeriodsCsv, writeBudgetsCsv), (doc, write) => {
        const utf8 = write(doc);
        const cp932 = write(doc, { encoding: 'cp932' });
        if (!utf8.ok) throw new Error('UTF-8 never refuses');
        const expected = cells(cp932Lookalikes(new TextDecoder().decode(utf8.bytes)));
        if (cp932.ok) {
          expect(cells(new TextDecoder('shift_jis', { fatal: true }).decode(cp932.bytes))).toEqual(expected);
          return;
        }
        expect(cp932.problems.length).toBeGreaterThan(0);
        const lines = new TextDecoder().decode(utf8.bytes).slice(1).split(/\r\n|\r|\n/u);
        for (const problem of cp932.problems) {
          if (problem.line === undefined) {
            expect(problem.message).toMatch(/^ほかに \d+ か所あります/u); // past 500, the rest are counted
            continue;
          }
          const char = /「(.+?)」\(U\+/su.exec(problem.message)?.[1];
          expect(char).toBeDefined();
          expect(lines[problem.line! - 1]).toContain(char);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('open data: one project row per project, whatever the document', () => {
    fc.assert(
      fc.property(documentArbitrary(), fc.integer({ min: 2010, max: 2030 }), (doc, year) => {
        const files = openDataFiles(doc, year, { date: '2026-04-01' });
        const projects = files.find((file) => file.path.endsWith(`_projects_${year}.json`))!;
        expect(JSON.parse(new TextDecoder().decode(projects.bytes))).toHaveLength(doc.projects.length);
      }),
      { numRuns: 40 },
    );
  });
});
