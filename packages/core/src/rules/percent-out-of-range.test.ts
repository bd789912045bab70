import assert from "node:assert/strict";
import { test } from "node:test";
import { percentOutOfRange } from "./percent-out-of-range.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.percent-out-of-range fires on 292%", () => {
  const found = findingsOf(percentOutOfRange, projectWith(1, { target: "292" }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /292%/);
  assert.equal(findingsOf(percentOutOfRange, projectWith(1, { target: "-5" })).length, 1);
});

test("value.percent-out-of-range accepts 0 and 100, and non-% units above 100", () => {
  assert.deepEqual(findingsOf(percentOutOfRange, buildProject()), []);
  assert.deepEqual(findingsOf(percentOutOfRange, projectWith(1, { target: "0" })), []);
  assert.deepEqual(findingsOf(percentOutOfRange, projectWith(0, { target: "4000" })), []);
});
