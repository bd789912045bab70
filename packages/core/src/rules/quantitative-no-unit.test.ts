import assert from "node:assert/strict";
import { test } from "node:test";
import { quantitativeNoUnit } from "./quantitative-no-unit.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.quantitative-no-unit fires on 正向 without a unit", () => {
  const found = findingsOf(quantitativeNoUnit, projectWith(0, { unit: null }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.field, "unit");
});

test("value.quantitative-no-unit is quiet on a well-formed project (定性 rows need none)", () => {
  assert.deepEqual(findingsOf(quantitativeNoUnit, buildProject()), []);
});
