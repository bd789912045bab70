import assert from "node:assert/strict";
import { test } from "node:test";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { vagueTarget } from "./vague-target.ts";

test("value.vague-target fires on 产出 targets like 较好 / 有所提高", () => {
  const p = projectWith(1, { nature: "定性", operator: null, target: "体检质量较好", unit: null });
  const found = findingsOf(vagueTarget, p);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /较好/);
  assert.equal(findingsOf(vagueTarget, projectWith(2, { target: "有所提高" })).length, 1);
});

test("value.vague-target ignores 效益 rows and precise output targets", () => {
  assert.deepEqual(findingsOf(vagueTarget, buildProject()), []);
  assert.deepEqual(findingsOf(vagueTarget, projectWith(5, { target: "有所缓解" })), []);
});
