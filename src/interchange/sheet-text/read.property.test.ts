// Whatever the text, readSheetText returns a valid document and a report, never throws,
// and never falls back on its catch-all (which would mean a reader bug).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../validate.js';
import { readSheetText } from './read.js';

const seedLines = readFileSync(new URL('../../../data/kitakyushu.sheet.txt', import.meta.url), 'utf8').split('\n');

function check(text: string): void {
  const { document, report } = readSheetText(text, { organization: '試験市' });
  const validation = validateDocument(document);
  expect(validation.ok ? [] : validation.problems).toEqual([]);
  expect(report.unplaced.filter((i) => i.message.includes('予期しない'))).toEqual([]);
  // The builder's drafts are valid as built: the safety net that drops invalid records never fires.
  expect(report.unplaced.filter((i) => i.message.includes('hyoka/1 として正しくありません'))).toEqual([]);
  if (document.projects.length === 0) expect(report.unplaced.length).toBeGreaterThan(0);
}

// Cells like the sheet's, so that random lines get past the first checks and exercise the readers.
const sheetCell = fc.oneof(
  fc.constantFrom('目標', '実績', '達成率', '指標名等', '現状値 (基準値)', '継続', '拡大', '順調', '大変 順調', '増額', '維持', '—', '④ ⑩', '8 11 17', 'R3年度', 'R4年度 予算額 (千円)'),
  fc.constantFrom('I-2-(1)-② 大学', 'VII-3- (I)-① 連携', '国際 政策 課', '54.0 %', '目標 54.0 %', '実績 59.9 %', '達成率 110.9 %', '62% (R6年 度)', '前年度比 (64,616 件) 増', '10位以内', '1,500,0 00件 (R5年 度)'),
  fc.integer({ min: 0, max: 40 }).map(String),
  fc.string({ maxLength: 12 }),
);
const sheetLine = fc.array(fc.oneof(sheetCell, fc.constant('')), { maxLength: 24 }).map((cells) => cells.join('\t'));

describe('readSheetText, properties', () => {
  it('survives random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => check(text)), { numRuns: 200 });
  });

  it('survives random lines made of the sheet’s own kinds of cells', () => {
    fc.assert(fc.property(fc.array(sheetLine, { maxLength: 30 }), (lines) => check(lines.join('\n'))), { numRuns: 200 });
  });

  it('survives the seed shuffled and truncated', () => {
    const shuffled = fc.shuffledSubarray(seedLines, { minLength: 0, maxLength: seedLines.length });
    fc.assert(fc.property(shuffled, fc.nat(seedLines.length), (lines, cut) => check(lines.slice(0, cut).join('\n'))), { numRuns: 60 });
  });

  it('survives the seed with random tabs deleted or truncated mid-line', () => {
    const seed = seedLines.join('\n');
    const tabs = [...seed.matchAll(/\t/gu)].map((m) => m.index as number);
    const edits = fc.record({ drop: fc.uniqueArray(fc.nat(tabs.length - 1), { maxLength: 200 }), cut: fc.nat(seed.length) });
    fc.assert(
      fc.property(edits, ({ drop, cut }) => {
        const gone = new Set(drop.map((i) => tabs[i]));
        check(seed.slice(0, cut).split('').filter((_, i) => !gone.has(i)).join(''));
      }),
      { numRuns: 60 },
    );
  });
});
