import assert from "node:assert/strict";
import { test } from "node:test";
import { qualitativeNumericTarget } from "./qualitative-numeric-target.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.qualitative-numeric-target fires on 定性 with target 100", () => {
  const found = findingsOf(qualitativeNumericTarget, projectWith(5, { target: "100" }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "nature");
});

test("value.qualitative-numeric-target is quiet on text targets with numbers inside", () => {
  assert.deepEqual(findingsOf(qualitativeNumericTarget, buildProject()), []);
  assert.deepEqual(findingsOf(qualitativeNumericTarget, projectWith(2, { target: "2024年度" })), []);
});
