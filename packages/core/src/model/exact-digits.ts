/**
 * The integer arithmetic under Exact and ExactSum (model/exact.ts, model/exact-sum.ts): powers
 * of ten, safe-integer products, division rounded half away from zero, and the reading of
 * plain decimal text into n × 10^−s. Internal to the model: not exported from @jixiao/core.
 */

export const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
export const MAX_SCALE = 15;

/** Product of two safe integers when it is one too, else NaN (which no later check passes). */
export function mul(a: number, b: number): number {
  const p = a * b;
  return Number.isSafeInteger(p) ? p : Number.NaN;
}

/** num ÷ den rounded half away from zero; num, den safe integers, den > 0. */
export function divRound(num: number, den: number): number {
  const neg = num < 0;
  const a = neg ? -num : num;
  let q = Math.floor(a / den);
  // a / den is rounded; step q to the true floor.
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

/** "[+-]digits[.digits]" in ASCII read by char codes into n × 10^−s; null when not that shape or it does not fit. */
export function scan(text: string): { n: number; s: number } | null {
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
  if (s > MAX_SCALE || !Number.isSafeInteger(n)) return null;
  return { n: (neg ? -n : n) + 0, s };
}

export const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
