import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Decimal } from "../model/money.ts";
import { DEFAULT_SCORING_POLICY } from "./policy.ts";
import { projectTotal, totalGrade, totalGradeHundredths } from "./totals.ts";

test("projectTotal adds execution and indicator parts exactly", () => {
  assert.equal(projectTotal(9.29, 81.3).toString(), "90.59");
  assert.equal(projectTotal(0.1, 0.2).toString(), "0.3");
});

test("totalGrade at each threshold edge", () => {
  const g = (t: number) => totalGrade(t, DEFAULT_SCORING_POLICY.grades);
  assert.deepEqual([100, 90, 89.99, 80, 79.99, 60, 59.99, 0].map(g), ["优", "优", "良", "良", "中", "中", "差", "差"]);
});

test("totalGrade sorts thresholds itself", () => {
  const grades = [
    { min: 0, grade: "不合格" },
    { min: 85, grade: "合格" },
  ];
  assert.equal(totalGrade(86, grades), "合格");
  assert.equal(totalGrade(84.99, grades), "不合格");
});

test("property: totalGradeHundredths picks what totalGrade's sort picks, ties and unsorted thresholds included", () => {
  assert.equal(totalGradeHundredths(8999, DEFAULT_SCORING_POLICY.grades), "良");
  assert.equal(totalGradeHundredths(1, []), "");
  const grades = fc.array(
    fc.record({
      min: fc.constantFrom(0, 59.5, 60, 80, 80, 90, 100, -5),
      grade: fc.constantFrom("优", "良", "中", "差", "A", "B"),
    }),
    { maxLength: 6 },
  );
  fc.assert(
    fc.property(fc.integer({ min: -1000, max: 12000 }), grades, (h, gs) => {
      assert.equal(totalGradeHundredths(h, gs), totalGrade(new Decimal(h).div(100), gs));
    }),
    { numRuns: 3000 },
  );
});
