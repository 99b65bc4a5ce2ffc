import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Quantity, inUnit, plainDecimal, readQuantity, scale } from './quantity.js';

const FULL_WIDTH = (text: string) => text.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readQuantity', () => {
  it.each<[string, Quantity]>([
    ['2,032人', { value: 2032, unit: '人', approx: false }],
    ['約450万円', { value: 450, unit: '円', approx: true, multiplier: '万' }],
    ['約450万 円', { value: 450, unit: '円', approx: true, multiplier: '万' }],
    ['80,400百万円', { value: 80400, unit: '円', approx: false, multiplier: '百万' }],
    ['80,400 百万円', { value: 80400, unit: '円', approx: false, multiplier: '百万' }],
    ['177.4万人', { value: 177.4, unit: '人', approx: false, multiplier: '万' }],
    ['59.9 %', { value: 59.9, unit: '%', approx: false }],
    ['54.0 %', { value: 54, unit: '%', approx: false }],
    ['80%以上', { value: 80, unit: '%', approx: false, qualifier: '以上' }],
    ['80%以 上', { value: 80, unit: '%', approx: false, qualifier: '以上' }],
    ['1,500,0 00件', { value: 1500000, unit: '件', approx: false }],
    ['7,386,517 件', { value: 7386517, unit: '件', approx: false }],
    ['330人以上', { value: 330, unit: '人', approx: false, qualifier: '以上' }],
    ['2件以上', { value: 2, unit: '件', approx: false, qualifier: '以上' }],
    ['10位以内', { value: 10, unit: '位', approx: false, qualifier: '以内' }],
    ['5件未満', { value: 5, unit: '件', approx: false, qualifier: '未満' }],
    ['3回以下', { value: 3, unit: '回', approx: false, qualifier: '以下' }],
    ['100人超', { value: 100, unit: '人', approx: false, qualifier: '超' }],
    ['２，０３２人', { value: 2032, unit: '人', approx: false }],
    ['５９．９％', { value: 59.9, unit: '％', approx: false }],
    ['3,144,000千円', { value: 3144000, unit: '円', approx: false, multiplier: '千' }],
    ['1.5億円', { value: 1.5, unit: '円', approx: false, multiplier: '億' }],
    ['40事業', { value: 40, unit: '事業', approx: false }],
    ['0人', { value: 0, unit: '人', approx: false }],
    ['-0', { value: 0, unit: '', approx: false }],
    ['▲1,200', { value: -1200, unit: '', approx: false }],
    ['－5', { value: -5, unit: '', approx: false }],
    ['0.000000123', { value: 1.23e-7, unit: '', approx: false }],
    ['49,243.4 %', { value: 49243.4, unit: '%', approx: false }],
  ])('%s', (text, quantity) => {
    expect(readQuantity(text)).toEqual({ ok: true, value: quantity });
  });

  it.each([
    ['十', '「十」は数値ではありません / 「十」 is not a number'],
    ['三件', '「三件」は数値ではありません / 「三件」 is not a number'],
    ['①件', '「①件」は数値ではありません / 「①件」 is not a number'],
    ['', '「」は数値ではありません / 「」 is not a number'],
    ['約', '「約」は数値ではありません / 「約」 is not a number'],
    ['A (計画どおり)', '「A (計画どおり)」は数値ではありません / 「A (計画どおり)」 is not a number'],
    ['1.2.3件', '「1.2.3件」は数値ではありません / 「1.2.3件」 is not a number'],
    ['1,50', '「1,50」の桁区切りのカンマの位置が正しくありません (例: 1,500,000) / 「1,50」 has misplaced thousands separators (e.g. 1,500,000)'],
    ['1000,000円', '「1000,000円」の桁区切りのカンマの位置が正しくありません (例: 1,500,000) / 「1000,000円」 has misplaced thousands separators (e.g. 1,500,000)'],
    ['12345678901234567890', '「12345678901234567890」は桁数が多すぎて正確に扱えません / 「12345678901234567890」 has too many digits to be kept exactly'],
  ])('refuses %j', (text, error) => {
    expect(readQuantity(text)).toEqual({ ok: false, error });
  });
});

