import assert from "node:assert/strict";
import { test } from "node:test";
import {
  absoluteCosts,
  fromFen,
  longestCommon,
  quantityMatches,
  toFen,
  unitCostGroups,
  unitCostRange,
} from "./cost-math.ts";
import { projectFacts } from "./facts.ts";
import { buildIndicator, buildProject } from "./test-helpers.ts";

test("toFen / fromFen convert exactly between 万元, 元 and 分", () => {
  assert.equal(toFen(4.3, "万元"), 4_300_000);
  assert.equal(toFen(0.1, "万元") + toFen(0.2, "万元"), toFen(0.3, "万元"));
  assert.equal(toFen(1234.56, "元"), 123_456);
  assert.equal(fromFen(4_400_000, "万元"), 4.4);
  assert.equal(toFen(0.1234567, "万元"), 123456.7, "finer than 分 goes through decimal.js");
});

test("quantityMatches: same unit, 名 = 人, and per-period rates × headcounts", () => {
  assert.ok(quantityMatches("人", "人"));
  assert.ok(quantityMatches("人", "名"));
  assert.ok(quantityMatches("年", "人"));
  assert.ok(!quantityMatches("人", "户"));
  assert.ok(!quantityMatches("年", "%"));
});

test("longestCommon", () => {
  assert.equal(longestCommon("国家级劳模发放津贴标准", "市总工会代发的国家级劳模津贴发放人数"), 5);
  assert.equal(longestCommon("", "x"), 0);
  assert.equal(longestCommon("abcde", "xxbcdxabcdz"), 4);
  assert.equal(longestCommon("aaaa", "aa"), 2);
});

test("absoluteCosts and the unit-cost range of the well-formed project", () => {
  const facts = projectFacts(buildProject());
  assert.deepEqual(absoluteCosts({ facts }), { rows: [4], fen: 7_000_000 });
  const groups = unitCostGroups(facts)!;
  assert.deepEqual(groups, [{ row: 3, quantities: [0] }]);
  assert.deepEqual(unitCostRange(facts, groups), { low: 7_000_000, high: 7_000_000 });
});

test("unitCostGroups gives up when a rate has no quantity", () => {
  const p = buildProject({ indicators: [buildIndicator({ level2: "成本指标", target: "5", unit: "元/户" })] });
  assert.equal(unitCostGroups(projectFacts(p)), null);
});
