// Exact decimal arithmetic for the computation rules. Every operand means the decimal that
// JavaScript's String(n) writes for it (59.9 is 599/10, not the binary double near it), so
// 5.1 ÷ 8.0 × 100 is exactly 63.75 and rounds to 63.8 where floating point gives 63.7.
//
// Speed matters (compute() handles millions of periods), so each operation first scales its
// operands to integers of one power of ten and works on Numbers while every product stays a
// safe integer; only when a value does not fit does it fall back to BigInt.

/** coefficient × 10^-scale, exactly; scale ≥ 0. */
export interface Decimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

/** dividend ÷ divisor, both read as their String(n) decimals; divisor ≠ 0. */
export interface Quotient {
  readonly dividend: number;
  readonly divisor: number;
}

/** 10^0 … 10^30: exact as doubles up to 10^22, and beyond that only used as overflow bounds. */
const POW10: readonly number[] = Array.from({ length: 31 }, (_, k) => Number(`1e${k}`));
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_EXACT_POWER = 22;

// Below 2^48, the integers r with r ÷ 10^k rounding to x are at most one per scale k and
// per scale k + 1 (x's rounding interval, scaled, is narrower than 1/16), so the first
// scale that round-trips gives exactly the decimal String(x) writes. See decimal.test.ts.
const FAST_LIMIT = 2 ** 48;
const MAX_FAST_SCALE = 15;

/** The number of decimals of String(x) when its digits fit the fast path, else -1. */
function fastScale(x: number): number {
  if (Number.isInteger(x)) return x < FAST_LIMIT && x > -FAST_LIMIT ? 0 : -1;
  for (let k = 1; k <= MAX_FAST_SCALE; k++) {
    const scaled = x * POW10[k]!;
    if (!(scaled < FAST_LIMIT && scaled > -FAST_LIMIT)) return -1;
    if (Math.round(scaled) / POW10[k]! === x) return k;
  }
  return -1;
}

/** x × 10^k as an integer, for the k fastScale found. */
function fastCoefficient(x: number, k: number): number {
  return Math.round(x * POW10[k]!);
}

/** a × b, or NaN once the product leaves the safe integers (NaN then propagates). */
function mul(a: number, b: number): number {
  const product = a * b;
  return product <= MAX_SAFE && product >= -MAX_SAFE ? product : NaN;
}
function add(a: number, b: number): number {
  const sum = a + b;
  return sum <= MAX_SAFE && sum >= -MAX_SAFE ? sum : NaN;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The exact value of the decimal String(x) writes (`1e-7`, `1.5e+21` included). */
export function decimalOf(x: number): Decimal {
  const k = fastScale(x);
  if (k >= 0) return { coefficient: BigInt(fastCoefficient(x, k)), scale: k };
  const text = String(x);
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw new RangeError(`${text} は有限の数ではありません / ${text} is not a finite number`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let coefficient = BigInt(`${whole}${fraction}`);
  if (sign) coefficient = -coefficient;
  const scale = fraction.length - Number(exponent);
  if (scale >= 0) return { coefficient, scale };
  return { coefficient: coefficient * 10n ** BigInt(-scale), scale: 0 };
}

/** n ÷ d rounded to an integer, half away from zero; d ≠ 0. */
function roundBig(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an - q * ad) * 2n >= ad) q += 1n;
  return negative ? -q : q;
}

const MAX_QUICK = 2 ** 52;

