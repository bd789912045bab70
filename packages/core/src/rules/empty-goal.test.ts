import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyGoal } from "./empty-goal.ts";
import { buildProject, findingsOf } from "./test-helpers.ts";

test("structure.empty-goal fires on a blank goal", () => {
  const found = findingsOf(emptyGoal, buildProject({ goal: "  " }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "goal");
});

test("structure.empty-goal is quiet on a stated goal", () => {
  assert.deepEqual(findingsOf(emptyGoal, buildProject()), []);
});
