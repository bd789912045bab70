import assert from "node:assert/strict";
import { test } from "node:test";
import { parseReviewPolicy, reviewPreset } from "./parse-review-policy.ts";
import { REVIEW_PRESETS } from "./presets.ts";

test("presets: default 90, indicators-80, and the 2021 policy requiring cost", () => {
  assert.equal(reviewPreset("default")?.weightTotal, 90);
  assert.equal(reviewPreset("indicators-80")?.weightTotal, 80);
  const p2021 = reviewPreset("cost-first-level-2021")!;
  assert.equal(p2021.requireCost, true);
  assert.equal(p2021.layout, "cost-first-level-2021");
  assert.equal(reviewPreset("nope"), null);
  for (const [id, p] of Object.entries(REVIEW_PRESETS)) assert.equal(p.id, id);
});

test("parseReviewPolicy: extends a preset and overrides settings and rules", () => {
  const { value, diagnostics } = parseReviewPolicy({
    id: "my-city",
    extends: "indicators-80",
    minIndicators: 5,
    level1Split: [
      { level1: ["产出指标", "成本指标"], points: 40 },
      { level1: "效益指标", points: 30 },
    ],
    rules: { "value.vague-target": "off", "weight.level1-split": "error" },
  });
  assert.deepEqual(diagnostics, []);
  assert.equal(value?.id, "my-city");
  assert.equal(value?.weightTotal, 80);
  assert.equal(value?.minIndicators, 5);
  assert.deepEqual(value?.level1Split?.[1], { level1: ["效益指标"], points: 30 });
  assert.deepEqual(value?.rules, { "value.vague-target": "off", "weight.level1-split": "error" });
  assert.deepEqual(REVIEW_PRESETS["indicators-80"]!.rules, {}, "presets are not mutated");
});

test("parseReviewPolicy: bad values are errors, unknown keys and rule codes are warnings", () => {
  assert.equal(parseReviewPolicy("x").value, null);
  const bad = parseReviewPolicy({ weightTotal: -1, layout: "new", extends: "nope" });
  assert.equal(bad.value, null);
  assert.deepEqual(
    bad.diagnostics.map((d) => d.code),
    ["policy.unknown-preset", "policy.bad-value", "policy.bad-value"],
  );
  const warn = parseReviewPolicy({ colour: "red", rules: { "no.such-rule": "off", "weight.sum": "loud" } });
  assert.equal(warn.value, null);
  assert.deepEqual(
    warn.diagnostics.map((d) => [d.code, d.severity]),
    [
      ["policy.unknown-key", "warning"],
      ["policy.unknown-rule", "warning"],
      ["policy.bad-value", "error"],
    ],
  );
  const ok = parseReviewPolicy({ colour: "red" });
  assert.equal(ok.value?.weightTotal, 90);
});
