// Any valid document comes back from its data workbook as itself (documented equivalences
// aside: an absent list and [] alike, except on a placement).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArbitrary } from '../../../test/factories.js';
import { compute } from '../compute.js';
import { validateDocument } from '../validate.js';
import { writeDataWorkbook } from './data-workbook.js';
import { readWorkbook } from './read-workbook.js';
import { comparable } from './test-support.js';

describe('data workbook round trip of generated documents', () => {
  it('reads back every valid document it writes', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary(), async (input) => {
        const valid = validateDocument(input);
        fc.pre(valid.ok);
        if (!valid.ok) return;
        const reading = await readWorkbook(await writeDataWorkbook(compute(valid.document)));
        if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 3)));
        expect(comparable(reading.value)).toEqual(comparable(valid.document));
      }),
      { numRuns: 40 },
    );
  });
});
