import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareProducts, compareRational, decimalOf, meanPercent, roundedPercent, roundedPercentOfSum } from './decimal.js';

// An independent reference: parse String(x) by splitting it, then do everything in BigInt.
interface Fraction {
  n: bigint;
  d: bigint;
}
function reference(x: number): Fraction {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = mantissa.replace('-', '').split('.');
  let n = BigInt(whole + fraction) * (negative ? -1n : 1n);
  let d = 10n ** BigInt(fraction.length);
  const e = Number(exponent);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return { n, d };
}
function sign(n: bigint): number {
  return n > 0n ? 1 : n < 0n ? -1 : 0;
}
function roundHalfAway(n: bigint, d: bigint): bigint {
  if (d < 0n) [n, d] = [-n, -d];
  const a = n < 0n ? -n : n;
  let q = a / d;
  if ((a - q * d) * 2n >= d) q += 1n;
  return n < 0n ? -q : q;
}
function referencePercent(value: Fraction, divisor: number, decimals: number): number {
  const b = reference(divisor);
  const q = roundHalfAway(value.n * b.d * 100n * 10n ** BigInt(decimals), value.d * b.n);
  return q === 0n ? 0 : Number(`${q}e-${decimals}`);
}
function referenceSum(values: number[]): Fraction {
  return values.map(reference).reduce((s, v) => ({ n: s.n * v.d + v.n * s.d, d: s.d * v.d }), { n: 0n, d: 1n });
}
function referenceCompare(a: number, b: number): number {
  const [x, y] = [reference(a), reference(b)];
  return sign(x.n * y.d - y.n * x.d);
}

// Operands: short decimals like the sheet's, any double at all, and the awkward ones.
const sheetLike = fc
  .tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([c, k]) => Number(`${c}e-${k}`));
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
// Doubles of this size carry up to 16 significant digits: the edge of the integer fast path.
const longDecimal = fc.double({ noNaN: true, min: -1e6, max: 1e6 });
const awkward = fc.constantFrom(1e-7, 1.5e21, 5.1, 8, 0.1, 0.3, 2 ** 48, 2 ** 53, 2 ** 53 + 2, 1e21, 123456789.987654321, -0, 9007199254740991);
const operand = fc.oneof(sheetLike, anyDouble, longDecimal, awkward);
const divisor = operand.filter((x) => x !== 0);
const decimals = fc.integer({ min: 0, max: 4 });
const runs = { numRuns: 400 };

describe('decimalOf', () => {
  it.each([
    [59.9, 599n, 1],
    [1e-7, 1n, 7],
    [1.5e21, 1500000000000000000000n, 0],
    [-0.001, -1n, 3],
    [7386517, 7386517n, 0],
  ])('reads %s as the decimal String(n) writes', (x, coefficient, scale) => {
    expect(decimalOf(x)).toEqual({ coefficient, scale });
  });

  it('refuses what is not a finite number', () => {
    expect(() => decimalOf(Number.NaN)).toThrow(RangeError);
    expect(() => decimalOf(Infinity)).toThrow(/finite/);
  });

  it('agrees with the reference on any double', () => {
    fc.assert(
      fc.property(operand, (x) => {
        const { coefficient, scale } = decimalOf(x);
        const r = reference(x);
        expect(coefficient * r.d).toBe(r.n * 10n ** BigInt(scale));
      }),
      runs,
    );
  });
});

describe('roundedPercent', () => {
  it.each([
    [5.1, 8.0, 1, 63.8],
    [59.9, 54.0, 1, 110.9],
    [2961, 2700, 1, 109.7],
    [7386517, 15000, 1, 49243.4],
    [0, 160, 1, 0],
    [-5.1, 8, 1, -63.8],
    [1, 3, 0, 33],
    [2, 3, 4, 66.6667],
    [1e-7, 3e-7, 2, 33.33],
    [1.5e21, 1e21, 1, 150],
  ])('%s ÷ %s × 100 to %s decimals is %s', (a, b, d, expected) => {
    expect(roundedPercent(a, b, d)).toBe(expected);
  });

  it('rounds the exact value where floating point does not', () => {
    expect(((5.1 / 8.0) * 100).toFixed(1)).toBe('63.7');
    expect(roundedPercent(5.1, 8.0, 1)).toBe(63.8);
  });

  it('refuses a zero divisor', () => {
    expect(() => roundedPercent(1, 0, 1)).toThrow(/division by zero/);
  });

  it('agrees with the BigInt reference on random operands', () => {
    fc.assert(
      fc.property(operand, divisor, decimals, (a, b, d) => {
        expect(roundedPercent(a, b, d)).toBe(referencePercent(reference(a), b, d));
      }),
      runs,
    );
  });

  it('sums exactly before dividing (0.1 + 0.2 is 0.3)', () => {
    expect(roundedPercentOfSum([0.1, 0.2], 0.3, 1)).toBe(100);
    expect(roundedPercentOfSum([10, 20], 60, 1)).toBe(50);
    fc.assert(
      fc.property(fc.array(operand, { minLength: 1, maxLength: 4 }), divisor, decimals, (values, b, d) => {
        expect(roundedPercentOfSum(values, b, d)).toBe(referencePercent(referenceSum(values), b, d));
      }),
      runs,
    );
  });
});

