import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import type { Operator } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { type QuantitativeInput, quantitativeMode, scoreQuantitative as scoreExact } from "./quantitative.ts";

type Value = number | string | Decimal;
const ex = (v: Value) => (typeof v === "string" ? Exact.parse(v)! : Exact.from(v));
/** scoreQuantitative on plain values; the score as a Decimal for the assertions. */
function scoreQuantitative(
  input: Omit<QuantitativeInput, "target" | "actual" | "weight"> & Record<"target" | "actual" | "weight", Value>,
) {
  const r = scoreExact({ ...input, target: ex(input.target), actual: ex(input.actual), weight: ex(input.weight) });
  return { score: new Decimal(r.score.toString()), working: r.working };
}

type Case = [string, "正向" | "反向", Operator | null, number | string, number | string, number, string];

// [what, nature, operator, target A, actual B, weight, expected score]
const CASES: Case[] = [
  // 正向
  ["正向 B > A → weight", "正向", "≥", 70, 75, 9, "9"],
  ["正向 B = A → weight (boundary)", "正向", "≥", 70, 70, 9, "9"],
  ["正向 B < A → 9 × 65 ÷ 70 = 8.357… → 8.36", "正向", "≥", 70, 65, 9, "8.36"],
  ["正向 half away from zero: 5 × 98.5 ÷ 100 = 4.925 → 4.93", "正向", "≥", 100, 98.5, 5, "4.93"],
  ["正向 B = 0 → 0", "正向", "≥", 95, 0, 10, "0"],
  ["正向 negative B counts as 0", "正向", "≥", 95, -3, 10, "0"],
  ["正向 with > scores like ≥", "正向", ">", 10, 5, 4, "2"],
  ["正向 without operator", "正向", null, 10, 5, 4, "2"],
  // 等于 with a non-zero target is scored as 正向 (whatever the nature)
  ["等于 B > A → weight", "正向", "=", 4000, 5200, 6, "6"],
  ["等于 B < A → 3 × 10 ÷ 13 = 2.307… → 2.31", "正向", "=", 13, 10, 3, "2.31"],
  ["反向 等于 non-zero scored as 正向", "反向", "=", 10, 5, 4, "2"],
  // 反向
  ["反向 B < A → weight", "反向", "≤", 4.3, 2.58, 8, "8"],
  ["反向 B = A → weight (boundary)", "反向", "≤", 7.6, 7.6, 2.5, "2.5"],
  ["反向 A < B < 2A: 2.5 × (1 − 2.12 ÷ 10.6) = 2", "反向", "≤", 10.6, 12.72, 2.5, "2"],
  ["反向 A < B < 2A: 2 × (1 − 0.05 ÷ 0.1) = 1", "反向", "≤", 0.1, 0.15, 2, "1"],
  ["反向 just under 2A: 10 × (1 − 9.99 ÷ 10) = 0.01", "反向", "≤", 10, 19.99, 10, "0.01"],
  ["反向 B = 2A → 0 (boundary)", "反向", "≤", 1.8, 3.6, 2.5, "0"],
  ["反向 B > 2A → 0", "反向", "<", 1.8, 9, 2.5, "0"],
  ["反向 negative B counts as 0 → weight", "反向", "≤", 5, -1, 3, "3"],
  ["反向 rounding: 3 × (1 − 1 ÷ 3) = 2 exactly", "反向", "≤", 3, 4, 3, "2"],
  ["反向 rounding: 7 × (1 − 1 ÷ 6) = 5.833… → 5.83", "反向", "≤", 6, 7, 7, "5.83"],
  // target 0
  ["target 0, 正向, B > 0 → weight", "正向", "≥", 0, 3, 5, "5"],
  ["target 0, 正向, B = 0 → weight", "正向", "≥", 0, 0, 5, "5"],
  ["target 0, 正向, B < 0 counts as 0 → weight", "正向", "≥", 0, -2, 5, "5"],
  ["target 0, 反向, B = 0 → weight", "反向", "≤", 0, 0, 5, "5"],
  ["target 0, 反向, B > 0 → 0", "反向", "≤", 0, 0.01, 5, "0"],
  ["target 0, 反向, B < 0 counts as 0 → weight", "反向", "≤", 0, -1, 5, "5"],
  ["target 0, 等于, B = 0 → weight", "正向", "=", 0, 0, 5, "5"],
  ["target 0, 等于, B > 0 → 0", "正向", "=", 0, 1, 5, "0"],
  // exact decimals, no float drift
  ["0.1 + 0.2 style input: 3 × 0.3 ÷ 0.9 = 1", "正向", "≥", "0.9", "0.3", 3, "1"],
];

describe("scoreQuantitative: a case per branch and boundary", () => {
  for (const [what, nature, operator, target, actual, weight, expected] of CASES) {
    test(what, () => {
      const r = scoreQuantitative({ nature, operator, target, actual, weight });
      assert.equal(r.score.toFixed(2), new Decimal(expected).toFixed(2));
      assert.ok(r.working.length > 0);
    });
  }
});

