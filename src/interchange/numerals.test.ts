import { describe, expect, it } from 'vitest';
import { amountOf, fiscalYearOf, measureOf, rankOf } from './numerals.js';

const value = (n: number) => ({ ok: true, value: n });

describe('fiscalYearOf', () => {
  it.each<[string | number, boolean, number]>([
    [2021, false, 2021],
    ['R3年度', false, 2021],
    ['令和3年度', false, 2021],
    ['2021年度', false, 2021],
    ['2021', false, 2021],
    ['R3年', true, 2021],
    ['H27年', true, 2015],
  ])('%j (calendar %s) → %i', (input, calendar, year) => {
    expect(fiscalYearOf(input, calendar)).toEqual(value(year));
  });
  it.each<[string | number, string]>([
    [21, '年度は西暦4桁の整数か "R3年度" のような文字列で書いてください (21 と書かれています) / a fiscal year is a four-digit Western year or text such as "R3年度", not 21'],
    [2021.5, '年度は西暦4桁の整数か "R3年度" のような文字列で書いてください (2021.5 と書かれています) / a fiscal year is a four-digit Western year or text such as "R3年度", not 2021.5'],
    ['R3年', '「R3年」は暦年です。年度は「R3年度」のように書いてください (暦年なら calendar: true) / 「R3年」 is a calendar year; write a fiscal year like 「R3年度」 (or set calendar: true)'],
  ])('refuses %j', (input, error) => {
    expect(fiscalYearOf(input, false)).toEqual({ ok: false, error });
  });
});

describe('measureOf', () => {
  it.each<[string | number, string, number]>([
    [59.9, '%', 59.9],
    ['59.9 %', '%', 59.9],
    ['５９．９％', '%', 59.9],
    ['2,961 人', '人', 2961],
    ['177.4万人', '人', 1774000],
    ['181,809 万円', '万円', 181809],
    ['-3', '人', -3],
    ['1,500,0 00', '件', 1500000],
  ])('%j in 「%s」 → %d', (input, unit, n) => {
    expect(measureOf(input, unit, 'value')).toEqual(value(n));
  });
  it('names the indicator unit when another is written', () => {
    expect(measureOf('3件', '', 'value')).toEqual({
      ok: false,
      error: '「3件」の単位「件」は指標の単位「」ではありません。単位を省くか「」で書いてください / 「3件」: the unit 「件」 is not the indicator\'s unit 「」; leave the unit out or use 「」',
    });
  });
  it('says what to write instead of words, by role', () => {
    expect(measureOf('なし', '%', 'value')).toEqual({ ok: false, error: '「なし」は数値ではありません / 「なし」 is not a number' });
    expect(measureOf('なし', '%', 'target')).toEqual({
      ok: false,
      error: '「なし」は数値ではありません。数値でない目標は {"kind": "qualitative", "text": …} や {"kind": "none"} の形で書いてください / 「なし」 is not a number; write a target that is not a number as an object such as {"kind": "qualitative", "text": …} or {"kind": "none"}',
    });
  });
});

describe('amountOf', () => {
  it.each<[string | number, number]>([
    [42803, 42803],
    [0, 0],
    ['42,803', 42803],
    ['42,803千円', 42803],
    ['4,280.3万円', 42803],
    ['42,803,000円', 42803],
    ['0.0428億円', 4280],
    ['４２，８０３', 42803],
  ])('%j → %i thousand yen', (input, n) => {
    expect(amountOf(input)).toEqual(value(n));
  });
  it.each<[string | number]>([[-1], [1.5], ['42,803,500円'], ['約42,803'], ['5万'], ['3人']])('refuses %j', (input) => {
    const result = amountOf(input);
    expect(result.ok).toBe(false);
  });
});

describe('rankOf', () => {
  it.each<[string | number, number]>([
    [10, 10],
    ['10', 10],
    ['10位', 10],
    ['10位以内', 10],
    ['１０位', 10],
  ])('%j → %i', (input, n) => {
    expect(rankOf(input)).toEqual(value(n));
  });
  it.each<[string | number, string]>([
    [0, '順位は1以上の整数で書いてください (0 と書かれています) / a rank is a whole number of 1 or more, not 0'],
    ['2.5位', '順位は1以上の整数で書いてください ("2.5位" と書かれています) / a rank is a whole number of 1 or more, not "2.5位"'],
    ['10件', '順位は1以上の整数で書いてください ("10件" と書かれています) / a rank is a whole number of 1 or more, not "10件"'],
    ['10位以上', '「10位以上」の「以上」は保存できません。数値だけを書いてください / 「10位以上」: 以上 cannot be stored; write the number alone'],
  ])('refuses %j', (input, error) => {
    expect(rankOf(input)).toEqual({ ok: false, error });
  });
});
