import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Exact } from "../model/exact.ts";
import { DEFAULT_SCORING_POLICY } from "./policy.ts";
import { projectTotal, totalGrade } from "./totals.ts";

const grade = (t: number, grades = DEFAULT_SCORING_POLICY.grades) => totalGrade(Exact.from(t), grades);

test("projectTotal adds execution and indicator parts exactly", () => {
  assert.equal(projectTotal(Exact.from(9.29), Exact.from(81.3)).toString(), "90.59");
  assert.equal(projectTotal(Exact.from(0.1), Exact.from(0.2)).toString(), "0.3");
});

test("totalGrade at each threshold edge", () => {
  assert.deepEqual(
    [100, 90, 89.99, 80, 79.99, 60, 59.99, 0].map((t) => grade(t)),
    ["优", "优", "良", "良", "中", "中", "差", "差"],
  );
});

test("totalGrade sorts thresholds itself", () => {
  const grades = [
    { min: 0, grade: "不合格" },
    { min: 85, grade: "合格" },
  ];
  assert.equal(grade(86, grades), "合格");
  assert.equal(grade(84.99, grades), "不合格");
  assert.equal(grade(1, []), "");
});

test("property: totalGrade picks what a stable sort by threshold (highest first) picks, ties included", () => {
  const grades = fc.array(
    fc.record({
      min: fc.constantFrom(0, 59.5, 60, 80, 80, 90, 100, -5),
      grade: fc.constantFrom("优", "良", "中", "差", "A", "B"),
    }),
    { maxLength: 6 },
  );
  fc.assert(
    fc.property(fc.integer({ min: -1000, max: 12000 }), grades, (h, gs) => {
      const t = h / 100;
      const sorted = [...gs].sort((a, b) => b.min - a.min);
      const want = sorted.find((g) => t >= g.min)?.grade ?? sorted[sorted.length - 1]?.grade ?? "";
      assert.equal(totalGrade(Exact.of(h, 2), gs), want);
    }),
    { numRuns: 3000 },
  );
});
