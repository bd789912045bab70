/**
 * Exact: jixiao's one exact number type. A value is n × 10^−s with n a safe integer and
 * 0 ≤ s ≤ 15 — plain integer arithmetic, no allocation beyond the value itself — and falls
 * back to decimal.js (20 significant digits, half-up, the library's defaults) when a result
 * does not fit. Every operation gives exactly what the same decimal.js operation gives
 * (exact.test.ts checks this as a property), so callers write each formula once and never
 * choose a path. Values are immutable. Running sums over many numbers: ExactSum (exact-sum.ts).
 *
 * Money and scores: `Exact.from(7).times(100).div(Exact.from(7.5), 2)` is an execution rate
 * of 93.33, exactly; `.toString()` prints like String(x) and decimal.js (`"93.33"`, `"0.3"`, `"1e-7"`).
 */
import { Decimal } from "decimal.js";
import { divRound, MAX_SCALE, mul, PLAIN_DECIMAL, POW10, scan } from "./exact-digits.ts";

/** An exact decimal number. Build with Exact.from / Exact.parse / Exact.of. */
export class Exact {
  /** The integer of n × 10^−s (meaningless when `big` is set). */
  readonly n: number;
  /** The scale of n × 10^−s. */
  readonly s: number;
  /** The value when it does not fit n × 10^−s. */
  readonly big: Decimal | null;

  private constructor(n: number, s: number, big: Decimal | null) {
    this.n = n;
    this.s = s;
    this.big = big;
  }

  static readonly ZERO: Exact = new Exact(0, 0, null);

  /**
   * n × 10^−s for a safe integer n and a scale 0 ≤ s ≤ 15 (anything else through decimal.js).
   * @example Exact.of(836, 2).toString() // "8.36"
   */
  static of(n: number, s = 0): Exact {
    if (Number.isSafeInteger(n) && Number.isInteger(s) && s >= 0 && s <= MAX_SCALE) return new Exact(n + 0, s, null);
    return Exact.decimal(new Decimal(n).times(new Decimal(10).pow(-s)));
  }

  /**
   * A finite JS number exactly as it prints (String(x): 0.1 is 0.1, not the double's binary
   * value), a Decimal, or an Exact. −0 reads as 0. Non-finite numbers throw (check first).
   * @example Exact.from(6.5).toString() // "6.5"
   */
  static from(value: number | Decimal | Exact): Exact {
    if (value instanceof Exact) return value;
    if (typeof value !== "number") return Exact.decimal(value);
    if (Number.isSafeInteger(value)) return new Exact(value + 0, 0, null);
    if (!Number.isFinite(value)) throw new RangeError(`Exact.from: not a finite number: ${value}`);
    const a = Math.abs(value);
    // String(x) prints the fewest digits that read back as x: find them by arithmetic, without
    // formatting. At each s, n = round(x·10^s) is within 0.25 of the true candidate for
    // n < 10^15, and n / 10^s === x is exactly "n × 10^−s reads back as x".
    if (a >= 1e-6 && a < 1e15) {
      for (let s = 1; s <= MAX_SCALE; s++) {
        const p = POW10[s]!;
        const n = Math.round(a * p);
        if (n >= 1e15) break;
        if (n / p === a) return new Exact(value < 0 ? -n : n, s, null);
      }
    }
    const f = scan(String(value));
    return f ? new Exact(f.n, f.s, null) : Exact.decimal(new Decimal(value));
  }

  /**
   * Plain decimal text ("-12.50", "+7", "12345678901234567890"), exactly; null for anything
   * else (separators, units and full-width digits are the vocabulary's job: readNumber).
   * @example Exact.parse("12.50")?.toString() // "12.5"
   * @example Exact.parse("1,000") // null
   */
  static parse(text: string): Exact | null {
    const f = scan(text);
    if (f) return new Exact(f.n, f.s, null);
    return PLAIN_DECIMAL.test(text) ? Exact.decimal(new Decimal(text)) : null;
  }

