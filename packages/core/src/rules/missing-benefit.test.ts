import assert from "node:assert/strict";
import { test } from "node:test";
import { missingBenefit } from "./missing-benefit.ts";
import { buildProject, findingsOf, wellFormedIndicators } from "./test-helpers.ts";

test("structure.missing-benefit fires when no 效益指标 row exists", () => {
  const p = buildProject({ indicators: wellFormedIndicators().filter((i) => i.level1 !== "效益指标") });
  const found = findingsOf(missingBenefit, p);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, "error");
  assert.match(found[0]!.messageEn, /no benefit indicator/);
});

test("structure.missing-benefit is quiet on a well-formed project", () => {
  assert.deepEqual(findingsOf(missingBenefit, buildProject()), []);
});
