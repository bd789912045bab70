import assert from "node:assert/strict";
import { test } from "node:test";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { unknownLevel1 } from "./unknown-level1.ts";

test("structure.unknown-level1 fires on a first level outside the framework", () => {
  const found = findingsOf(unknownLevel1, projectWith(1, { level1: "管理指标" }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 1);
  assert.equal(found[0]!.indicator, "退休人员体检覆盖率");
  assert.equal(found[0]!.field, "level1");
  assert.match(found[0]!.message, /管理指标/);
});

test("structure.unknown-level1 is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(unknownLevel1, buildProject()), []);
});
