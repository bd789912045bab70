import assert from "node:assert/strict";
import { test } from "node:test";
import { costExceedsBudget } from "./cost-exceeds-budget.ts";
import { buildDocument, buildIndicator, buildProject, findingsOf, projectWith } from "./test-helpers.ts";

test("money.cost-exceeds-budget fires on 4.3 + 0.1 万元 against a budget of 4.3", () => {
  const p = projectWith(4, { target: "4.3" }, { budget: 4.3 });
  p.indicators.push(
    buildIndicator({
      level2: "成本指标",
      name: "体检预约体检成本",
      nature: "反向",
      operator: "≤",
      target: "0.1",
      unit: "万元",
      weight: 0,
    }),
  );
  const found = findingsOf(costExceedsBudget, p);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.indicatorIndex, 8);
  assert.match(found[0]!.message, /4\.3万元 \+ 0\.1万元 = 4\.4 万元，超过预算 4\.3 万元/);
});

test("money.cost-exceeds-budget converts 元 into the document's unit", () => {
  const p = projectWith(4, { target: "80,000", unit: "元" });
  assert.equal(findingsOf(costExceedsBudget, p).length, 1);
  const doc = buildDocument([projectWith(4, { target: "70,000", unit: "元" })]);
  assert.deepEqual(findingsOf(costExceedsBudget, doc), []);
});

test("money.cost-exceeds-budget is quiet when costs equal the budget", () => {
  assert.deepEqual(findingsOf(costExceedsBudget, buildProject()), []);
});

test("money.cost-exceeds-budget leaves social and ecological costs out of the sum", () => {
  const p = buildProject();
  p.indicators.push(
    buildIndicator({
      level1: "成本指标",
      level2: "生态环境成本指标",
      name: "生态修复成本",
      target: "50",
      unit: "万元",
      weight: 0,
    }),
  );
  assert.deepEqual(findingsOf(costExceedsBudget, p), []);
  p.indicators.push(
    buildIndicator({
      level1: "成本指标",
      level2: "经济成本指标",
      name: "设备购置成本",
      target: "50",
      unit: "万元",
      weight: 0,
    }),
  );
  assert.equal(findingsOf(costExceedsBudget, p).length, 1);
});