/** n ÷ d rounded half away from zero, for safe integers; NaN when an operand is not one. */
function roundSafe(n: number, d: number): number {
  if (!(n <= MAX_SAFE && n >= -MAX_SAFE && d <= MAX_SAFE && d >= -MAX_SAFE)) return NaN;
  const an = n < 0 ? -n : n;
  const ad = d < 0 ? -d : d;
  let q: number;
  let remainder: number;
  if (an < MAX_QUICK) {
    // The float quotient is off by at most one; below 2^52 q·ad stays exact, so correct it.
    q = Math.floor(an / ad);
    remainder = an - q * ad;
    if (remainder < 0) {
      q -= 1;
      remainder += ad;
    } else if (remainder >= ad) {
      q += 1;
      remainder -= ad;
    }
  } else {
    // % is exact on doubles, and so is the division of the remaining exact multiple.
    remainder = an % ad;
    q = (an - remainder) / ad;
  }
  if (remainder >= ad - remainder) q += 1;
  if (q === 0) return 0; // never -0
  return n < 0 === d < 0 ? q : -q;
}

/** (ia·10^-ka) ÷ (ib·10^-kb) × 100, rounded to `decimals`; NaN when it does not fit. */
function scaledPercent(ia: number, ka: number, ib: number, kb: number, decimals: number): number {
  const e = kb - ka + 2 + decimals;
  const q = e >= 0 ? roundSafe(mul(ia, POW10[e]!), ib) : roundSafe(ia, mul(ib, POW10[-e]!));
  return q / POW10[decimals]!;
}

function bigPercent(a: Decimal, b: Decimal, decimals: number): number {
  const e = b.scale - a.scale + 2 + decimals;
  const n = e >= 0 ? a.coefficient * 10n ** BigInt(e) : a.coefficient;
  const d = e >= 0 ? b.coefficient : b.coefficient * 10n ** BigInt(-e);
  // Parsing the decimal text rounds once, correctly, even beyond 2^53.
  return Number(`${roundBig(n, d)}e-${decimals}`);
}

function assertDivisor(divisor: number): void {
  if (divisor === 0) throw new RangeError('0 で割ることはできません / division by zero');
}

/** dividend ÷ divisor × 100, rounded to `decimals` half away from zero. */
export function roundedPercent(dividend: number, divisor: number, decimals: number): number {
  assertDivisor(divisor);
  const ka = fastScale(dividend);
  const kb = fastScale(divisor);
  if (ka >= 0 && kb >= 0) {
    const rate = scaledPercent(fastCoefficient(dividend, ka), ka, fastCoefficient(divisor, kb), kb, decimals);
    if (rate === rate) return rate;
  }
  return bigPercent(decimalOf(dividend), decimalOf(divisor), decimals);
}

/** (Σ values) ÷ divisor × 100 with the sum taken exactly, rounded like roundedPercent. */
export function roundedPercentOfSum(values: readonly number[], divisor: number, decimals: number): number {
  assertDivisor(divisor);
  let scale = 0;
  let fast = true;
  for (const value of values) {
    const k = fastScale(value);
    if (k < 0) fast = false;
    else if (k > scale) scale = k;
  }
  const kb = fastScale(divisor);
  if (fast && kb >= 0) {
    let sum = 0;
    for (const value of values) {
      const k = fastScale(value);
      sum = add(sum, mul(fastCoefficient(value, k), POW10[scale - k]!));
    }
    const rate = scaledPercent(sum, scale, fastCoefficient(divisor, kb), kb, decimals);
    if (rate === rate) return rate;
  }
  return bigPercent(sumOf(values.map(decimalOf)), decimalOf(divisor), decimals);
}

function sumOf(values: readonly Decimal[]): Decimal {
  const scale = values.reduce((max, v) => Math.max(max, v.scale), 0);
  let coefficient = 0n;
  for (const v of values) coefficient += v.coefficient * 10n ** BigInt(scale - v.scale);
  return { coefficient, scale };
}

