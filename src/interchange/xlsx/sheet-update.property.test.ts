// An exported PDCA sheet read back with nothing typed changes nothing, for any valid
// document: every row's cells read back as written (their fingerprint holds), and the
// update is the stored document itself.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArbitrary } from '../../../test/factories.js';
import type { HyokaDocument } from '../../domain/model.js';
import { compute } from '../compute.js';
import { generateDocument } from '../generate.js';
import { validateDocument } from '../validate.js';
import { writePdcaWorkbook } from './pdca-sheet.js';
import { findKeysSheet, readKeys } from './sheet-keys.js';
import { readSheetUpdate } from './sheet-update.js';
import { comparable, demoDocument } from './test-support.js';

describe('the PDCA sheet workbook read back unedited', () => {
  it('changes nothing in a generated document, whole or filtered to a division', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary(), fc.boolean(), async (input, filtered) => {
        const valid = validateDocument(input);
        fc.pre(valid.ok);
        if (!valid.ok) return;
        const doc = valid.document;
        const division = doc.projects[0]?.division;
        const bytes = await writePdcaWorkbook(compute(doc), { ...(filtered && division !== undefined && { filter: { division } }) });
        const reading = await readSheetUpdate(doc, bytes);
        if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 3)));
        expect(reading.changes).toEqual([]);
        expect(comparable(reading.document)).toEqual(comparable(doc));
      }),
      { numRuns: 30 },
    );
  });

  it('changes nothing when each number actual is typed again as a plain number (every such row compared cell by cell)', async () => {
    const demo = await retypeActuals(demoDocument());
    expect(demo.typed).toBeGreaterThan(20);
    expect(demo.changes).toEqual([]);
    await fc.assert(
      fc.asyncProperty(documentArbitrary(), async (input) => {
        const valid = validateDocument(input);
        fc.pre(valid.ok);
        if (!valid.ok) return;
        expect((await retypeActuals(valid.document)).changes).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('changes nothing in a synthetic organization of 200 projects', async () => {
    const doc = generateDocument({ projects: 200, seed: 7 });
    const reading = await readSheetUpdate(doc, await writePdcaWorkbook(compute(doc)));
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 3)));
    expect(reading.changes).toEqual([]);
  });
});

/** Exports the document, types every number actual the sheet shows as a plain number (2,032人 → 2032), and reads it back. */
async function retypeActuals(doc: HyokaDocument): Promise<{ typed: number; changes: unknown[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writePdcaWorkbook(compute(doc))) as unknown as ArrayBuffer);
  const keys = readKeys(findKeysSheet(workbook)!, [])!;
  let typed = 0;
  for (const key of keys.rows) {
    const project = doc.projects.find((candidate) => candidate.key === key.project)!;
    key.indicators.forEach((indicatorKey, index) => {
      const indicator = project.indicators!.find((candidate) => candidate.key === indicatorKey)!;
      for (const period of indicator.periods ?? []) {
        const offset = period.fiscalYear - keys.fiscalYear;
        if (typeof period.actual !== 'number' || offset < 0 || offset > 2) continue;
        workbook.getWorksheet(key.sheet)!.getCell(key.first + index * 3 + 1, 10 + offset).value = period.actual;
        typed++;
      }
    });
  }
  const reading = await readSheetUpdate(doc, Buffer.from(await workbook.xlsx.writeBuffer()));
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 3)));
  return { typed, changes: reading.changes };
}