  private static decimal(d: Decimal): Exact {
    return d.isZero() ? Exact.ZERO : new Exact(0, 0, d);
  }

  /** The value as a decimal.js Decimal (exact). */
  toDecimal(): Decimal {
    return this.big ?? new Decimal(this.s === 0 ? this.n : `${this.n}e-${this.s}`);
  }

  /**
   * Sum, exact (decimal.js beyond the safe range).
   * @example Exact.from(0.1).plus(Exact.from(0.2)).toString() // "0.3"
   */
  plus(o: Exact): Exact {
    if (this.big === null && o.big === null) {
      const s = Math.max(this.s, o.s);
      const x = this.s === s ? this.n : mul(this.n, POW10[s - this.s]!);
      const y = o.s === s ? o.n : mul(o.n, POW10[s - o.s]!);
      const n = x + y;
      if (Number.isSafeInteger(n)) return new Exact(n + 0, s, null);
    }
    return Exact.decimal(this.toDecimal().plus(o.toDecimal()));
  }

  /**
   * Difference, exact.
   * @example Exact.from(12.72).minus(Exact.from(10.6)).toString() // "2.12"
   */
  minus(o: Exact): Exact {
    return this.plus(o.negated());
  }

  /** −value. */
  negated(): Exact {
    return this.big === null ? new Exact(-this.n + 0, this.s, null) : Exact.decimal(this.big.negated());
  }

  /**
   * Product (decimal.js keeps 20 significant digits beyond the safe range).
   * @example Exact.from(8.33).times(Exact.from(0.6)).toString() // "4.998"
   */
  times(o: Exact | number): Exact {
    const b = typeof o === "number" ? Exact.from(o) : o;
    if (this.big === null && b.big === null && this.s + b.s <= MAX_SCALE) {
      const n = mul(this.n, b.n);
      if (!Number.isNaN(n)) return new Exact(n + 0, this.s + b.s, null);
    }
    return Exact.decimal(this.toDecimal().times(b.toDecimal()));
  }

