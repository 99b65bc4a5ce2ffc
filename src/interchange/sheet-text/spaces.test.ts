import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { despace, despaceLabel } from './spaces.js';

describe('despace', () => {
  it.each([
    // Stray: inside words, between a number and its unit, around brackets in wrapped cells.
    ['(公財) アジ ア成長研究所 補助金', '(公財)アジア成長研究所補助金'],
    ['国際 政策 課', '国際政策課'],
    ['本市を含めた18 市町で形成され た、連携中枢都市', '本市を含めた18市町で形成された、連携中枢都市'],
    ['5 本', '5本'],
    ['1,500,0 00件', '1,500,000件'],
    ['外国人市民の生活 環境の向上 (多文化共生の現 状調査で暮らしや すいと回答)', '外国人市民の生活環境の向上(多文化共生の現状調査で暮らしやすいと回答)'],
    ['北九州市の認知度 (地域ブランド調査によるもの)', '北九州市の認知度(地域ブランド調査によるもの)'],
    // Real: a label's bracket after a Latin letter, list markers, a paragraph break after 。 or 】.
    ['A (計画ど おり)', 'A (計画どおり)'],
    ['支援する。 また、老朽化', '支援する。\nまた、老朽化'],
    ['【中期目標の変更内容】 これまで固定された4分野 の部会', '【中期目標の変更内容】\nこれまで固定された4分野の部会'],
    // An unwrapped paragraph keeps its spaces (a piece longer than a narrow column holds).
    [
      '市民自らがまちの魅力を発信するウェブサイト「北九州市 時と風の博物館」を通じて、本市の魅力を発掘・再発見し',
      '市民自らがまちの魅力を発信するウェブサイト「北九州市 時と風の博物館」を通じて、本市の魅力を発掘・再発見し',
    ],
    ['向けて、 (1) ウェブサイト「北九州市 時と風の博物館」を通じたシビックプライドの向上', '向けて、\n(1) ウェブサイト「北九州市 時と風の博物館」を通じたシビックプライドの向上'],
    ['  ', ''],
  ])('%s', (printed, expected) => {
    expect(despace(printed)).toBe(expected);
  });
});

describe('despaceLabel', () => {
  it.each([
    ['80%以 上 (R6年 度)', '80%以上 (R6年度)'],
    ['登録者 数計 3,100人 (R5年 度)', '登録者数計3,100人 (R5年度)'],
    ['80,400 百万円 (R2 年)', '80,400百万円 (R2年)'],
    ['52観光 振興プ ラン更 新を踏 まえ、 令和5 年度中 に設定 予定', '52観光振興プラン更新を踏まえ、令和5年度中に設定予定'],
  ])('%s', (printed, expected) => {
    expect(despaceLabel(printed)).toBe(expected);
  });
});

describe('despace, properties', () => {
  it('changes only whitespace, never the other characters or their order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const strip = (s: string) => s.replace(/[\s\u3000]+/gu, '');
        expect(strip(despace(text))).toBe(strip(text));
        expect(strip(despaceLabel(text))).toBe(strip(text));
      }),
    );
  });
});
