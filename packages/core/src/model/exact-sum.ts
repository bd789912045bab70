/**
 * ExactSum: a running exact sum of JS numbers, the many-rows companion of Exact (exact.ts).
 */
import type { Decimal } from "decimal.js";
import { Exact } from "./exact.ts";
import { MAX_SCALE, mul, POW10 } from "./exact-digits.ts";

/**
 * A running exact sum of JS numbers (each read as it prints, like Exact.from), without an object
 * per addition: integer arithmetic while the sum fits n × 10^−s, decimal.js after. For sums over
 * many rows (weights, scores, money).
 * @example const s = new ExactSum(); s.add(0.1); s.add(0.2); s.value().toString() // "0.3"
 */
export class ExactSum {
  #n = 0;
  #s = 0;
  #big: Decimal | null = null;

  /** Adds a finite number; throws on a non-finite one (check first). */
  add(x: number): void {
    if (this.#big === null) {
      let xn = x;
      let xs = 0;
      if (!Number.isSafeInteger(x)) {
        // A short decimal double by arithmetic (as Exact.from), else through Exact.from.
        const a = Math.abs(x);
        xn = Number.NaN;
        if (a >= 1e-6 && a < 1e15) {
          for (let k = 1; k <= MAX_SCALE; k++) {
            const p = POW10[k]!;
            const m = Math.round(a * p);
            if (m >= 1e15) break;
            if (m / p === a) {
              xn = x < 0 ? -m : m;
              xs = k;
              break;
            }
          }
        }
        if (Number.isNaN(xn)) {
          const e = Exact.from(x);
          if (e.big !== null) {
            this.#spill(e.big);
            return;
          }
          xn = e.n;
          xs = e.s;
        }
      }
      let n = this.#n;
      let s = this.#s;
      if (xs > s) {
        n = mul(n, POW10[xs - s]!);
        s = xs;
      } else if (xs < s) {
        xn = mul(xn, POW10[s - xs]!);
      }
      const sum = n + xn;
      if (Number.isSafeInteger(sum)) {
        this.#n = sum + 0;
        this.#s = s;
        return;
      }
      this.#spill(Exact.from(x).toDecimal());
      return;
    }
    this.#big = this.#big.plus(Exact.from(x).toDecimal());
  }

  #spill(d: Decimal): void {
    this.#big = Exact.of(this.#n, this.#s).toDecimal().plus(d);
  }

  /** The sum so far. */
  value(): Exact {
    return this.#big === null ? Exact.of(this.#n, this.#s) : Exact.from(this.#big);
  }
}
