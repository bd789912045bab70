import assert from "node:assert/strict";
import { test } from "node:test";
import { budgetNonPositive } from "./budget-non-positive.ts";
import { buildProject, findingsOf } from "./test-helpers.ts";

test("money.budget-non-positive fires on a zero budget", () => {
  const found = findingsOf(budgetNonPositive, buildProject({ budget: 0 }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "budget");
});

test("money.budget-non-positive is quiet on a positive budget", () => {
  assert.deepEqual(findingsOf(budgetNonPositive, buildProject()), []);
});
