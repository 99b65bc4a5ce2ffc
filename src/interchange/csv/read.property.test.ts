// readCsv on anything: random text, random bytes, and real exports cut short or garbled
// give problems or a document, never an exception. Random documents make the round trip.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { HyokaDocument } from '../../domain/model.js';
import { documentArbitrary } from '../../../test/factories.js';
import { type CsvReadResult, readCsv } from './read.js';
import { stripPeriodsAndBudgets, withoutExtras } from './round-trip.fixtures.js';
import type { CsvOutput } from './table.js';
import { writeBudgetsCsv, writePeriodsCsv } from './write.js';

const demo: HyokaDocument = JSON.parse(readFileSync(new URL('../../../data/kitakyushu.hyoka.json', import.meta.url), 'utf8'));

function bytes(out: CsvOutput): Uint8Array {
  if (!out.ok) throw new Error(out.problems[0]!.message);
  return out.bytes;
}

/** A result of the promised shape: a document, or problems that each say where and what. */
function wellFormed(result: CsvReadResult): void {
  if (result.ok) {
    expect(result.document.format).toBe('hyoka/1');
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message).toContain(' / ');
  }
}

const exports = {
  periods: bytes(writePeriodsCsv(demo)),
  budgets: bytes(writeBudgetsCsv(demo)),
  periodsCp932: bytes(writePeriodsCsv(demo, { encoding: 'cp932' })),
};

describe('readCsv never throws', () => {
  const bases = fc.constantFrom(undefined, demo);

  it('on random text', () => {
    const header = fc.constantFrom('', '事業キー,指標キー,年度,目標の種類,目標,実績\r\n', '事業キー,年度,予算額(千円),人件費(目安)(千円)\n', 'projectKey\tindicatorKey\tfiscalYear\ttarget\n');
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('tabunka', 'ninchido', '2021', 'R3年度', '数値', '定性', '順位', '"', "'=1", '10位以内', '１，０００人', '前年度比 増'));
    const body = fc.array(fc.array(cell, { maxLength: 8 }).map((cells) => cells.join(',')), { maxLength: 6 }).map((lines) => lines.join('\r\n'));
    fc.assert(
      fc.property(header, body, bases, (head, text, base) => {
        wellFormed(readCsv(new TextEncoder().encode(head + text), base));
      }),
      { numRuns: 300 },
    );
  });

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), bases, (random, base) => {
        wellFormed(readCsv(random, base));
      }),
      { numRuns: 300 },
    );
  });

  it('on exports cut short or with bytes changed', () => {
    const source = fc.constantFrom(exports.periods, exports.budgets, exports.periodsCp932);
    const damaged = source.chain((file) =>
      fc.oneof(
        fc.integer({ min: 0, max: file.length }).map((cut) => file.subarray(0, cut)),
        fc.array(fc.tuple(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
          const copy = new Uint8Array(file);
          for (const [at, value] of edits) copy[at] = value;
          return copy;
        }),
      ),
    );
    fc.assert(
      fc.property(damaged, bases, (file, base) => {
        wellFormed(readCsv(file, base));
      }),
      { numRuns: 150 },
    );
  });

  it('reads a CP932 export cut short as CP932, or says where it breaks', () => {
    const cut = exports.periodsCp932.subarray(0, Math.floor(exports.periodsCp932.length / 2));
    const result = readCsv(cut, demo);
    if (!result.ok) expect(result.problems[0]!.path).toMatch(/行目/u);
    expect(new TextDecoder('shift_jis').decode(exports.periodsCp932)).toBe(iconv.decode(Buffer.from(exports.periodsCp932), 'cp932'));
  });
});

describe('round trip of random documents', () => {
  it('into the same document: nothing changes, the CSV is the same', () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        const periods = bytes(writePeriodsCsv(doc));
        const budgets = bytes(writeBudgetsCsv(doc));
        const first = readCsv(periods, doc);
        if (!first.ok) throw new Error(first.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        const second = readCsv(budgets, first.document);
        if (!second.ok) throw new Error(second.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        expect(first.changes).toMatchObject({ added: 0, updated: 0, removed: 0 });
        expect(second.changes).toMatchObject({ added: 0, updated: 0, removed: 0 });
        expect(second.document).toEqual(doc);
        expect(bytes(writePeriodsCsv(second.document))).toEqual(periods);
        expect(bytes(writeBudgetsCsv(second.document))).toEqual(budgets);
      }),
      { numRuns: 60 },
    );
  });

  it('into the document stripped of them: the periods and budgets come back', () => {
    fc.assert(
      fc.property(documentArbitrary(), (doc) => {
        const periods = bytes(writePeriodsCsv(doc));
        const budgets = bytes(writeBudgetsCsv(doc));
        const first = readCsv(periods, stripPeriodsAndBudgets(doc));
        if (!first.ok) throw new Error(first.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        const second = readCsv(budgets, first.document);
        if (!second.ok) throw new Error(second.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        expect(withoutExtras(second.document)).toEqual(withoutExtras(doc));
        expect(bytes(writePeriodsCsv(second.document))).toEqual(periods);
        expect(bytes(writeBudgetsCsv(second.document))).toEqual(budgets);
      }),
      { numRuns: 60 },
    );
  });
});
