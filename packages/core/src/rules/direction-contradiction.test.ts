import assert from "node:assert/strict";
import { test } from "node:test";
import { directionContradiction } from "./direction-contradiction.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("value.direction-contradiction fires on 正向 + 小于等于 and 反向 + 大于", () => {
  assert.equal(findingsOf(directionContradiction, projectWith(1, { operator: "≤" })).length, 1);
  const found = findingsOf(directionContradiction, projectWith(4, { operator: ">" }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /反向指标.*大于/);
});

test("value.direction-contradiction accepts = with either nature", () => {
  assert.deepEqual(findingsOf(directionContradiction, buildProject()), []);
  assert.deepEqual(findingsOf(directionContradiction, projectWith(4, { operator: "=" })), []);
});

test("value.direction-contradiction reads an operator written inside the target", () => {
  const found = findingsOf(directionContradiction, projectWith(1, { operator: null, target: "不高于95" }));
  assert.equal(found.length, 1);
  assert.deepEqual(findingsOf(directionContradiction, projectWith(1, { operator: null, target: "95以上" })), []);
});