describe('comparison', () => {
  it('compares products exactly (a·b against c·d)', () => {
    // 46,190 → 44,090: |−2,100| × 100 against 5 × 46,190
    expect(compareProducts(2100, 100, 5, 46190)).toBe(-1);
    expect(compareProducts(5, 100, 5, 100)).toBe(0);
    expect(compareProducts(0.1, 3, 0.3, 1)).toBe(0);
  });

  it('is a total order consistent with the rationals', () => {
    const cmp = (a: number, b: number) => compareProducts(a, 1, b, 1);
    fc.assert(
      fc.property(operand, operand, operand, (a, b, c) => {
        expect(cmp(a, b)).toBe(referenceCompare(a, b));
        expect(cmp(a, b)).toBe(-cmp(b, a) || 0);
        expect(cmp(a, a)).toBe(0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      runs,
    );
  });

  it('orders doubles as their decimals, so a ≥ t on doubles is exact', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        expect(Math.sign(a - b) || 0).toBe(referenceCompare(a, b));
      }),
      runs,
    );
  });

  it('compares products with the reference', () => {
    fc.assert(
      fc.property(operand, operand, operand, operand, (a, b, c, d) => {
        const [ra, rb, rc, rd] = [a, b, c, d].map(reference) as [Fraction, Fraction, Fraction, Fraction];
        const expected = sign(ra.n * rb.n * rc.d * rd.d - rc.n * rd.n * ra.d * rb.d);
        expect(compareProducts(a, b, c, d)).toBe(expected);
      }),
      runs,
    );
  });
});

describe('meanPercent', () => {
  it('is exact: No. 16 averages 96.9, 73.6 and 91.7 to 87.39…, not a float', () => {
    const mean = meanPercent([
      { dividend: 87.2, divisor: 90 },
      { dividend: 55.2, divisor: 75 },
      { dividend: 87.1, divisor: 95 },
    ]);
    expect(compareRational(mean, 87.39)).toBe(1);
    expect(compareRational(mean, 87.4)).toBe(-1);
    expect(compareRational(mean, 80)).toBe(1);
  });

  it('meets a band exactly at its edge', () => {
    expect(compareRational(meanPercent([{ dividend: 6, divisor: 5 }]), 120)).toBe(0);
    expect(compareRational(meanPercent([{ dividend: 1, divisor: 3 }, { dividend: 2, divisor: 3 }]), 50)).toBe(0);
  });

  it('refuses an empty list', () => {
    expect(() => meanPercent([])).toThrow(RangeError);
  });

  it('compares with the reference mean on random rates', () => {
    const quotient = fc.record({ dividend: operand, divisor });
    fc.assert(
      fc.property(fc.array(quotient, { minLength: 1, maxLength: 4 }), operand, (quotients, threshold) => {
        // Σ aᵢ/bᵢ × 100 / n against the threshold, in BigInt fractions.
        const sum = quotients
          .map(({ dividend, divisor: b }) => {
            const [x, y] = [reference(dividend), reference(b)];
            return { n: x.n * y.d, d: x.d * y.n };
          })
          .reduce((s, v) => ({ n: s.n * v.d + v.n * s.d, d: s.d * v.d }), { n: 0n, d: 1n });
        const t = reference(threshold);
        const difference = sum.n * 100n * t.d - t.n * BigInt(quotients.length) * sum.d;
        expect(compareRational(meanPercent(quotients), threshold)).toBe(sign(difference) * sign(sum.d) || 0);
      }),
      runs,
    );
  });
});
