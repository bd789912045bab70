import assert from "node:assert/strict";
import { test } from "node:test";
import { INDICATORS_80_REVIEW_POLICY } from "../policy/presets.ts";
import { buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { weightSum } from "./weight-sum.ts";

test("weight.sum fires when weights add to 95 instead of 90", () => {
  const found = findingsOf(weightSum, projectWith(0, { weight: 15 }));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicator, null);
  assert.match(found[0]!.message, /合计 95 分，应为 90 分（多 5 分）/);
});

test("weight.sum adds decimals exactly and follows the policy total", () => {
  assert.deepEqual(findingsOf(weightSum, buildProject()), []);
  const p = projectWith(0, { weight: 9.9 });
  p.indicators[1] = { ...p.indicators[1]!, weight: 10.1 };
  assert.deepEqual(findingsOf(weightSum, p), []);
  assert.equal(findingsOf(weightSum, buildProject(), INDICATORS_80_REVIEW_POLICY).length, 1);
});
