import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import type { Grade } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { DEFAULT_SCORING_POLICY as P } from "./policy.ts";
import { gradeBandPoints, inGradeBand, scoreQualitative as scoreExact } from "./qualitative.ts";

/** scoreQualitative on a plain weight; the score as a Decimal for the assertions. */
function scoreQualitative(grade: Grade, weight: number | Decimal, given: number | undefined, policy = P) {
  const w = Exact.from(weight);
  const r = scoreExact(grade, w, given, policy);
  return { ...r, score: new Decimal(r.score.toString()) };
}

describe("scoreQualitative: defaults per grade", () => {
  // [grade, weight, expected]: 达成 100%, 部分达成 60%, 未达成 0
  const cases: [Grade, number, string][] = [
    ["达成", 15, "15"],
    ["部分达成", 15, "9"],
    ["部分达成", 2.5, "1.5"],
    ["部分达成", 8.33, "5"], // 8.33 × 0.6 = 4.998 → 5.00
    ["未达成", 15, "0"],
  ];
  for (const [grade, w, expected] of cases) {
    test(`${grade} × ${w} → ${expected}`, () => {
      const r = scoreQualitative(grade, w, undefined);
      assert.equal(r.score.toString(), expected);
      assert.equal(r.outOfBand, undefined);
    });
  }
});

describe("scoreQualitative: given scores at the band edges (weight 10)", () => {
  // [grade, given, in band?] bands: 达成 [8, 10], 部分达成 [6, 8), 未达成 [0, 6)
  const cases: [Grade, number, boolean][] = [
    ["达成", 10, true],
    ["达成", 8, true],
    ["达成", 7.99, false],
    ["达成", 10.01, false],
    ["部分达成", 6, true],
    ["部分达成", 7.99, true],
    ["部分达成", 8, false],
    ["部分达成", 7.996, false], // recorded as 8.00, which is outside [6, 8)
    ["部分达成", 5.99, false],
    ["未达成", 0, true],
    ["未达成", 5.99, true],
    ["未达成", 6, false],
    ["未达成", -1, false],
    ["达成", Number.NaN, false],
  ];
  for (const [grade, given, ok] of cases) {
    test(`${grade} given ${given} → ${ok ? "used" : "out of band, default used"}`, () => {
      const r = scoreQualitative(grade, 10, given);
      if (ok) {
        assert.equal(r.outOfBand, undefined);
        assert.equal(r.score.toString(), new Decimal(given).toDecimalPlaces(2).toString());
      } else {
        assert.ok(r.outOfBand);
        assert.equal(r.score.toString(), new Decimal(10).times(P.qualitative[grade].default).toString());
      }
    });
  }
});

test("gradeBandPoints and inGradeBand follow the policy's fractions", () => {
  const b = gradeBandPoints(P.qualitative.部分达成, Exact.from(15));
  assert.equal(b.low.toString(), "9");
  assert.equal(b.high.toString(), "12");
  assert.equal(b.highInclusive, false);
  assert.ok(inGradeBand(Exact.from(11.99), P.qualitative.部分达成, Exact.from(15)));
  assert.ok(!inGradeBand(Exact.from(12), P.qualitative.部分达成, Exact.from(15)));
});

test("property: a qualitative score lies within [0, weight] and within its band", () => {
  fc.assert(
    fc.property(
      fc.constantFrom<Grade>("达成", "部分达成", "未达成"),
      fc.integer({ min: 0, max: 3000 }),
      fc.option(fc.integer({ min: -500, max: 3500 })),
      (grade, w100, given100) => {
        const w = new Decimal(w100).div(100);
        const given = given100 === null ? undefined : given100 / 100;
        const r = scoreQualitative(grade, w, given);
        assert.ok(r.score.gte(0) && r.score.lte(w));
        const band = P.qualitative[grade];
        assert.ok(r.score.gte(w.times(band.min).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)));
      },
    ),
  );
});

test("the working names the band and the given score", () => {
  assert.equal(scoreQualitative("部分达成", 10, 7.5).working, "部分达成 [6, 8), 填报 given 7.5");
  assert.equal(scoreQualitative("部分达成", 10, 8).working, "部分达成 → 6 (填报 given 8 ∉ [6, 8))");
  assert.deepEqual(scoreQualitative("部分达成", 10, 8).outOfBand, { given: 8, band: "[6, 8)" });
  assert.equal(scoreQualitative("达成", 15, undefined).working, "达成 → 15");
});
