import assert from "node:assert/strict";
import { test } from "node:test";
import { qualitativeWithOperator } from "./qualitative-with-operator.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.qualitative-with-operator fires on 定性 with ≥", () => {
  const found = findingsOf(qualitativeWithOperator, projectWith(5, { operator: "≥" }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "operator");
  assert.match(found[0]!.message, /大于等于/);
});

test("value.qualitative-with-operator is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(qualitativeWithOperator, buildProject()), []);
});
