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

test("the issue-17 switches read from a policy file; absent, the preset has none", () => {
  const r = parseScoringPolicy({
    execution: { capRate: false },
    zeroTarget: "actual-zero-only",
    overAchievement: { ratio: 1.3, mode: "deduct" },
    consistency: { unspentShare: 0.3 },
    grades: "好较好一般差",
  });
  assert.deepEqual(r.diagnostics, []);
  const p = r.value!;
  assert.equal(p.execution.capRate, false);
  assert.equal(p.zeroTarget, "actual-zero-only");
  assert.deepEqual(p.overAchievement, { ratio: 1.3, mode: "deduct" });
  // unspecified thresholds keep their defaults
  assert.deepEqual(p.consistency, { scoreRateExcess: 0.05, unspentShare: 0.3, targetTooLowRatio: 2 });
  assert.deepEqual(
    p.grades.map((g) => g.grade),
    ["好", "较好", "一般", "差"],
  );
  const plain = parseScoringPolicy({}).value!;
  assert.equal(plain.execution.capRate, undefined);
  assert.equal(plain.zeroTarget, undefined);
  assert.equal(plain.overAchievement, undefined);
  assert.equal(plain.consistency, undefined);
  assert.equal(parseScoringPolicy({ extends: "grades-hao" }).value?.grades[1]?.grade, "较好");
  // overAchievement: null switches an inherited one off
  assert.equal(parseScoringPolicy({ overAchievement: null }).value?.overAchievement, undefined);
});

test("bad switch settings are coded diagnostics naming the path", () => {
  for (const [bad, path] of [
    [{ execution: { capRate: "no" } }, "/execution/capRate"],
    [{ zeroTarget: "zero" }, "/zeroTarget"],
    [{ overAchievement: { ratio: 0.9, mode: "deduct" } }, "/overAchievement"],
    [{ overAchievement: { ratio: 1.3, mode: "fine" } }, "/overAchievement"],
    [{ consistency: [] }, "/consistency"],
    [{ consistency: { unspentShare: -0.1 } }, "/consistency/unspentShare"],
    [{ consistency: { targetTooLowRatio: 0 } }, "/consistency/targetTooLowRatio"],
    [{ consistency: { colour: 1 } }, "/consistency/colour"],
    [{ grades: "甲乙丙丁" }, "/grades"],
  ] as const) {
    const r = parseScoringPolicy(bad);
    assert.equal(r.value, null, JSON.stringify(bad));
    assert.equal(r.diagnostics.length, 1, JSON.stringify(bad));
    assert.equal(r.diagnostics[0]!.code, "policy.invalid");
    assert.ok(r.diagnostics[0]!.messageEn.includes(`${path}:`), r.diagnostics[0]!.messageEn);
    assert.ok(r.diagnostics[0]!.message.includes(`${path}:`));
  }
});