describe('inUnit', () => {
  const read = (text: string) => {
    const q = readQuantity(text);
    if (!q.ok) throw new Error(q.error);
    return q.value;
  };
  it.each([
    ['177.4万人', '人', 1774000],
    ['177.4万人', '万人', 177.4],
    ['約450万円', '万円', 450],
    ['約450万円', '円', 4500000],
    ['約450万円', '千円', 4500],
    ['80,400百万円', '百万円', 80400],
    ['80,400百万円', '円', 80400000000],
    ['80,400百万円', '億円', 804],
    ['80,400百万円', '万円', 8040000],
    ['3,144,000千円', '千円', 3144000],
    ['112,654万円', '千円', 1126540],
    ['181,809 万 円', '万円', 181809],
    ['1,818,090,000円', '万円', 181809],
    ['59.9 %', '%', 59.9],
    ['59.9％', '%', 59.9],
    ['3ｋｍ', 'km', 3],
    ['59.9', '%', 59.9],
    ['450万', '円', 4500000],
    ['450万', '万円', 4500000],
    ['-1', '万円', -1],
    ['12', '千円', 12],
    ['5.1', '', 5.1],
    ['0.3万', '', 3000],
  ])('%s in 「%s」 is %d', (text, unit, value) => {
    expect(inUnit(read(text), unit)).toEqual({ ok: true, value });
  });

  it('refuses a unit it cannot convert', () => {
    expect(inUnit(read('2,032人'), '円')).toEqual({ ok: false, error: '単位「人」は「円」に換算できません / the unit 「人」 cannot be expressed in 「円」' });
    expect(inUnit(read('5件'), '')).toEqual({ ok: false, error: '単位「件」は「(なし)」に換算できません / the unit 「件」 cannot be expressed in 「(none)」' });
  });
});

describe('scale and plainDecimal', () => {
  it.each([
    [177.4, 4, 1774000],
    [0.1, -3, 0.0001],
    [1.5e-7, 2, 0.000015],
    [-12.5, 1, -125],
    [5.1, 0, 5.1],
  ])('scale(%d, %d) = %d', (value, exponent, result) => {
    expect(scale(value, exponent)).toBe(result);
  });
  it.each([
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [1e21, '1000000000000000000000'],
    [-1.25e22, '-12500000000000000000000'],
    [59.9, '59.9'],
  ])('plainDecimal(%d) = %s', (value, text) => {
    expect(plainDecimal(value)).toBe(text);
  });
});

/** Decimals as people write them: up to 12 digits before the point and 4 after. */
const decimal = fc
  .tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: 0, max: 4 }))
  .map(([mantissa, places]) => Number(`${mantissa}e-${places}`))
  .filter((n) => !Object.is(n, -0));

/** The way a sheet prints a number: optional thousands separators, optionally full width. */
function written(n: number, commas: boolean, wide: boolean): string {
  const [whole = '', fraction] = plainDecimal(Math.abs(n)).split('.');
  const grouped = commas ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  const text = `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
  return wide ? FULL_WIDTH(text) : text;
}

describe('properties', () => {
  it('readQuantity never throws, and gives a value or a bilingual message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.stringMatching(/^約?[-▲0-9０-９,.， 十万億千百]{0,12}[人件%円位]?(以上|以内)?$/)), (text) => {
        const read = readQuantity(text);
        if (read.ok) expect(Number.isFinite(read.value.value)).toBe(true);
        else expect(read.error).toMatch(/\S \/ \S/);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what a sheet writes: separators, full width, 約, units, qualifiers, PDF spaces', () => {
    fc.assert(
      fc.property(
        decimal,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', '人', '件', '%', '事業', 'km'),
        fc.constantFrom(undefined, '以上', '以下', '以内', '未満', '超'),
        fc.nat(20),
        (n, commas, wide, approx, unit, qualifier, space) => {
          let text = `${approx ? '約' : ''}${written(n, commas, wide)}${unit}${qualifier ?? ''}`;
          text = `${text.slice(0, space)} ${text.slice(space)}`;
          const expected: Quantity = { value: n, unit, approx };
          if (qualifier) expected.qualifier = qualifier;
          expect(readQuantity(text)).toEqual({ ok: true, value: expected });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('converts between multipliers exactly, as decimal arithmetic would', () => {
    const exponents = { '': 0, 千: 3, 万: 4, 百万: 6, 億: 8 } as const;
    const prefixes = Object.keys(exponents) as (keyof typeof exponents)[];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...prefixes),
        fc.constantFrom(...prefixes),
        (mantissa, places, from, to) => {
          const q = readQuantity(`${Number(`${mantissa}e-${places}`)}${from}円`);
          if (!q.ok) throw new Error(q.error);
          const exponent = exponents[from] - exponents[to] - places;
          expect(inUnit(q.value, `${to}円`)).toEqual({ ok: true, value: Number(`${mantissa}e${exponent}`) });
        },
      ),
      { numRuns: 400 },
    );
  });
});
