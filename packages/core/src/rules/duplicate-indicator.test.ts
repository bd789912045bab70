import assert from "node:assert/strict";
import { test } from "node:test";
import { duplicateIndicator } from "./duplicate-indicator.ts";
import { buildIndicator, buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("structure.duplicate-indicator fires on the same name twice under one 二级", () => {
  const p = buildProject();
  p.indicators.push(buildIndicator({ name: "参加体检的 退休人数", weight: 0 }));
  const found = findingsOf(duplicateIndicator, p);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 8);
  assert.match(found[0]!.message, /第 1 行/);
});

test("structure.duplicate-indicator leaves different 二级 to the consistency rule", () => {
  assert.deepEqual(findingsOf(duplicateIndicator, projectWith(6, { name: "保障退休人员身体健康" })), []);
  assert.deepEqual(findingsOf(duplicateIndicator, buildProject()), []);
});
