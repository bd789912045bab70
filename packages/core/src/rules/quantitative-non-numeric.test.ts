import assert from "node:assert/strict";
import { test } from "node:test";
import { quantitativeNonNumeric } from "./quantitative-non-numeric.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.quantitative-non-numeric fires on 正向 with a text target", () => {
  const found = findingsOf(quantitativeNonNumeric, projectWith(1, { target: "全覆盖" }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /全覆盖/);
});

test("value.quantitative-non-numeric accepts plain numbers, separators and a trailing %", () => {
  assert.deepEqual(findingsOf(quantitativeNonNumeric, buildProject()), []);
  assert.deepEqual(findingsOf(quantitativeNonNumeric, projectWith(3, { target: "1,000" })), []);
  assert.deepEqual(findingsOf(quantitativeNonNumeric, projectWith(1, { target: "95%" })), []);
});
