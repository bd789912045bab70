import assert from "node:assert/strict";
import { test } from "node:test";
import type { Project } from "../model/document.ts";
import { scoreProject } from "../scoring/score-project.ts";
import { compareSpotCheck } from "./spot-check.ts";
import { indicator, project } from "./testing/build.ts";

const unitSide = (): Project =>
  project({
    indicators: [
      indicator({ name: "培训人次", weight: 45, actual: 100 }),
      indicator({ name: "受益人数", weight: 45, actual: 100 }),
    ],
  });

test("the finance bureau's actuals beside the unit's: differences per row and on the total", () => {
  // unit: 45 + 45 = 90, executed 100 → 10; total 100
  // finance: row 1 actual 90 → 45 × 90 ÷ 100 = 40.5 (−4.5, beyond 1); executed 95 → 9.5
  //          total 9.5 + 85.5 = 95 → −5, not beyond 5 (only more than the tolerance counts)
  const u = unitSide();
  const f = unitSide();
  f.executed = 95;
  f.indicators[1]!.actual = 90;
  const rows = compareSpotCheck(scoreProject(u, 0), scoreProject(f, 0));
  assert.deepEqual(rows, [
    { indicatorIndex: 0, name: "培训人次", unit: "45", finance: "45", difference: "0", beyond: false },
    { indicatorIndex: 1, name: "受益人数", unit: "45", finance: "40.5", difference: "-4.5", beyond: true },
    { indicatorIndex: null, name: "总分", unit: "100", finance: "95", difference: "-5", beyond: false },
  ]);
  // one number is the tolerance of every row and the total: 4.5 → the total's 5 is beyond, row 1's 4.5 not
  assert.deepEqual(
    compareSpotCheck(scoreProject(u, 0), scoreProject(f, 0), 4.5).map((r) => r.beyond),
    [false, false, true],
  );
});

test("differences are exact decimals: 8.36 against 8.37 is 0.01", () => {
  // weight 9, target 70: actual 65 → 9 × 65 ÷ 70 = 8.357… → 8.36; 65.1 → 8.370 → 8.37
  const u = project({ indicators: [indicator({ weight: 9, target: "70", actual: 65 })] });
  const f = project({ indicators: [indicator({ weight: 9, target: "70", actual: 65.1 })] });
  const rows = compareSpotCheck(scoreProject(u, 0), scoreProject(f, 0), { total: 0, indicator: 0 });
  assert.deepEqual(
    rows.map((r) => [r.unit, r.finance, r.difference, r.beyond]),
    [
      ["8.36", "8.37", "0.01", true],
      ["18.36", "18.37", "0.01", true],
    ],
  );
});

test("a row not applicable on both sides is left out; on one side it shows blank and counts 0", () => {
  const u = unitSide();
  const f = unitSide();
  u.indicators[0]!.notApplicable = true;
  f.indicators[0]!.notApplicable = true;
  assert.deepEqual(
    compareSpotCheck(scoreProject(u, 0), scoreProject(f, 0)).map((r) => r.indicatorIndex),
    [1, null],
  );
  const g = unitSide();
  const rows = compareSpotCheck(scoreProject(u, 0), scoreProject(g, 0));
  assert.deepEqual([rows[0]!.unit, rows[0]!.finance, rows[0]!.difference, rows[0]!.beyond], ["", "45", "45", true]);
});