test("the working shows the arithmetic", () => {
  assert.equal(
    scoreQuantitative({ nature: "正向", operator: "≥", target: 70, actual: 65, weight: 9 }).working,
    "9 × 65 ÷ 70 = 8.36",
  );
  assert.match(
    scoreQuantitative({ nature: "正向", operator: "≥", target: 70, actual: -1, weight: 9 }).working,
    /^B = -1 < 0 → 0; /,
  );
});

test("quantitativeMode: 等于 wins over nature, then nature", () => {
  assert.equal(quantitativeMode("反向", "="), "equal");
  assert.equal(quantitativeMode("反向", "≤"), "reverse");
  assert.equal(quantitativeMode("正向", "≥"), "positive");
});

// Property tests. Values are drawn as integers of hundredths to stay in the decimal world.
const hundredths = (max: number) => fc.integer({ min: 0, max }).map((n) => new Decimal(n).div(100));
const weightArb = fc.integer({ min: 0, max: 3000 }).map((n) => new Decimal(n).div(100));
const natureArb = fc.constantFrom<"正向" | "反向">("正向", "反向");
const opArb = fc.constantFrom<Operator | null>("≥", "≤", "=", ">", "<", null);

describe("scoreQuantitative properties", () => {
  test("0 ≤ score ≤ weight, 2 decimals", () => {
    fc.assert(
      fc.property(
        natureArb,
        opArb,
        hundredths(100000),
        fc.integer({ min: -1e6, max: 1e7 }),
        weightArb,
        (n, op, a, b, w) => {
          const s = scoreQuantitative({
            nature: n,
            operator: op,
            target: a,
            actual: new Decimal(b).div(100),
            weight: w,
          }).score;
          assert.ok(s.gte(0), `score ${s} < 0`);
          assert.ok(s.lte(w), `score ${s} > weight ${w}`);
          assert.ok(s.decimalPlaces() <= 2);
        },
      ),
    );
  });

  test("正向: the score never falls as B rises", () => {
    fc.assert(
      fc.property(opArb, hundredths(100000), hundredths(1e7), hundredths(1e7), weightArb, (op, a, b1, b2, w) => {
        const [lo, hi] = b1.lte(b2) ? [b1, b2] : [b2, b1];
        const s1 = scoreQuantitative({
          nature: "正向",
          operator: op === "=" ? "≥" : op,
          target: a,
          actual: lo,
          weight: w,
        });
        const s2 = scoreQuantitative({
          nature: "正向",
          operator: op === "=" ? "≥" : op,
          target: a,
          actual: hi,
          weight: w,
        });
        assert.ok(s1.score.lte(s2.score), `B ${lo} → ${s1.score} but B ${hi} → ${s2.score}`);
      }),
    );
  });

  test("反向: the score never rises as B rises", () => {
    fc.assert(
      fc.property(hundredths(100000), hundredths(1e7), hundredths(1e7), weightArb, (a, b1, b2, w) => {
        const [lo, hi] = b1.lte(b2) ? [b1, b2] : [b2, b1];
        const s1 = scoreQuantitative({ nature: "反向", operator: "≤", target: a, actual: lo, weight: w });
        const s2 = scoreQuantitative({ nature: "反向", operator: "≤", target: a, actual: hi, weight: w });
        assert.ok(s1.score.gte(s2.score), `B ${lo} → ${s1.score} but B ${hi} → ${s2.score}`);
      }),
    );
  });

  test("meeting the target always earns the full weight", () => {
    fc.assert(
      fc.property(natureArb, hundredths(100000), weightArb, (n, a, w) => {
        const s = scoreQuantitative({ nature: n, operator: n === "正向" ? "≥" : "≤", target: a, actual: a, weight: w });
        assert.ok(s.score.eq(w.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)));
      }),
    );
  });
});

test("property: equals the formula computed in decimal.js, score and working", () => {
  fc.assert(
    fc.property(
      natureArb,
      opArb,
      fc.integer({ min: 0, max: 1e6 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: -1e7, max: 1e7 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 3 }),
      (n, op, an, as, bn, bs, wn, ws) => {
        const a = new Decimal(an).div(10 ** as);
        const b0 = new Decimal(bn).div(10 ** bs);
        const w = new Decimal(wn).div(10 ** ws);
        const got = scoreQuantitative({ nature: n, operator: op, target: a, actual: b0, weight: w });
        // The rules of the header comment, in decimal.js.
        const b = b0.isNegative() ? new Decimal(0) : b0;
        const mode = quantitativeMode(n, op);
        let want: Decimal;
        if (a.isZero()) want = mode === "positive" || b.isZero() ? w : new Decimal(0);
        else if (mode === "reverse")
          want = b.lte(a) ? w : b.gte(a.times(2)) ? new Decimal(0) : w.times(a.times(2).minus(b)).div(a);
        else want = b.gte(a) ? w : w.times(b).div(a);
        want = Decimal.max(0, Decimal.min(want, w)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        assert.equal(got.score.toString(), want.toString());
      },
    ),
  );
});

test("values past the safe-integer range score the same way, exactly", () => {
  const r = scoreQuantitative({
    nature: "正向",
    operator: "≥",
    target: "20000000000000000000",
    actual: "10000000000000000001",
    weight: 9,
  });
  assert.equal(r.score.toString(), "4.5");
  assert.equal(r.working, "9 × 10000000000000000001 ÷ 20000000000000000000 = 4.5");
});
