// Export → import → export: the CSV tables give back the periods and budgets of a document
// exactly, both into the document they came from and into one stripped of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { buildRichDocument } from '../../../test/factories.js';
import { type CsvReadResult, readCsv } from './read.js';
import type { CsvEncoding } from './encode.js';
import type { CsvOutput } from './table.js';
import { writeBudgetsCsv, writePeriodsCsv } from './write.js';
import { stripPeriodsAndBudgets, withoutExtras } from './round-trip.fixtures.js';

const demo = (): HyokaDocument => JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8'));

function bytes(out: CsvOutput): Uint8Array {
  if (!out.ok) throw new Error(out.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return out.bytes;
}
function accepted(result: CsvReadResult) {
  if (!result.ok) throw new Error(result.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result;
}

/** Both tables of `doc` read into `base`, in the given encoding. */
function importBoth(doc: HyokaDocument, base: HyokaDocument | undefined, encoding: CsvEncoding = 'utf-8') {
  const periods = bytes(writePeriodsCsv(doc, { encoding }));
  const budgets = bytes(writeBudgetsCsv(doc, { encoding }));
  const afterPeriods = accepted(readCsv(periods, base));
  const afterBudgets = accepted(readCsv(budgets, afterPeriods.document));
  return { periods, budgets, afterPeriods, afterBudgets, document: afterBudgets.document };
}

describe.each([
  ['the demo document (北九州市)', demo],
  ['the rich document', buildRichDocument],
])('round trip of %s', (_name, make) => {
  it.each(['utf-8', 'cp932'] as const)('into the same document gives it back unchanged (%s)', (encoding) => {
    const doc = make();
    const { document, afterPeriods, afterBudgets, periods, budgets } = importBoth(doc, doc, encoding);
    expect(document).toEqual(doc);
    expect(afterPeriods.changes).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(afterBudgets.changes).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(bytes(writePeriodsCsv(document, { encoding }))).toEqual(periods);
    expect(bytes(writeBudgetsCsv(document, { encoding }))).toEqual(budgets);
  });

  it('into the document stripped of its periods and budgets puts them back', () => {
    const doc = make();
    const { document, periods, budgets, afterPeriods } = importBoth(doc, stripPeriodsAndBudgets(doc));
    expect(withoutExtras(document)).toEqual(withoutExtras(doc));
    expect(afterPeriods.changes.added).toBeGreaterThan(0);
    expect(bytes(writePeriodsCsv(document))).toEqual(periods);
    expect(bytes(writeBudgetsCsv(document))).toEqual(budgets);
  });

  it('without a base gives a fragment with every period', () => {
    const doc = make();
    const { document } = importBoth(doc, undefined);
    const keys = (d: HyokaDocument) => d.projects.flatMap((p) => (p.indicators ?? []).flatMap((i) => (i.periods ?? []).map((x) => `${p.key}/${i.key}/${x.fiscalYear}`)));
    expect(keys(document)).toEqual(keys(doc));
    expect(document.organization).toEqual({ name: doc.organization.name, code: doc.organization.code });
    expect(document.projects.every((p) => p.placements.length === 0)).toBe(true);
  });
});

it('keeps the demo document as the export of the seed: 107 periods, 42 budgets', () => {
  const { afterPeriods, afterBudgets } = importBoth(demo(), demo());
  expect(afterPeriods.rows).toBe(107);
  expect(afterBudgets.rows).toBe(42);
});
