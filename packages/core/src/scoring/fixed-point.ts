/**
 * Exact small decimals as safe integers (value = n × 10^-s): the fast path of scoring. Every
 * operation either returns the exact result or null when an intermediate would leave the safe
 * integer range, and the caller then falls back to decimal.js — so results are always exact
 * and identical to the decimal.js reference (a property test checks that).
 */

/** value = n × 10^-s, n a safe integer, 0 ≤ s ≤ 15. */
export interface Fixed {
  n: number;
  s: number;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Reads "-12.50" or 12.5 exactly; null when it does not fit (or is not a plain decimal).
 * @example fixedFrom("6.50") // { n: 650, s: 2 }
 */
export function fixedFrom(value: string | number): Fixed | null {
  // A safe integer is its own fixed value (+ 0 turns -0 into 0, as String(-0) does).
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return { n: value + 0, s: 0 };
    const f = fixedFromDouble(value);
    if (f !== undefined) return f;
    return scanFixed(String(value));
  }
  return scanFixed(value);
}

/**
 * What scanFixed(String(x)) gives for a finite x with at most 15 significant digits,
 * found without formatting x; undefined when undecided (the caller formats then).
 *
 * String(x) prints the fewest digits that read back as x; from 1e-6 up it prints them without an
 * exponent, so its scale is the least s at which some n × 10^-s reads back as x. At each s, n is
 * x × 10^s rounded: with n < 10^15 the true candidate lies within 0.25 of the computed product
 * (half an ulp of x plus the product's rounding, each < 1.2e-16 relative), so rounding cannot
 * miss it, and no other 15-digit n reads back as the same x (they are ≥ 1e-15 relative apart,
 * doubles ≤ 2.3e-16). `n / 10^s === x` is exactly "n × 10^-s reads back as x": both operands are
 * exact and the division rounds correctly, as parsing does.
 * @example fixedFromDouble(8.36) // { n: 836, s: 2 }
 */
export function fixedFromDouble(x: number): Fixed | undefined {
  const a = Math.abs(x);
  if (!(a >= 1e-6) || a >= 1e15) return undefined;
  for (let s = 0; s <= 15; s++) {
    const p = POW10[s]!;
    const n = Math.round(a * p);
    if (n >= 1e15) return undefined;
    if (n / p === a) return { n: x < 0 ? -n : n, s };
  }
  return undefined;
}

/** "[+-]digits[.digits]" (ASCII digits only) read by char codes; null for anything else or when it does not fit. */
function scanFixed(text: string): Fixed | null {
  const len = text.length;
  let i = 0;
  const c0 = text.charCodeAt(0);
  const neg = c0 === 45;
  if (neg || c0 === 43) i = 1;
  const intStart = i;
  let n = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  if (i === intStart) return null;
  let s = 0;
  if (i < len) {
    if (text.charCodeAt(i) !== 46) return null;
    for (i++; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      n = n * 10 + (c - 48);
      s++;
    }
    if (s === 0) return null;
  }
  // n only grows, so an intermediate past 2^53 leaves n unsafe at the end too.
  if (s > 15 || !Number.isSafeInteger(n)) return null;
  return { n: neg ? -n : n, s };
}

const CONSTANTS = new Map<number, Fixed | null>();

/**
 * fixedFrom for a policy constant (a fraction, a ratio, a total): memoised, since the same few
 * numbers come back for every row. Callers must not mutate the result.
 * @example fixedConstant(0.6) // { n: 6, s: 1 }
 */
export function fixedConstant(value: number): Fixed | null {
  let f = CONSTANTS.get(value);
  if (f === undefined) {
    f = fixedFrom(value);
    if (CONSTANTS.size >= 256) CONSTANTS.clear();
    CONSTANTS.set(value, f);
  }
  return f;
}

/**
 * Compares a × 10^-as with b × 10^-bs exactly: −1, 0 or 1; null when aligning does not fit.
 * @example compareFixed(836, 2, 9, 0) // -1
 */
export function compareFixed(an: number, as: number, bn: number, bs: number): number | null {
  const x = as < bs ? an * POW10[bs - as]! : an;
  const y = bs < as ? bn * POW10[as - bs]! : bn;
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Multiplies by 10^k (k may be negative: a division that only moves the point). */
export function shiftFixed(f: Fixed, k: number): Fixed | null {
  if (k <= 0) return f.s - k > 15 ? null : { n: f.n, s: f.s - k };
  const drop = Math.min(k, f.s);
  const n = f.n * POW10[k - drop]!;
  return Number.isSafeInteger(n) ? { n, s: f.s - drop } : null;
}

/** Product of safe integers, or null when it is not exactly representable (fixed arity: no rest array per call). */
export function mul(a: number, b: number, c = 1): number | null {
  if (!Number.isSafeInteger(a)) return null;
  let p = a * b;
  if (!Number.isSafeInteger(p)) return null;
  p *= c;
  return Number.isSafeInteger(p) ? p : null;
}

/** The two values' integers at a common scale, for exact comparison and ratios. */
export function align(a: Fixed, b: Fixed): [number, number, number] | null {
  const s = Math.max(a.s, b.s);
  const x = mul(a.n, POW10[s - a.s]!);
  const y = mul(b.n, POW10[s - b.s]!);
  return x === null || y === null ? null : [x, y, s];
}

/**
 * num ÷ den rounded half away from zero, num and den safe integers, den > 0.
 * @example divRound(9 * 65 * 100, 70) // 836 (hundredths of 8.357…)
 */
export function divRound(num: number, den: number): number {
  const neg = num < 0;
  const a = Math.abs(num);
  let q = Math.floor(a / den);
  let r = a - q * den;
  while (r < 0) {
    q--;
    r += den;
  }
  while (r >= den) {
    q++;
    r -= den;
  }
  if (2 * r >= den) q++;
  return neg ? -q : q;
}

/** 10^k for 0 ≤ k ≤ 15. */
export function pow10(k: number): number {
  return POW10[k]!;
}

/**
 * Formats like Decimal#toString for ordinary magnitudes: no trailing zeros.
 * @example fixedText({ n: 650, s: 2 }) // "6.5"
 */
export function fixedText(f: Fixed): string {
  if (f.s === 0) return String(f.n);
  const a = Math.abs(f.n);
  const p = POW10[f.s]!;
  let int = Math.floor(a / p);
  let frac = a - int * p;
  if (frac < 0) {
    int--;
    frac += p;
  } else if (frac >= p) {
    int++;
    frac -= p;
  }
  let t: string;
  if (frac === 0) {
    t = String(int);
  } else {
    let s = f.s;
    while (frac % 10 === 0) {
      frac /= 10;
      s--;
    }
    const digits = String(frac);
    t = `${int}.${digits.length < s ? "0".repeat(s - digits.length) + digits : digits}`;
  }
  return f.n < 0 && t !== "0" ? `-${t}` : t;
}

/**
 * Rounds a fixed value to hundredths (an integer), half away from zero; null when it does not fit.
 * @example hundredthsOf({ n: 4998, s: 3 }) // 500
 */
export function hundredthsOf(f: Fixed): number | null {
  return f.s <= 2 ? mul(f.n, pow10(2 - f.s)) : divRound(f.n, pow10(f.s - 2));
}
