import assert from "node:assert/strict";
import { test } from "node:test";
import type { MonitoringFinding } from "./finding.ts";
import type { MonitoredIndicator } from "./model.ts";
import { monitorIndicator } from "./monitor-indicator.ts";
import { DEFAULT_MONITORING_POLICY } from "./policy.ts";

const place = { project: "退休人员体检费", projectIndex: 0, indicator: "参加体检的退休人数", indicatorIndex: 2 };
const people: MonitoredIndicator = {
  level1: "产出指标",
  level2: "数量指标",
  name: "参加体检的退休人数",
  nature: "正向",
  operator: "≥",
  target: "79",
  unit: "人",
};

function run(ind: MonitoredIndicator, month = 7) {
  const findings: MonitoringFinding[] = [];
  const result = monitorIndicator(ind, place, month, DEFAULT_MONITORING_POLICY, findings);
  return { result, codes: findings.map((f) => f.code), findings };
}

test("green: 40 of 79 people by July (86.80 ≥ 80), no findings", () => {
  const { result, codes } = run({ ...people, actualToDate: 40, forecast: 79, likelihood: "确定能" });
  assert.deepEqual([result.progress, result.value, result.light], [50.63, 86.8, "green"]);
  assert.match(result.working, /40 ÷ 79 = 50\.63%/);
  assert.deepEqual(codes, []);
});

test("yellow: 30 of 79 by July (65.10)", () => {
  const { result, codes } = run({ ...people, actualToDate: "30人", likelihood: "有可能" });
  assert.deepEqual([result.value, result.light], [65.1, "yellow"]);
  assert.deepEqual(codes, []);
});

test("red without 原因 and 纠偏措施 is an error; with both it is clean", () => {
  const bare = run({ ...people, actualToDate: 25, likelihood: "有可能" });
  assert.deepEqual([bare.result.value, bare.result.light], [54.25, "red"]);
  assert.deepEqual(bare.codes, ["monitor.cause-missing"]);
  assert.equal(bare.findings[0]!.severity, "error");
  assert.match(bare.findings[0]!.message, /红灯.*偏差原因和纠偏措施/);
  const causeOnly = run({ ...people, actualToDate: 25, likelihood: "有可能", deviationCause: "人员保障" });
  assert.match(causeOnly.findings[0]!.message, /须填写纠偏措施$/);
  const other = run({
    ...people,
    actualToDate: 25,
    likelihood: "有可能",
    deviationCause: "其他",
    correctiveAction: "下半年集中组织",
  });
  assert.deepEqual(other.codes, ["monitor.cause-missing"], "其他 needs its text");
  const full = run({
    ...people,
    actualToDate: 25,
    likelihood: "有可能",
    deviationCause: "人员保障",
    deviationText: "部分退休人员外出",
    correctiveAction: "9 月集中补检",
  });
  assert.deepEqual(full.codes, []);
  assert.equal(full.result.light, "red");
});

test("完全不可能 is red whatever the progress and needs 原因 and 纠偏措施", () => {
  const { result, codes, findings } = run({ ...people, actualToDate: 60, likelihood: "完全不可能" });
  assert.equal(result.light, "red");
  assert.match(result.working, /完全不可能 → 红灯/);
  assert.deepEqual(codes, ["monitor.cause-missing"]);
  assert.match(findings[0]!.message, /完全不可能/);
});

test("定性 needs 完成可能性 only: its light follows the likelihood", () => {
  const q: MonitoredIndicator = { ...people, nature: "定性", operator: null, target: "有效保障", unit: null };
  assert.equal(run({ ...q, likelihood: "确定能" }).result.light, "green");
  assert.equal(run({ ...q, likelihood: "有可能" }).result.light, "yellow");
  assert.deepEqual(run({ ...q, likelihood: "确定能" }).codes, []);
  const none = run(q);
  assert.equal(none.result.light, null);
  assert.deepEqual(none.codes, ["monitor.likelihood-missing"]);
});

test("全年预计 below the target while 确定能 is a contradiction", () => {
  const { codes, findings } = run({ ...people, actualToDate: 40, forecast: 70, likelihood: "确定能" });
  assert.deepEqual(codes, ["monitor.forecast-misses-target"]);
  assert.match(findings[0]!.message, /70 未达到年度指标值 ≥79人/);
  // 有可能 says the same honestly
  assert.deepEqual(run({ ...people, actualToDate: 40, forecast: 70, likelihood: "有可能" }).codes, []);
  // 反向: a forecast above ≤ 10 天 misses
  const days: MonitoredIndicator = { ...people, nature: "反向", operator: "≤", target: "10", unit: "天" };
  assert.deepEqual(run({ ...days, actualToDate: 8, forecast: 12, likelihood: "确定能" }).codes, [
    "monitor.forecast-misses-target",
  ]);
  assert.deepEqual(run({ ...days, actualToDate: 8, forecast: 9, likelihood: "确定能" }).codes, []);
});

test("an actual far above the target (≥ 130%) flags a target set too low", () => {
  const { result, codes, findings } = run({ ...people, actualToDate: 110, forecast: 120, likelihood: "确定能" });
  assert.equal(result.progress, 139.24);
  assert.deepEqual(codes, ["monitor.actual-far-above"]);
  assert.match(findings[0]!.message, /139\.24%（不低于 130%）/);
  assert.deepEqual(run({ ...people, actualToDate: 100, likelihood: "确定能" }).codes, []);
});

test("missing, unreadable and wrongly-united actuals; unreadable targets fall back to the likelihood", () => {
  const missing = run({ ...people, likelihood: "有可能" });
  assert.deepEqual(missing.codes, ["monitor.actual-missing"]);
  assert.equal(missing.result.light, "yellow");
  assert.deepEqual(run({ ...people, actualToDate: "约一半", likelihood: "有可能" }).codes, [
    "monitor.actual-not-numeric",
  ]);
  assert.deepEqual(run({ ...people, actualToDate: "3项", likelihood: "有可能" }).codes, ["monitor.actual-unit"]);
  const words = run({ ...people, target: "显著提高", actualToDate: 5, likelihood: "确定能" });
  assert.deepEqual(words.codes, ["monitor.target-not-numeric"]);
  assert.equal(words.result.light, "green");
});

test("money targets convert 万元 ↔ 元 through the vocabulary", () => {
  const cost: MonitoredIndicator = { ...people, nature: "反向", operator: "≤", target: "65万元", unit: "元" };
  const { result } = run({ ...cost, actualToDate: 500000, likelihood: "确定能" });
  assert.equal(result.progress, 130);
});

test("a target cell that prints its own operator and unit is shown once", () => {
  const { findings } = run({
    ...people,
    target: "≥95%",
    unit: "%",
    actualToDate: 60,
    forecast: 90,
    likelihood: "确定能",
  });
  assert.match(findings[0]!.message, /90 未达到年度指标值 ≥95%，/);
});
