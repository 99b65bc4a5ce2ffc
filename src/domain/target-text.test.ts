import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Baseline, MidTerm, Target } from './model.js';
import { classifyTarget, readBaseline, readMidTerm } from './target-text.js';

// Cells as the seed sheet's text layer prints them (spaces from its line wrapping included).
describe('classifyTarget', () => {
  it.each<[string, string | undefined, Target | undefined]>([
    ['—', '%', undefined],
    ['', '%', undefined],
    ['  ', undefined, undefined],
    ['単年度目標 設定なし', '%', { kind: 'none', note: '単年度目標 設定なし' }],
    ['設定なし', undefined, { kind: 'none', note: '設定なし' }],
    ['現観光振興 プラン更新 時に設定', '人', { kind: 'pending', note: '現観光振興 プラン更新 時に設定' }],
    [
      '現観光振興プランの数値を踏まえ、令和5年度中に設定予定',
      '人',
      { kind: 'pending', note: '現観光振興プランの数値を踏まえ、令和5年度中に設定予定' },
    ],
    ['10位以内', '位', { kind: 'rank', atMost: 10 }],
    ['10位以内', undefined, { kind: 'rank', atMost: 10 }],
    ['前年度比 (64,616 件) 増', '件', { kind: 'previous-year', base: 64616, direction: 'increase' }],
    ['前年度比 (112,654万 円) 増', '万円', { kind: 'previous-year', base: 112654, direction: 'increase' }],
    ['前年度比 (112,654万 円) 増', '円', { kind: 'previous-year', base: 1126540000, direction: 'increase' }],
    ['前年度比 (112,654万円) 増', undefined, { kind: 'previous-year', base: 112654, direction: 'increase' }],
    ['前年度比（500件）減', '件', { kind: 'previous-year', base: 500, direction: 'decrease' }],
    ['前年度比増', '件', { kind: 'previous-year', direction: 'increase' }],
    ['前年度比減', '件', { kind: 'previous-year', direction: 'decrease' }],
    ['54.0 %', '%', 54],
    ['2,700 人', '人', 2700],
    ['15,000 件', '件', 15000],
    ['40事業', '事業', 40],
    ['1 回', undefined, 1],
    ['80%以上', '%', 80],
    ['160人', '人', 160],
    ['450万人', '人', 4500000],
    ['A (計画どおり)', '', { kind: 'qualitative', text: 'A (計画どおり)' }],
    ['ユネスコへの報告書作成', '', { kind: 'qualitative', text: 'ユネスコへの報告書作成' }],
    [
      '関門地域の活 性化に資する 連携会議等',
      '',
      { kind: 'qualitative', text: '関門地域の活 性化に資する 連携会議等' },
    ],
    ['約20%削減', '%', { kind: 'qualitative', text: '約20%削減' }],
    ['約20%削減', undefined, { kind: 'qualitative', text: '約20%削減' }],
    ['前年度比10%増', '%', { kind: 'qualitative', text: '前年度比10%増' }],
    ['5件', '%', { kind: 'qualitative', text: '5件' }],
    ['4期計画の策定', undefined, { kind: 'qualitative', text: '4期計画の策定' }],
  ])('%j (unit %j)', (text, unit, target) => {
    expect(classifyTarget(text, unit)).toEqual({ ok: true, value: target });
  });

  it.each([
    ['十位以内', '位', '「十位以内」は数値ではありません / 「十位以内」 is not a number'],
    ['0位以内', '位', '「0位以内」の順位は1以上の整数で書いてください (例: 10位以内) / 「0位以内」: write the rank as a whole number of 1 or more (e.g. 10位以内)'],
    ['2.5位以内', '位', '「2.5位以内」の順位は1以上の整数で書いてください (例: 10位以内) / 「2.5位以内」: write the rank as a whole number of 1 or more (e.g. 10位以内)'],
    ['前年度比 (十件) 増', '件', '「前年度比 (十件) 増」の前年度の値「十件」は数値ではありません / 「前年度比 (十件) 増」: the previous year\'s figure 「十件」 is not a number'],
    ['前年度比 (5人) 増', '件', '単位「人」は「件」に換算できません / the unit 「人」 cannot be expressed in 「件」'],
  ])('a rank or previous-year figure that cannot be read is an error: %j', (text, unit, error) => {
    expect(classifyTarget(text, unit)).toEqual({ ok: false, error });
  });
});

