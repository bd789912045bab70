import assert from "node:assert/strict";
import { test } from "node:test";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { Exact } from "./exact.ts";
import { ExactSum } from "./exact-sum.ts";

/** Decimal texts from tiny to past the safe range, with 0–18 decimals, both signs. */
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 10n ** 22n })),
    fc.integer({ min: 0, max: 18 }),
  )
  .map(([neg, digits, scale]) => {
    const s = digits.toString().padStart(scale + 1, "0");
    const t = scale === 0 ? s : `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
    return neg ? `-${t}` : t;
  });
const doubles = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }).map((h) => h / 100),
  fc.constantFrom(0.1, 0.2, 0.30000000000000004, 1e-7, 1e21, 2 ** 53, 2 ** 53 + 2, -0, 1e-6, 123456789.12345678),
);
const exact = fc.oneof(
  decimalText.map((t) => [Exact.parse(t)!, new Decimal(t)] as const),
  doubles.map((x) => [Exact.from(x), new Decimal(x)] as const),
);

const same = (e: Exact, d: Decimal, what: string) => {
  assert.equal(e.toString(), d.toString(), what);
  assert.ok(Object.is(e.toNumber(), d.toNumber()) || (e.toNumber() === 0 && d.toNumber() === 0), what);
};

test("examples", () => {
  assert.equal(Exact.from(0.1).plus(Exact.from(0.2)).toString(), "0.3");
  assert.equal(Exact.from(9).times(65).div(Exact.from(70), 2).toString(), "8.36");
  assert.equal(Exact.from(4.925).round(2).toString(), "4.93");
  assert.equal(Exact.from(-4.925).round(2).toString(), "-4.93");
  assert.equal(Exact.from(25800).shift(-4).toString(), "2.58");
  assert.equal(Exact.from(6.5).shift(4).toString(), "65000");
  assert.equal(Exact.of(650, 2).toString(), "6.5");
  assert.equal(Exact.of(1, 7).toString(), "1e-7");
  assert.equal(Exact.from(1e21).toString(), "1e+21");
  assert.equal(Exact.from(1e-7).toString(), String(1e-7));
  assert.equal(Exact.of(1, 6).toString(), "0.000001");
  assert.equal(Exact.from(7).toFixed(2), "7.00");
  assert.equal(Exact.from(-0).toString(), "0");
  assert.equal(Exact.parse("1,000"), null);
  assert.equal(Exact.parse("12."), null);
  assert.equal(Exact.parse("abc"), null);
  assert.equal(Exact.parse("12345678901234567890")?.plus(Exact.from(1)).toString(), "12345678901234567891");
  assert.throws(() => Exact.from(Number.NaN), RangeError);
  assert.throws(() => Exact.from(1).div(Exact.ZERO, 2), RangeError);
});

test("property: reading gives decimal.js's value (numbers as String(x) prints them)", () => {
  fc.assert(
    fc.property(doubles, (x) => same(Exact.from(x), new Decimal(x), String(x))),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(decimalText, (t) => same(Exact.parse(t)!, new Decimal(t), t)),
    { numRuns: 5000 },
  );
});

test("property: plus, minus, times, cmp equal decimal.js", () => {
  fc.assert(
    fc.property(exact, exact, ([a, da], [b, db]) => {
      same(a.plus(b), da.plus(db), `${da} + ${db}`);
      same(a.minus(b), da.minus(db), `${da} - ${db}`);
      same(a.times(b), da.times(db), `${da} × ${db}`);
      assert.equal(a.cmp(b), da.cmp(db));
      assert.equal(Exact.min(a, b).toString(), Decimal.min(da, db).toString());
      assert.equal(Exact.max(a, b).toString(), Decimal.max(da, db).toString());
    }),
    { numRuns: 5000 },
  );
});

test("property: div(places) and round(places) equal decimal.js's div then toDecimalPlaces (half up)", () => {
  fc.assert(
    fc.property(exact, exact, fc.integer({ min: 0, max: 4 }), ([a, da], [b, db], places) => {
      same(a.round(places), da.toDecimalPlaces(places, Decimal.ROUND_HALF_UP), `round ${da}`);
      if (db.isZero()) return;
      same(a.div(b, places), da.div(db).toDecimalPlaces(places, Decimal.ROUND_HALF_UP), `${da} ÷ ${db}`);
    }),
    { numRuns: 5000 },
  );
});

test("property: div on small integers near every half-hundredth", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
      const a = Exact.of(n, 2);
      const b = Exact.of(d, 3);
      same(a.div(b, 2), new Decimal(n).div(100).div(new Decimal(d).div(1000)).toDecimalPlaces(2, 4), `${n}/${d}`);
    }),
    { numRuns: 5000 },
  );
});

test("property: shift(k) equals × 10^k in decimal.js", () => {
  fc.assert(
    fc.property(exact, fc.integer({ min: -8, max: 8 }), ([a, da], k) => {
      same(a.shift(k), da.times(new Decimal(10).pow(k)), `${da} × 10^${k}`);
    }),
    { numRuns: 3000 },
  );
});

test("property: toFixed equals decimal.js toFixed (half up)", () => {
  fc.assert(
    fc.property(exact, fc.integer({ min: 0, max: 4 }), ([a, da], places) => {
      assert.equal(a.toFixed(places), da.toFixed(places, Decimal.ROUND_HALF_UP));
    }),
    { numRuns: 2000 },
  );
});

test("property: ExactSum adds like a chain of Exact.plus (decimal.js past the safe range)", () => {
  const numbers = fc.array(
    fc.oneof(
      doubles,
      fc.integer({ min: -1e6, max: 1e6 }).map((h) => h / 100),
      fc.constantFrom(2 ** 53, 1e16, 0.1),
    ),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(numbers, (xs) => {
      const sum = new ExactSum();
      let chain = Exact.ZERO;
      for (const x of xs) {
        sum.add(x);
        chain = chain.plus(Exact.from(x));
      }
      assert.equal(sum.value().toString(), chain.toString());
    }),
    { numRuns: 3000 },
  );
});
