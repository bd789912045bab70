import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Decimal } from "../model/money.ts";
import {
  compareFixed,
  divRound,
  fixedConstant,
  fixedFrom,
  fixedFromDouble,
  fixedText,
  hundredthsOf,
  mul,
  shiftFixed,
} from "./fixed-point.ts";

test("fixedFrom reads plain decimals exactly, refuses what does not fit", () => {
  assert.deepEqual(fixedFrom("6.50"), { n: 650, s: 2 });
  assert.deepEqual(fixedFrom(-0.15), { n: -15, s: 2 });
  assert.equal(fixedFrom("1e5"), null);
  assert.equal(fixedFrom("99999999999999999"), null);
  assert.equal(fixedFrom(Number.NaN), null);
});

test("shiftFixed moves the point (元 ↔ 万元)", () => {
  assert.deepEqual(shiftFixed({ n: 25800, s: 0 }, -4), { n: 25800, s: 4 });
  assert.deepEqual(shiftFixed({ n: 65, s: 1 }, 4), { n: 65000, s: 0 });
  assert.equal(shiftFixed({ n: 2 ** 52, s: 0 }, 4), null);
});

test("mul refuses inexact products", () => {
  assert.equal(mul(3, 4, 5), 60);
  assert.equal(mul(2 ** 30, 2 ** 30), null);
});

test("divRound and hundredthsOf round half away from zero", () => {
  assert.equal(divRound(4925, 1000), 5);
  assert.equal(divRound(-4925, 1000), -5);
  assert.equal(divRound(4924, 1000), 5);
  assert.equal(divRound(4499, 1000), 4);
  assert.equal(hundredthsOf({ n: 4925, s: 3 }), 493);
  assert.equal(hundredthsOf({ n: 7, s: 0 }), 700);
});

test("property: divRound equals decimal.js ROUND_HALF_UP; fixedText equals Decimal#toString", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
      assert.equal(divRound(n, d), new Decimal(n).div(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
    }),
  );
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (n, s) => {
      // Decimal switches to exponent notation below 1e-6; scores and inputs never get there.
      assert.equal(fixedText({ n, s }), new Decimal(n).div(10 ** s).toString());
    }),
  );
});

test("fixedFrom reads a safe integer directly; -0 reads as 0 like its text", () => {
  assert.deepEqual(fixedFrom(9), { n: 9, s: 0 });
  assert.ok(Object.is(fixedFrom(-0)?.n, 0));
  assert.ok(Object.is(fixedFrom("-0")?.n, -0));
});

test("fixedConstant memoises fixedFrom for policy constants", () => {
  assert.deepEqual(fixedConstant(0.6), { n: 6, s: 1 });
  assert.equal(fixedConstant(0.6), fixedConstant(0.6));
  assert.equal(fixedConstant(Number.NaN), null);
});

test("property: compareFixed orders exactly like decimal.js, null when aligning overflows", () => {
  assert.equal(compareFixed(836, 2, 9, 0), -1);
  assert.equal(compareFixed(900, 2, 9, 0), 0);
  assert.equal(compareFixed(2 ** 52, 0, 1, 15), null);
  fc.assert(
    fc.property(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 6 }),
      (an, as, bn, bs) => {
        const ref = new Decimal(an).div(10 ** as).comparedTo(new Decimal(bn).div(10 ** bs));
        assert.equal(compareFixed(an, as, bn, bs), ref);
      },
    ),
  );
});

/** The regex and string-slicing versions these functions replaced, as references. */
function fixedFromByRegex(value: string | number): { n: number; s: number } | null {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(typeof value === "number" ? String(value) : value);
  if (!m) return null;
  const frac = m[3] ?? "";
  if (frac.length > 15) return null;
  const n = Number(m[2]! + frac);
  if (!Number.isSafeInteger(n)) return null;
  return { n: m[1] === "-" ? -n : n, s: frac.length };
}
function fixedTextBySlicing(f: { n: number; s: number }): string {
  if (f.s === 0) return String(f.n);
  const digits = String(Math.abs(f.n)).padStart(f.s + 1, "0");
  const int = digits.slice(0, digits.length - f.s);
  const frac = digits.slice(digits.length - f.s).replace(/0+$/, "");
  const t = frac ? `${int}.${frac}` : int;
  return f.n < 0 && t !== "0" ? `-${t}` : t;
}

test("property: fixedFrom and fixedText equal their regex and slicing references", () => {
  const text = fc.oneof(
    fc.stringMatching(/^[+-]?\d{0,18}(\.\d{0,18})?[a-z.]?$/),
    fc.string({ maxLength: 6 }),
    fc.double().map(String),
  );
  fc.assert(
    fc.property(fc.oneof(text, fc.double(), fc.integer()), (v) => {
      assert.deepEqual(fixedFrom(v), fixedFromByRegex(v));
    }),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 0, max: 15 }),
      (n, s) => assert.equal(fixedText({ n, s }), fixedTextBySlicing({ n, s })),
    ),
    { numRuns: 5000 },
  );
  assert.equal(fixedText({ n: -0, s: 2 }), "0");
  assert.equal(fixedText({ n: -5, s: 3 }), "-0.005");
  assert.equal(fixedText({ n: 1000, s: 3 }), "1");
});

test("property: fixedFromDouble agrees with reading String(x), and decides short decimals", () => {
  const check = (x: number) => {
    const f = fixedFromDouble(x);
    if (f !== undefined) assert.deepEqual(f, fixedFromByRegex(String(x)), String(x));
    return f;
  };
  // Short decimals (what scoring meets: 2-decimal actuals, weights like 2.5) are always decided.
  for (let s = 1; s <= 6; s++) {
    for (let i = 0; i < 20000; i++) {
      const n = Math.floor(Math.random() * 10 ** (s + 4)) * (Math.random() < 0.2 ? -1 : 1);
      const x = n / 10 ** s;
      if (Number.isSafeInteger(x)) continue;
      assert.notEqual(check(x), undefined, String(x));
    }
  }
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 999999999999999 }), fc.integer({ min: 0, max: 20 }), fc.boolean())
    .map(([n, s, neg]) => (neg ? -1 : 1) * Number(`${n}e-${s}`));
  fc.assert(
    fc.property(fc.oneof(fc.double({ noNaN: true }), decimal, fc.double({ min: 1e-7, max: 1e-5 })), (x) => {
      check(x);
    }),
    { numRuns: 20000 },
  );
  for (const x of [0.1 + 0.2, 1e-6, 9.99e-7, 1.005, 2.005, 99999999999.99, 999999999999999.9, 1e15 + 0.5, 0.5, -0.15]) {
    check(x);
  }
  assert.deepEqual(fixedFromDouble(8.36), { n: 836, s: 2 });
  assert.deepEqual(fixedFromDouble(-0.15), { n: -15, s: 2 });
  assert.deepEqual(fixedFromDouble(1e-6), { n: 1, s: 6 });
  assert.equal(fixedFromDouble(9.99e-7), undefined);
  assert.equal(fixedFromDouble(0.1 + 0.2), undefined);
});
