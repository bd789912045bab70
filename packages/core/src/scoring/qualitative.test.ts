import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { Grade } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import { DEFAULT_SCORING_POLICY as P } from "./policy.ts";
import { gradeBandPoints, inGradeBand, scoreQualitative } from "./qualitative.ts";

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
      const r = scoreQualitative(grade, w, undefined, P);
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
      const r = scoreQualitative(grade, 10, given, P);
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
  const b = gradeBandPoints(P.qualitative.部分达成, 15);
  assert.equal(b.low.toString(), "9");
  assert.equal(b.high.toString(), "12");
  assert.equal(b.highInclusive, false);
  assert.ok(inGradeBand(11.99, P.qualitative.部分达成, 15));
  assert.ok(!inGradeBand(12, P.qualitative.部分达成, 15));
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
        const r = scoreQualitative(grade, w, given, P);
        assert.ok(r.score.gte(0) && r.score.lte(w));
        const band = P.qualitative[grade];
        assert.ok(r.score.gte(w.times(band.min).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)));
      },
    ),
  );
});

test("property: the safe-integer fast path equals the decimal.js reference", async () => {
  const { scoreQualitativeFixed } = await import("./qualitative.ts");
  const { fixedFrom } = await import("./fixed-point.ts");
  fc.assert(
    fc.property(
      fc.constantFrom<Grade>("达成", "部分达成", "未达成"),
      fc.integer({ min: 0, max: 3000 }),
      fc.option(fc.integer({ min: -500, max: 3500 })),
      (grade, w100, given100) => {
        const w = new Decimal(w100).div(100);
        const given = given100 === null ? undefined : given100 / 100;
        const ref = scoreQualitative(grade, w, given, P);
        const fast = scoreQualitativeFixed(grade, fixedFrom(w.toFixed())!, given, P);
        assert.ok(fast);
        assert.equal(fast.hundredths, ref.score.times(100).toNumber());
        assert.equal(fast.working, ref.working);
        assert.deepEqual(fast.outOfBand, ref.outOfBand);
      },
    ),
  );
});
