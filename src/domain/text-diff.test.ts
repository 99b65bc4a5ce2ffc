import { describe, expect, it } from 'vitest';
import { textDiff, type DiffPart } from './text-diff.js';

const same = (text: string): DiffPart => ({ kind: 'same', text });
const del = (text: string): DiffPart => ({ kind: 'del', text });
const ins = (text: string): DiffPart => ({ kind: 'ins', text });

describe('textDiff', () => {
  const cases: { name: string; before: string; after: string; parts: DiffPart[] }[] = [
    { name: 'identical texts', before: '引き続き支援する。', after: '引き続き支援する。', parts: [same('引き続き支援する。')] },
    { name: 'both empty', before: '', after: '', parts: [] },
    { name: 'all new', before: '', after: '新規に実施する。', parts: [ins('新規に実施する。')] },
    { name: 'all removed', before: '廃止する。', after: '', parts: [del('廃止する。')] },
    { name: 'Japanese by character: an insertion', before: '情報発信を行う。', after: '効果的な情報発信を行う。', parts: [ins('効果的な'), same('情報発信を行う。')] },
    {
      name: 'Japanese by character: a replacement in the middle',
      before: 'セミナーを開催する。',
      after: 'セミナーをオンラインで開催する。',
      parts: [same('セミナーを'), ins('オンラインで'), same('開催する。')],
    },
    { name: 'a number changes whole', before: '目標は120人とする。', after: '目標は160人とする。', parts: [same('目標は'), del('120'), ins('160'), same('人とする。')] },
    { name: 'English by word', before: 'hold the online seminar', after: 'hold the city seminar', parts: [same('hold the '), del('online'), ins('city'), same(' seminar')] },
    {
      name: 'a deletion and an insertion apart',
      before: '(1) 周知を図る。\n(2) 調整を行う。',
      after: '(1) 周知を図った。\n(2) 調整を行う。\n(3) 検討する。',
      // The shared final 。 stays in place: the insertion is what comes before it.
      parts: [same('(1) 周知を図'), del('る'), ins('った'), same('。\n(2) 調整を行う'), ins('。\n(3) 検討する'), same('。')],
    },
  ];
  it.each(cases)('$name', ({ before, after, parts }) => {
    const diff = textDiff(before, after);
    expect(diff).toEqual(parts);
    // Read back: the kept and deleted parts make last year's text, the kept and inserted this year's.
    expect(diff.filter((p) => p.kind !== 'ins').map((p) => p.text).join('')).toBe(before);
    expect(diff.filter((p) => p.kind !== 'del').map((p) => p.text).join('')).toBe(after);
  });

  it('shows texts too long to compare as one deletion and one insertion, still reading back', () => {
    const before = 'あ'.repeat(2500) + 'い'.repeat(10);
    const after = 'う'.repeat(2500) + 'い'.repeat(10);
    expect(textDiff(before, after)).toEqual([del('あ'.repeat(2500)), ins('う'.repeat(2500)), same('い'.repeat(10))]);
  });
});
