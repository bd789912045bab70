import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetDocument } from "../../api/types.ts";
import { indexMarks, projectsWithin } from "./read-table.tsx";

const doc = (sizes: number[]): TargetDocument =>
  ({
    format: "jixiao.targets/1",
    moneyUnit: "万元",
    projects: sizes.map((n) => ({ indicators: Array.from({ length: n }, () => ({})) })),
  }) as unknown as TargetDocument;

test("a long table renders whole projects up to the row budget, at least one", () => {
  assert.equal(projectsWithin(doc([10, 10, 10]), 25), 2);
  assert.equal(projectsWithin(doc([10, 10, 10]), 30), 3);
  assert.equal(projectsWithin(doc([500, 10]), 400), 1);
  assert.equal(projectsWithin(doc([0, 0]), 1), 1);
  assert.equal(projectsWithin(doc([]), 400), 0);
});

test("marks are found by project, indicator and field", () => {
  const m = indexMarks([
    { projectIndex: 0, indicatorIndex: 2, field: "target", kind: "doubtful", code: "x", message: "", messageEn: "" },
    { projectIndex: 0, field: "budget", kind: "inferred", code: "y", message: "", messageEn: "" },
  ]);
  assert.equal(m.get("0.2.target")?.[0]?.code, "x");
  assert.equal(m.get("0..budget")?.[0]?.code, "y");
  assert.equal(m.get("0.1.target"), undefined);
});
