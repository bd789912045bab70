import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_REVIEW_POLICY } from "../policy/presets.ts";
import { buildProject, findingsOf, wellFormedIndicators } from "./test-helpers.ts";
import { tooFewIndicators } from "./too-few-indicators.ts";

test("structure.too-few-indicators fires under the policy minimum", () => {
  const found = findingsOf(tooFewIndicators, buildProject({ indicators: wellFormedIndicators().slice(0, 2) }));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /只有 2 个/);
});

test("structure.too-few-indicators follows the policy and is quiet on enough rows", () => {
  assert.deepEqual(findingsOf(tooFewIndicators, buildProject()), []);
  const strict = { ...DEFAULT_REVIEW_POLICY, minIndicators: 10 };
  assert.equal(findingsOf(tooFewIndicators, buildProject(), strict).length, 1);
});
