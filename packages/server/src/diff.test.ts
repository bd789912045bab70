import assert from "node:assert/strict";
import test from "node:test";
import { diffValues } from "./diff.ts";

test("field-level diff reports changed, added and removed leaves with paths", () => {
  const a = {
    budget: 7,
    goal: "g",
    indicators: [
      { name: "x", target: "70" },
      { name: "y", target: "1" },
    ],
  };
  const b = { budget: 8, goal: "g", indicators: [{ name: "x", target: "79" }], executed: 5 };
  assert.deepEqual(diffValues(a, b), [
    { path: "budget", before: 7, after: 8 },
    { path: "indicators[0].target", before: "70", after: "79" },
    { path: "indicators[1]", before: { name: "y", target: "1" }, after: undefined },
    { path: "executed", before: undefined, after: 5 },
  ]);
  assert.deepEqual(diffValues(a, structuredClone(a)), []);
});
