import assert from "node:assert/strict";
import { test } from "node:test";
import { Exact } from "../model/exact.ts";
import {
  executionRateToDate,
  executionValue,
  indicatorProgress,
  indicatorValue,
  lightOf,
  timeProgress,
  validMonth,
} from "./light.ts";
import { DEFAULT_MONITORING_POLICY, STRICT_MONITORING_POLICY } from "./policy.ts";

const E = (x: number) => Exact.from(x);
const T = DEFAULT_MONITORING_POLICY.thresholds;

test("序时进度: month ÷ 12 × 100, 2 decimals", () => {
  assert.equal(timeProgress(7).toString(), "58.33");
  assert.equal(timeProgress(6).toString(), "50");
  assert.equal(timeProgress(12).toString(), "100");
  assert.equal(validMonth(0), false);
  assert.equal(validMonth(13), false);
  assert.equal(validMonth(6.5), false);
});

test("execution light, worked: budget 7 万元 at July (v = 执行数 × 1200 ÷ (预算数 × 7))", () => {
  // 3.5 ÷ 7 = 50% spent against 58.33% of the year: 3.5 × 1200 ÷ 49 = 85.714… → 85.71 green
  assert.equal(executionRateToDate(E(3.5), E(7))?.toString(), "50");
  assert.equal(executionValue(E(3.5), E(7), 7)?.toString(), "85.71");
  assert.equal(lightOf(executionValue(E(3.5), E(7), 7)!, T), "green");
  // 2.8 × 1200 ÷ 49 = 68.57 → yellow
  assert.equal(executionValue(E(2.8), E(7), 7)?.toString(), "68.57");
  assert.equal(lightOf(E(68.57), T), "yellow");
  // 2 × 1200 ÷ 49 = 48.98 → red
  assert.equal(executionValue(E(2), E(7), 7)?.toString(), "48.98");
  assert.equal(lightOf(E(48.98), T), "red");
});

test("execution light, boundaries at June: 60 is yellow, 80 is green, 59.98 red", () => {
  assert.equal(executionValue(E(30), E(100), 6)?.toString(), "60");
  assert.equal(lightOf(executionValue(E(30), E(100), 6)!, T), "yellow");
  assert.equal(lightOf(executionValue(E(40), E(100), 6)!, T), "green");
  assert.equal(executionValue(E(29.99), E(100), 6)?.toString(), "59.98");
  assert.equal(lightOf(executionValue(E(29.99), E(100), 6)!, T), "red");
  assert.equal(lightOf(executionValue(E(39.99), E(100), 6)!, T), "yellow");
});

test("zero or negative budget and an invalid month give no value (no division by zero)", () => {
  assert.equal(executionValue(E(1), Exact.ZERO, 7), null);
  assert.equal(executionRateToDate(E(1), Exact.ZERO), null);
  assert.equal(executionValue(E(1), E(-5), 7), null);
  assert.equal(executionValue(E(1), E(7), 0), null);
  assert.equal(indicatorValue("正向", "≥", E(10), E(5), 13), null);
});

test("indicator progress and value, worked", () => {
  // 正向: 40 of 79 people by July: 50.63% done, 40 × 1200 ÷ (79 × 7) = 86.80 → green
  assert.equal(indicatorProgress("正向", "≥", E(79), E(40)).toString(), "50.63");
  assert.equal(indicatorValue("正向", "≥", E(79), E(40), 7)?.toString(), "86.8");
  // 25 of 79: 30000 ÷ 553 = 54.25 → red
  assert.equal(indicatorValue("正向", "≥", E(79), E(25), 7)?.toString(), "54.25");
  assert.equal(lightOf(E(54.25), T), "red");
  // 反向 ≤ 10 天, 30 天 at June: 10 × 1200 ÷ (30 × 6) = 66.67 → yellow
  assert.equal(indicatorProgress("反向", "≤", E(10), E(30)).toString(), "33.33");
  assert.equal(indicatorValue("反向", "≤", E(10), E(30), 6)?.toString(), "66.67");
  // 反向 cost ≤ 65 万元, 50 spent by July: within the target, met → 1200 ÷ 7 = 171.43 green
  assert.equal(indicatorProgress("反向", "≤", E(65), E(50)).toString(), "130");
  assert.equal(indicatorValue("反向", "≤", E(65), E(50), 7)?.toString(), "171.43");
  // 正向 beyond the target counts as met (100%), not more
  assert.equal(indicatorValue("正向", "≥", E(79), E(110), 7)?.toString(), "171.43");
  // 等于 reads as 正向
  assert.equal(indicatorValue("反向", "=", E(10), E(5), 6)?.toString(), "100");
});

test("indicator edge cases: zero targets, zero and negative actuals", () => {
  assert.equal(indicatorProgress("正向", "≥", Exact.ZERO, E(3)).toString(), "100");
  assert.equal(indicatorProgress("反向", "≤", E(5), Exact.ZERO).toString(), "100");
  assert.equal(indicatorProgress("反向", "≤", Exact.ZERO, E(2)).toString(), "0");
  assert.equal(indicatorProgress("正向", "≥", E(10), E(-4)).toString(), "0");
  assert.equal(indicatorValue("正向", "≥", Exact.ZERO, E(3), 6)?.toString(), "200");
  assert.equal(indicatorValue("反向", "≤", E(5), Exact.ZERO, 6)?.toString(), "200");
  assert.equal(indicatorValue("反向", "≤", Exact.ZERO, E(2), 6)?.toString(), "0");
});

test("thresholds come from the policy", () => {
  assert.equal(lightOf(E(85), T), "green");
  assert.equal(lightOf(E(85), STRICT_MONITORING_POLICY.thresholds), "yellow");
  assert.equal(lightOf(E(65), STRICT_MONITORING_POLICY.thresholds), "red");
  assert.equal(lightOf(E(65), { red: 50, green: 65 }), "green");
});
