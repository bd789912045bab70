import assert from "node:assert/strict";
import { test } from "node:test";
import { mixedLayout } from "./mixed-layout.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("structure.mixed-layout fires when cost is both under 产出 and first-level", () => {
  const found = findingsOf(mixedLayout, projectWith(4, { level1: "成本指标", level2: "经济成本指标" }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /退休人员体检标准.*体检费总额/);
});

test("structure.mixed-layout is quiet on one layout", () => {
  assert.deepEqual(findingsOf(mixedLayout, buildProject()), []);
  const all2021 = buildProject();
  for (const i of all2021.indicators)
    if (i.level2 === "成本指标") Object.assign(i, { level1: "成本指标", level2: "经济成本指标" });
  assert.deepEqual(findingsOf(mixedLayout, all2021), []);
});
