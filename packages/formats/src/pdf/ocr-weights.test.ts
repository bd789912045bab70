import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator, TargetDocument } from "@jixiao/core";
import { repairWeights } from "./ocr-weights.ts";

/** A generated document: one project per list of weights (null: not read). */
function doc(weights: (number | null)[][]): TargetDocument {
  return {
    format: "jixiao/targets",
    moneyUnit: "万元",
    projects: weights.map((ws, p) => ({
      name: `项目${p}`,
      unitCode: "101001",
      unitName: "单位",
      category: "部门预算项目",
      budget: 10,
      goal: "目标",
      indicators: ws.map(
        (w, i) =>
          ({
            level1: "产出指标",
            level2: "数量指标",
            name: `指标${p}-${i}`,
            nature: "正向",
            operator: "≥",
            target: "1",
            unit: "个",
            ...(w === null ? {} : { weight: w }),
          }) as unknown as Indicator,
      ),
    })),
  } as unknown as TargetDocument;
}

test("a doubtful weight that lost its decimal point is put back where the department's total says", () => {
  const d = doc([
    [40, 2.5, 37.5],
    [25, 50, 27.5],
    [60, 10, 10],
  ]);
  const r = repairWeights(d, new Set(["1:0"]), new Set());
  assert.deepEqual(r, [{ pi: 1, ii: 0, from: 25, to: 2.5 }]);
  assert.equal(d.projects[1]!.indicators[0]!.weight, 2.5);
});

test("an unread weight is the rest of the total, with a dropped decimal point beside it", () => {
  const d = doc([
    [115, null, 61.5],
    [30, 30, 30],
    [45, 45],
  ]);
  // 115 → 11.5 leaves 17 for the unread one; 1.15 is finer than the 0.5 steps printed.
  const r = repairWeights(d, new Set(["0:0"]), new Set(["0:1"]));
  assert.deepEqual(r, [
    { pi: 0, ii: 0, from: 115, to: 11.5 },
    { pi: 0, ii: 1, from: null, to: 17 },
  ]);
});

test("no repair without a shared total, with two ways to meet it, or for a sure weight", () => {
  const noTotal = doc([
    [25, 50],
    [30, 30],
    [10, 90],
  ]);
  assert.deepEqual(repairWeights(noTotal, new Set(["0:0"]), new Set()), []);
  // Two doubtful 15s, either of which could be 1.5: ambiguous, left as read.
  const twoWays = doc([
    [15, 15, 73.5],
    [45, 45],
    [45, 45],
  ]);
  assert.deepEqual(repairWeights(twoWays, new Set(["0:0", "0:1"]), new Set()), []);
  const sure = doc([
    [25, 50, 5],
    [60, 10, 10],
    [40, 40],
  ]);
  assert.deepEqual(repairWeights(sure, new Set(), new Set()), []);
  assert.equal(sure.projects[0]!.indicators[0]!.weight, 25);
});
