import assert from "node:assert/strict";
import { test } from "node:test";
import { parseScoringPolicy } from "./parse-policy.ts";
import { DEFAULT_SCORING_POLICY, SCORING_PRESETS, scoringPreset } from "./policy.ts";

test("presets by name", () => {
  assert.deepEqual(Object.keys(SCORING_PRESETS), ["default", "execution-20", "execution-steps", "grades-hao"]);
  assert.equal(scoringPreset("execution-20")?.indicatorTotal, 80);
  assert.equal(scoringPreset("execution-20")?.execution.weight, 20);
  assert.equal(scoringPreset("execution-steps")?.execution.steps?.length, 4);
  assert.equal(scoringPreset("toString"), null);
  assert.equal(scoringPreset("nope"), null);
});

test("a policy file overrides the preset it extends, without touching the preset", () => {
  const r = parseScoringPolicy({
    extends: "execution-steps",
    name: "内蒙古",
    execution: { allowOverExecution: true },
    qualitative: { 部分达成: { default: 0.7 } },
    grades: [
      { min: 85, grade: "合格" },
      { min: 0, grade: "不合格" },
    ],
  });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.value?.name, "内蒙古");
  assert.equal(r.value?.execution.allowOverExecution, true);
  assert.equal(r.value?.execution.steps?.[0]?.points, 10);
  assert.equal(r.value?.qualitative.部分达成.default, 0.7);
  assert.equal(r.value?.qualitative.部分达成.min, 0.6);
  assert.equal(SCORING_PRESETS["execution-steps"]?.execution.allowOverExecution, false);
  assert.equal(DEFAULT_SCORING_POLICY.qualitative.部分达成.default, 0.6);
});

test("steps: null switches stepped scoring off", () => {
  const r = parseScoringPolicy({ extends: "execution-steps", execution: { steps: null } });
  assert.equal(r.value?.execution.steps, undefined);
});

test("bad settings are coded diagnostics, never a throw", () => {
  for (const bad of [
    null,
    [],
    { extends: "nope" },
    { indicatorTotal: -1 },
    { execution: { weight: "10" } },
    { execution: { steps: [{ minRate: 1 }] } },
    { qualitative: { 优秀: {} } },
    { qualitative: { 部分达成: { default: 0.9 } } },
    { grades: [] },
    { deviationExcessRatio: 0 },
    { colour: "red" },
  ]) {
    const r = parseScoringPolicy(bad);
    assert.equal(r.value, null, JSON.stringify(bad));
    assert.ok(r.diagnostics.length > 0);
    assert.ok(r.diagnostics.every((d) => d.code === "policy.invalid" && d.message && d.messageEn));
  }
});
