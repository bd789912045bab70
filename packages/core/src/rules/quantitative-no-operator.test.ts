import assert from "node:assert/strict";
import { test } from "node:test";
import { quantitativeNoOperator } from "./quantitative-no-operator.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.quantitative-no-operator fires on 正向 without an operator", () => {
  const found = findingsOf(quantitativeNoOperator, projectWith(0, { operator: null }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 0);
});

test("value.quantitative-no-operator is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(quantitativeNoOperator, buildProject()), []);
});

test("value.quantitative-no-operator is quiet when the target states the operator (≥95%, 95%以上)", () => {
  assert.deepEqual(findingsOf(quantitativeNoOperator, projectWith(1, { operator: null, target: "≥95" })), []);
  assert.deepEqual(findingsOf(quantitativeNoOperator, projectWith(1, { operator: null, target: "95%以上" })), []);
});
