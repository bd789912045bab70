import assert from "node:assert/strict";
import { test } from "node:test";
import { weightSummary } from "./weights.ts";

test("weightSummary adds exactly, groups by 一级 and reports what is missing from the policy total", () => {
  const s = weightSummary(
    [
      { level1: "产出指标", weight: 0.1 },
      { level1: "产出指标", weight: 0.2 },
      { level1: "效益指标", weight: 30 },
      { level1: "满意度指标", weight: null },
    ],
    90,
  );
  assert.equal(s.total, 30.3); // not 30.300000000000001
  assert.deepEqual(s.byLevel1, [
    { level1: "产出指标", total: 0.3 },
    { level1: "效益指标", total: 30 },
    { level1: "满意度指标", total: 0 },
  ]);
  assert.equal(s.missing, 59.7);
});

test("weightSummary of a balanced seed-like table is 0 missing", () => {
  const ws = [20, 10, 10, 10, 20, 10, 10];
  const s = weightSummary(
    ws.map((weight) => ({ level1: "产出指标", weight })),
    90,
  );
  assert.equal(s.total, 90);
  assert.equal(s.missing, 0);
});
