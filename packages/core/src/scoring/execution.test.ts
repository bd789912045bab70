import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { Exact } from "../model/exact.ts";
import { executionRate as rateExact, executionScore as scoreExact } from "./execution.ts";
import {
  DEFAULT_SCORING_POLICY,
  EXECUTION_20_SCORING_POLICY,
  EXECUTION_STEPS_SCORING_POLICY,
  type ExecutionPolicy,
} from "./policy.ts";

const ex = (v: number | Decimal) => Exact.from(v);
const executionRate = (executed: number, budget: number) => rateExact(ex(executed), ex(budget));
const executionScore = (rate: number | Decimal, p: ExecutionPolicy) => new Decimal(scoreExact(ex(rate), p).toString());

test("executionRate = executed ÷ budget × 100, 2 decimals half away from zero", () => {
  assert.equal(executionRate(6.5, 7)?.toString(), "92.86"); // 92.857…
  assert.equal(executionRate(2.58, 4.3)?.toString(), "60");
  assert.equal(executionRate(120.3, 128.85)?.toString(), "93.36"); // 93.3644…
  assert.equal(executionRate(1.00005, 1)?.toString(), "100.01"); // 100.005 → 100.01
  assert.equal(executionRate(0, 7)?.toString(), "0");
  assert.equal(executionRate(5, 0), null);
  assert.equal(executionRate(5, -1), null);
});

describe("executionScore per preset", () => {
  // [rate, default (10 linear), execution-20 (20 linear), execution-steps]
  const cases: [string, string, string, string][] = [
    ["100", "10", "20", "10"],
    ["120", "10", "20", "10"], // over-execution scores as 100%
    ["99.99", "10", "20", "7"], // 9.999 → 10.00; stepped: below 100 → 7
    ["92.86", "9.29", "18.57", "7"],
    ["80", "8", "16", "7"],
    ["79.99", "8", "16", "5"],
    ["60", "6", "12", "5"],
    ["59.99", "6", "12", "0"],
    ["0", "0", "0", "0"],
  ];
  for (const [rate, d, e20, steps] of cases) {
    test(`rate ${rate}% → ${d} / ${e20} / ${steps}`, () => {
      const r = new Decimal(rate);
      assert.equal(executionScore(r, DEFAULT_SCORING_POLICY.execution).toString(), d);
      assert.equal(executionScore(r, EXECUTION_20_SCORING_POLICY.execution).toString(), e20);
      assert.equal(executionScore(r, EXECUTION_STEPS_SCORING_POLICY.execution).toString(), steps);
    });
  }
});

test("stepped scoring does not depend on the order of the steps, nor exceed the weight", () => {
  const p: ExecutionPolicy = {
    weight: 8,
    allowOverExecution: false,
    steps: [
      { minRate: 60, points: 5 },
      { minRate: 100, points: 10 },
    ],
  };
  assert.equal(executionScore(100, p).toString(), "8");
  assert.equal(executionScore(70, p).toString(), "5");
  assert.equal(executionScore(10, p).toString(), "0");
});

test("property: 0 ≤ execution score ≤ weight and never falls as the rate rises", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 0, max: 30000 }), (x, y) => {
      const [lo, hi] = [Math.min(x, y) / 100, Math.max(x, y) / 100];
      for (const p of [DEFAULT_SCORING_POLICY, EXECUTION_20_SCORING_POLICY, EXECUTION_STEPS_SCORING_POLICY]) {
        const a = executionScore(lo, p.execution);
        const b = executionScore(hi, p.execution);
        assert.ok(a.gte(0) && b.lte(p.execution.weight) && a.lte(b));
      }
    }),
  );
});

test("property: rate and linear score equal decimal.js's executed × 100 ÷ budget and min(rate, 100) × weight ÷ 100", () => {
  const money = fc.oneof(
    fc.integer({ min: -1e9, max: 1e12 }).map((n) => n / 100),
    fc.integer({ min: 1, max: 1e15 }).map((n) => n / 1e6),
    fc.integer({ min: 0, max: 1e6 }),
    fc.double({ min: -10, max: 1e25, noNaN: true }),
  );
  const weight = fc.oneof(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 4000 }).map((n) => n / 100),
  );
  fc.assert(
    fc.property(money, money, weight, (executed, budget, w) => {
      const got = executionRate(executed, budget);
      const b = new Decimal(budget);
      const want = b.gt(0) ? new Decimal(executed).times(100).div(b).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : null;
      assert.equal(got?.toString() ?? null, want?.toString() ?? null);
      if (!want) return;
      const policy: ExecutionPolicy = { weight: w, allowOverExecution: false };
      const capped = Decimal.max(0, Decimal.min(want, 100));
      const score = capped.times(w).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      assert.equal(executionScore(want, policy).toString(), score.toString());
    }),
    { numRuns: 5000 },
  );
});
