import assert from "node:assert/strict";
import { test } from "node:test";
import type { Indicator } from "../model/document.ts";
import { buildIndicator, buildProject, findingsOf, projectWith } from "./test-helpers.ts";
import { unitCostVsBudget } from "./unit-cost-vs-budget.ts";

const count = (name: string, target: string): Indicator => buildIndicator({ name, operator: "=", target, weight: 1 });
const rate = (name: string, target: string): Indicator =>
  buildIndicator({ level2: "成本指标", name, operator: "=", target, unit: "元/年", weight: 1 });

/** The seed's 劳动模范荣誉津贴: three allowance standards and five headcounts. */
function allowances(budget: number) {
  return buildProject({
    name: "呼市地区各级劳动模范荣誉津贴",
    budget,
    indicators: [
      count("社保代发的国家级劳模津贴发放人数", "14"),
      count("社保代发的省部级劳模津贴发放人数", "148"),
      count("社保代发的市级劳模津贴发放人数", "778"),
      count("市总工会代发的国家级劳模津贴发放人数", "1"),
      count("市总工会代发的省部级劳模津贴发放人数", "6"),
      count("市总工会代发的市级劳模津贴发放人数", "24"),
      buildIndicator({ level2: "质量指标", name: "津贴发放覆盖率", target: "95", unit: "%" }),
      rate("国家级劳模发放津贴标准", "6000"),
      rate("省部级劳模发放津贴标准", "3600"),
      rate("市级劳模发放津贴标准", "720"),
    ],
  });
}

test("money.unit-cost-vs-budget pairs standards with headcounts by name: 122.18 short of 128.85", () => {
  const found = findingsOf(unitCostVsBudget, allowances(128.85));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 9);
  assert.match(found[0]!.message, /= 122\.18 万元，少于预算 128\.85 万元/);
  assert.match(found[0]!.message, /6000元\/年 × \(14\+1\)人/);
});

test("money.unit-cost-vs-budget accepts 122.18 within tolerance", () => {
  assert.deepEqual(findingsOf(unitCostVsBudget, allowances(122.18)), []);
});

test("money.unit-cost-vs-budget: 1000 元/人 × 70 人 = 7 万元 matches; × 90 人 exceeds", () => {
  assert.deepEqual(findingsOf(unitCostVsBudget, buildProject()), []);
  const over = findingsOf(unitCostVsBudget, projectWith(0, { target: "90" }, { budget: 5 }));
  assert.equal(over.length, 1);
  assert.match(over[0]!.message, /至少 9 万元/);
});

test("money.unit-cost-vs-budget skips when the pairing is uncertain", () => {
  const p = allowances(500);
  p.indicators.push(count("劳模人数", "10"));
  assert.deepEqual(findingsOf(unitCostVsBudget, p), []);
});
