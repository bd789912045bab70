import assert from "node:assert/strict";
import { test } from "node:test";
import { COST_FIRST_LEVEL_2021_REVIEW_POLICY, DEFAULT_REVIEW_POLICY } from "../policy/presets.ts";
import { layoutMismatch } from "./layout-mismatch.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("structure.layout-mismatch flags 产出/成本指标 under the 2021 policy", () => {
  const found = findingsOf(layoutMismatch, buildProject(), COST_FIRST_LEVEL_2021_REVIEW_POLICY);
  assert.deepEqual(
    found.map((f) => f.indicatorIndex),
    [3, 4],
  );
});

test("structure.layout-mismatch flags 2021 pairs under an older-only policy", () => {
  const p = projectWith(4, { level1: "成本指标", level2: "经济成本指标" });
  const found = findingsOf(layoutMismatch, p, { ...DEFAULT_REVIEW_POLICY, layout: "older" });
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 4);
});

test("structure.layout-mismatch is quiet when the policy accepts any layout", () => {
  assert.deepEqual(findingsOf(layoutMismatch, buildProject()), []);
});