describe('readMidTerm', () => {
  it.each<[string, string | undefined, MidTerm | undefined]>([
    ['A (毎年 度)', '', { target: { kind: 'qualitative', text: 'A' }, basis: 'every-year', label: 'A (毎年 度)' }],
    ['A (R6年 度)', '', { target: { kind: 'qualitative', text: 'A' }, basis: 'by-year', fiscalYear: 2024, label: 'A (R6年 度)' }],
    ['62% (R6年度)', '%', { target: 62, basis: 'by-year', fiscalYear: 2024, label: '62% (R6年度)' }],
    ['80%以 上 (R6年 度)', '%', { target: 80, basis: 'by-year', fiscalYear: 2024, label: '80%以 上 (R6年 度)' }],
    ['累計60件 (R5年度)', '件', { target: 60, basis: 'cumulative', fiscalYear: 2023, label: '累計60件 (R5年度)' }],
    ['19件 (R2～R6 年度)', '件', { target: 19, basis: 'span', from: 2020, to: 2024, label: '19件 (R2～R6 年度)' }],
    ['450人 (R3～R5 年)', '人', { target: 450, basis: 'span', from: 2021, to: 2023, calendar: true, label: '450人 (R3～R5 年)' }],
    ['2件以上 (毎年 度)', '件', { target: 2, basis: 'every-year', label: '2件以上 (毎年 度)' }],
    ['登録者数計3,100人 (R5年度)', '人', { target: 3100, basis: 'by-year', fiscalYear: 2023, label: '登録者数計3,100人 (R5年度)' }],
    ['登録者 数計 3,100人 (R5年 度)', undefined, { target: 3100, basis: 'by-year', fiscalYear: 2023, label: '登録者 数計 3,100人 (R5年 度)' }],
    ['新規移住相談者数200人 (毎年度)', '人', { target: 200, basis: 'every-year', label: '新規移住相談者数200人 (毎年度)' }],
    ['10位以内 (毎年度)', '位', { target: { kind: 'rank', atMost: 10 }, basis: 'every-year', label: '10位以内 (毎年度)' }],
    ['1,500,0 00件 (R5年 度)', '件', { target: 1500000, basis: 'by-year', fiscalYear: 2023, label: '1,500,0 00件 (R5年 度)' }],
    ['約20%削減 (R37年度)', '%', { target: { kind: 'qualitative', text: '約20%削減' }, basis: 'by-year', fiscalYear: 2055, label: '約20%削減 (R37年度)' }],
    [
      'ユネスコへの報告書作成 (毎年度)',
      '',
      { target: { kind: 'qualitative', text: 'ユネスコへの報告書作成' }, basis: 'every-year', label: 'ユネスコへの報告書作成 (毎年度)' },
    ],
    [
      '現観光振興プランの数値を踏まえ、令和5年度中に設定予定',
      '人',
      {
        target: { kind: 'pending', note: '現観光振興プランの数値を踏まえ、令和5年度中に設定予定' },
        label: '現観光振興プランの数値を踏まえ、令和5年度中に設定予定',
      },
    ],
    ['—', '件', undefined],
    ['', '件', undefined],
  ])('%j (unit %j)', (text, unit, midTerm) => {
    expect(readMidTerm(text, unit)).toEqual({ ok: true, value: midTerm });
  });

  it.each([
    ['A', '中期目標「A」に期限がありません (例: (R6年度)、(毎年度)、(R2～R6年度)) / the mid-term 「A」 has no due date (e.g. (R6年度), (毎年度), (R2～R6年度))'],
    ['62% (そのうち)', '中期目標「62% (そのうち)」に期限がありません (例: (R6年度)、(毎年度)、(R2～R6年度)) / the mid-term 「62% (そのうち)」 has no due date (e.g. (R6年度), (毎年度), (R2～R6年度))'],
    ['— (R6年度)', '中期目標「— (R6年度)」に目標がありません / the mid-term 「— (R6年度)」 has no target'],
    ['十位以内 (毎年度)', '「十位以内」は数値ではありません / 「十位以内」 is not a number'],
  ])('refuses %j', (text, error) => {
    expect(readMidTerm(text, '位')).toEqual({ ok: false, error });
  });
});

