import assert from "node:assert/strict";
import { test } from "node:test";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { weightNonPositive } from "./weight-non-positive.ts";

test("weight.non-positive fires on 0, negative and NaN weights", () => {
  for (const weight of [0, -2, Number.NaN]) {
    const found = findingsOf(weightNonPositive, projectWith(0, { weight }));
    assert.equal(found.length, 1, String(weight));
    assert.equal(found[0]!.field, "weight");
  }
});

test("weight.non-positive is quiet on positive weights", () => {
  assert.deepEqual(findingsOf(weightNonPositive, buildProject()), []);
  assert.deepEqual(findingsOf(weightNonPositive, projectWith(0, { weight: 2.5 })), []);
});
