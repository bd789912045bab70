import assert from "node:assert/strict";
import { test } from "node:test";
import { operatorInTarget, targetOperator } from "./operator-in-target.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.operator-in-target fires when ≥95 in the target meets ≤ in the operator cell", () => {
  const found = findingsOf(operatorInTarget, projectWith(1, { operator: "≤", target: "≥95" }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /大于等于（≥）.*小于等于（≤）/);
});

test("value.operator-in-target is quiet when both agree or the target has no sign", () => {
  assert.deepEqual(findingsOf(operatorInTarget, buildProject()), []);
  assert.deepEqual(findingsOf(operatorInTarget, projectWith(1, { operator: "≥", target: ">=95" })), []);
  assert.deepEqual([targetOperator("≤10"), targetOperator("<5"), targetOperator("95")], ["≤", "<", null]);
});
