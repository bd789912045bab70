import assert from "node:assert/strict";
import { test } from "node:test";
import { missingSatisfaction } from "./missing-satisfaction.ts";
import { buildProject, findingsOf, wellFormedIndicators } from "./test-helpers.ts";

test("structure.missing-satisfaction warns when no 满意度指标 row exists", () => {
  const p = buildProject({ indicators: wellFormedIndicators().filter((i) => i.level1 !== "满意度指标") });
  const found = findingsOf(missingSatisfaction, p);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, "warning");
});

test("structure.missing-satisfaction is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(missingSatisfaction, buildProject()), []);
});
