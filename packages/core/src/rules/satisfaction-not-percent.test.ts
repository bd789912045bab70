import assert from "node:assert/strict";
import { test } from "node:test";
import { satisfactionNotPercent } from "./satisfaction-not-percent.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.satisfaction-not-percent fires on a qualitative satisfaction", () => {
  const found = findingsOf(
    satisfactionNotPercent,
    projectWith(7, { nature: "定性", operator: null, target: "满意", unit: null }),
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "unit");
  assert.equal(findingsOf(satisfactionNotPercent, projectWith(7, { unit: "人" })).length, 1);
});

test("value.satisfaction-not-percent is quiet on ≥ 95 %", () => {
  assert.deepEqual(findingsOf(satisfactionNotPercent, buildProject()), []);
});