describe('readBaseline', () => {
  it.each<[string, string | undefined, Baseline | undefined]>([
    ['51.8% (H29年 度)', '%', { value: 51.8, fiscalYear: 2017, label: '51.8% (H29年 度)' }],
    ['約450万 円 (H24年 度)', '万円', { value: 450, approx: true, fiscalYear: 2012, label: '約450万 円 (H24年 度)' }],
    ['約450万円 (H24年度)', '円', { value: 4500000, approx: true, fiscalYear: 2012, label: '約450万円 (H24年度)' }],
    ['24件 (H26～ H30年 度)', '件', { value: 24, from: 2014, to: 2018, label: '24件 (H26～ H30年 度)' }],
    ['現状把握のための調査継続', '', { text: '現状把握のための調査継続' }],
    ['64人', '人', { value: 64, label: '64人' }],
    ['0人 (R1年)', '人', { value: 0, fiscalYear: 2019, calendar: true, label: '0人 (R1年)' }],
    ['177.4万 人 (H27年)', '人', { value: 1774000, fiscalYear: 2015, calendar: true, label: '177.4万 人 (H27年)' }],
    ['80,400 百万円 (R2 年)', '百万円', { value: 80400, fiscalYear: 2020, calendar: true, label: '80,400 百万円 (R2 年)' }],
    ['2,032人 (R1年 度)', undefined, { value: 2032, fiscalYear: 2019, label: '2,032人 (R1年 度)' }],
    ['5件 (R1年度)', '%', { text: '5件', fiscalYear: 2019, label: '5件 (R1年度)' }],
    ['—', '%', undefined],
  ])('%j (unit %j)', (text, unit, baseline) => {
    expect(readBaseline(text, unit)).toEqual(baseline);
  });
});

describe('properties', () => {
  const cellText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.stringMatching(/^(累計|前年度比 ?\(|約)?[0-9,十 ]{0,8}[人件%位]?(以上|以内|\) ?増|削減)? ?(\((R[0-9]{1,2}(～R?[0-9])?年度?|毎年度)\))?$/),
  );
  const unit = fc.constantFrom(undefined, '', '%', '件', '万円', '位');

  it('never throw, and give a value or a bilingual message', () => {
    fc.assert(
      fc.property(cellText, unit, (text, u) => {
        for (const read of [classifyTarget(text, u), readMidTerm(text, u)]) {
          if (!read.ok) expect(read.error).toMatch(/\S \/ \S/);
        }
        const baseline = readBaseline(text, u);
        if (baseline) expect(baseline.value !== undefined || baseline.text !== undefined).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('read a number written with the indicator unit back as that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom('%', '件', '人', '事業'), fc.boolean(), (n, u, commas) => {
        const text = `${commas ? n.toLocaleString('en-US') : n}${u}`;
        expect(classifyTarget(text, u)).toEqual({ ok: true, value: n });
        expect(readMidTerm(`${text} (R6年度)`, u)).toEqual({ ok: true, value: { target: n, basis: 'by-year', fiscalYear: 2024, label: `${text} (R6年度)` } });
      }),
      { numRuns: 300 },
    );
  });
});
