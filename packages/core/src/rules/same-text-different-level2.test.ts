import assert from "node:assert/strict";
import { test } from "node:test";
import { sameTextDifferentLevel2 } from "./same-text-different-level2.ts";
import { buildIndicator, buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("consistency.same-text-different-level2 fires on one text under 社会效益 and 可持续影响", () => {
  const found = findingsOf(sameTextDifferentLevel2, projectWith(6, { name: "保障退休人员身体健康" }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 6);
  assert.match(found[0]!.message, /社会效益.*可持续影响/);
});

test("consistency.same-text-different-level2 is quiet on distinct texts and on same-二级 duplicates", () => {
  assert.deepEqual(findingsOf(sameTextDifferentLevel2, buildProject()), []);
  const p = buildProject();
  p.indicators.push(buildIndicator({ weight: 0 }));
  assert.deepEqual(findingsOf(sameTextDifferentLevel2, p), []);
});