function sign(n: number | bigint): -1 | 0 | 1 {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** The sign of a·b − c·d, exactly. */
export function compareProducts(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const ka = fastScale(a);
  const kb = fastScale(b);
  const kc = fastScale(c);
  const kd = fastScale(d);
  if (ka >= 0 && kb >= 0 && kc >= 0 && kd >= 0) {
    const shift = ka + kb - (kc + kd);
    if (shift <= MAX_EXACT_POWER && shift >= -MAX_EXACT_POWER) {
      let left = mul(fastCoefficient(a, ka), fastCoefficient(b, kb));
      let right = mul(fastCoefficient(c, kc), fastCoefficient(d, kd));
      if (shift > 0) right = mul(right, POW10[shift]!);
      else left = mul(left, POW10[-shift]!);
      if (left === left && right === right) return sign(left - right);
    }
  }
  const [da, db, dc, dd] = [a, b, c, d].map(decimalOf) as [Decimal, Decimal, Decimal, Decimal];
  const shift = da.scale + db.scale - (dc.scale + dd.scale);
  const left = da.coefficient * db.coefficient * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  const right = dc.coefficient * dd.coefficient * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  return sign(left - right);
}

/** An exact rational numerator ÷ denominator (denominator > 0): Numbers while both are safe integers. */
export interface Rational {
  readonly numerator: number | bigint;
  readonly denominator: number | bigint;
}

/**
 * The mean of dividend ÷ divisor × 100 over the quotients, exactly: a rational, never a
 * float. Quotients must not be empty.
 */
export function meanPercent(quotients: readonly Quotient[]): Rational {
  if (quotients.length === 0) throw new RangeError('平均する達成率がありません / no rates to average');
  return fastMeanPercent(quotients) ?? bigMeanPercent(quotients);
}

// Σ aᵢ/bᵢ is kept as one fraction p/q of safe integers; the mean percent is 100p / nq.
function fastMeanPercent(quotients: readonly Quotient[]): Rational | undefined {
  let p = 0;
  let q = 1;
  for (const { dividend, divisor } of quotients) {
    assertDivisor(divisor);
    const ka = fastScale(dividend);
    const kb = fastScale(divisor);
    if (ka < 0 || kb < 0) return undefined;
    // a/b = coefficient(a) · 10^(kb − ka) / coefficient(b)
    const e = kb - ka;
    let num = fastCoefficient(dividend, ka);
    let den = fastCoefficient(divisor, kb);
    if (e > 0) num = mul(num, POW10[e]!);
    else if (e < 0) den = mul(den, POW10[-e]!);
    if (den < 0) {
      num = -num;
      den = -den;
    }
    if (den === q) p = add(p, num);
    else {
      p = add(mul(p, den), mul(num, q));
      q = mul(q, den);
    }
  }
  const numerator = mul(p, 100);
  const denominator = mul(quotients.length, q);
  return numerator === numerator && denominator === denominator ? { numerator, denominator } : undefined;
}

function bigMeanPercent(quotients: readonly Quotient[]): Rational {
  let p = 0n;
  let q = 1n;
  for (const { dividend, divisor } of quotients) {
    const a = decimalOf(dividend);
    const b = decimalOf(divisor);
    // a/b = a.coefficient · 10^(b.scale − a.scale) / b.coefficient
    const e = b.scale - a.scale;
    let num = e >= 0 ? a.coefficient * 10n ** BigInt(e) : a.coefficient;
    let den = e >= 0 ? b.coefficient : b.coefficient * 10n ** BigInt(-e);
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    p = p * den + num * q;
    q *= den;
  }
  return { numerator: 100n * p, denominator: BigInt(quotients.length) * q };
}

/** The sign of r − x, exactly. */
export function compareRational(r: Rational, x: number): -1 | 0 | 1 {
  const { numerator, denominator } = r;
  const kx = fastScale(x);
  if (typeof numerator === 'number' && typeof denominator === 'number' && kx >= 0) {
    // r − x = (numerator · 10^kx − coefficient(x) · denominator) / (denominator · 10^kx)
    const left = mul(numerator, POW10[kx]!);
    const right = mul(fastCoefficient(x, kx), denominator);
    if (left === left && right === right) return sign(left - right);
  }
  const d = decimalOf(x);
  return sign(BigInt(numerator) * 10n ** BigInt(d.scale) - d.coefficient * BigInt(denominator));
}