  /**
   * Quotient rounded half away from zero to `places` decimals — decimal.js's
   * `x.div(y).toDecimalPlaces(places, ROUND_HALF_UP)`, the same digits even though decimal.js
   * rounds the quotient to 20 digits first: with N = the scaled numerator a safe integer,
   * the quotient lies at least 1 ÷ (2·D·10^places) from any half-unit, farther than that first
   * rounding moves it. Throws on a zero divisor.
   * @example Exact.from(9).times(65).div(Exact.from(70), 2).toString() // "8.36"
   */
  div(o: Exact, places: number): Exact {
    if (o.isZero()) throw new RangeError("Exact.div: division by zero");
    if (this.big === null && o.big === null && places >= 0 && places <= MAX_SCALE) {
      const k = places + o.s - this.s;
      let num = this.n;
      let den = o.n;
      if (k >= 0) num = k <= MAX_SCALE ? mul(num, POW10[k]!) : Number.NaN;
      else den = -k <= MAX_SCALE ? mul(den, POW10[-k]!) : Number.NaN;
      if (!Number.isNaN(num) && !Number.isNaN(den)) {
        if (den < 0) {
          num = -num;
          den = -den;
        }
        return new Exact(divRound(num, den) + 0, places, null);
      }
    }
    return Exact.decimal(this.toDecimal().div(o.toDecimal()).toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
  }

  /**
   * Rounded half away from zero to `places` decimals.
   * @example Exact.from(4.925).round(2).toString() // "4.93"
   */
  round(places: number): Exact {
    if (this.big === null) {
      if (this.s <= places) return this;
      return new Exact(divRound(this.n, POW10[this.s - places]!) + 0, places, null);
    }
    return Exact.decimal(this.big.toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
  }

  /**
   * × 10^k, exactly for the small shifts of unit conversion (元 ↔ 万元: k = ±4).
   * @example Exact.from(25800).shift(-4).toString() // "2.58"
   */
  shift(k: number): Exact {
    if (this.big === null) {
      if (k <= 0 && this.s - k <= MAX_SCALE) return new Exact(this.n, this.s - k, null);
      if (k > 0) {
        const drop = Math.min(k, this.s);
        const n = k - drop <= MAX_SCALE ? mul(this.n, POW10[k - drop]!) : Number.NaN;
        if (!Number.isNaN(n)) return new Exact(n, this.s - drop, null);
      }
    }
    return Exact.decimal(this.toDecimal().times(new Decimal(10).pow(k)));
  }

  /**
   * −1, 0 or 1.
   * @example Exact.from(8.36).cmp(Exact.from(9)) // -1
   */
  cmp(o: Exact): number {
    if (this.big === null && o.big === null) {
      const x = this.s < o.s ? mul(this.n, POW10[o.s - this.s]!) : this.n;
      const y = o.s < this.s ? mul(o.n, POW10[this.s - o.s]!) : o.n;
      if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
    }
    return this.toDecimal().cmp(o.toDecimal());
  }

  lt(o: Exact): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Exact): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Exact): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Exact): boolean {
    return this.cmp(o) >= 0;
  }
  eq(o: Exact): boolean {
    return this.cmp(o) === 0;
  }

  isZero(): boolean {
    return this.big === null ? this.n === 0 : this.big.isZero();
  }

  /** Strictly below zero. */
  isNegative(): boolean {
    return this.big === null ? this.n < 0 : this.big.isNegative() && !this.big.isZero();
  }

  /**
   * The smaller of two values (the first when equal).
   * @example Exact.min(Exact.from(3), Exact.from(2)).toString() // "2"
   */
  static min(a: Exact, b: Exact): Exact {
    return b.cmp(a) < 0 ? b : a;
  }

  /** The larger of two values (the first when equal). */
  static max(a: Exact, b: Exact): Exact {
    return b.cmp(a) > 0 ? b : a;
  }

  /**
   * The nearest JS number.
   * @example Exact.of(836, 2).toNumber() // 8.36
   */
  toNumber(): number {
    // Both operands are exact doubles, and division rounds correctly, as parsing does.
    return this.big === null ? (this.s === 0 ? this.n : this.n / POW10[this.s]!) : this.big.toNumber();
  }

  /**
   * Decimal text as decimal.js and String(x) print it: no trailing zeros, exponent notation
   * below 10^−6 and from 10^21 (so a working text prints a number as the JSON beside it does).
   * @example Exact.of(650, 2).toString() // "6.5"
   * @example Exact.of(1, 7).toString() // "1e-7"
   */
  toString(): string {
    if (this.big !== null) return this.big.toString();
    const n = this.n;
    const s = this.s;
    if (s === 0) return String(n);
    const a = n < 0 ? -n : n;
    const p = POW10[s]!;
    // Like String(x) and decimal.js: exponent notation below 10^−6 (exponent −7 or less).
    if (a !== 0 && a < p / 1e6) return this.toDecimal().toString();
    let int = Math.floor(a / p);
    let frac = a - int * p;
    // a / p is rounded: step to the true quotient.
    if (frac < 0) {
      int--;
      frac += p;
    } else if (frac >= p) {
      int++;
      frac -= p;
    }
    if (frac === 0) return n < 0 ? `-${int}` : String(int);
    let scale = s;
    while (frac % 10 === 0) {
      frac /= 10;
      scale--;
    }
    const digits = String(frac);
    const t = `${int}.${digits.length < scale ? "0".repeat(scale - digits.length) + digits : digits}`;
    return n < 0 ? `-${t}` : t;
  }

  /**
   * Fixed-point text with exactly `places` decimals, rounded half away from zero (money).
   * @example Exact.from(7).toFixed(2) // "7.00"
   */
  toFixed(places: number): string {
    return this.toDecimal().toFixed(places, Decimal.ROUND_HALF_UP);
  }
}
