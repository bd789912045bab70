import assert from "node:assert/strict";
import { test } from "node:test";
import { costBelowBudget } from "./cost-below-budget.ts";
import { buildProject, findingsOf, wellFormedIndicators } from "./test-helpers.ts";

/** The well-formed project without its 元/人 row: cost is only the 万元 total. */
const absoluteOnly = (budget: number) =>
  buildProject({ budget, indicators: wellFormedIndicators().filter((i) => i.unit !== "元/人") });

test("money.cost-below-budget fires when 万元 costs are under half the budget", () => {
  const found = findingsOf(costBelowBudget, absoluteOnly(20));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /7 万元，仅为预算 20 万元的 35%/);
});

test("money.cost-below-budget is quiet near the budget and when unit costs exist", () => {
  assert.deepEqual(findingsOf(costBelowBudget, absoluteOnly(7)), []);
  assert.deepEqual(findingsOf(costBelowBudget, absoluteOnly(14)), []);
  assert.deepEqual(findingsOf(costBelowBudget, buildProject({ budget: 20 })), []);
});

test("money.cost-below-budget skips cost rows named like a rate (救助标准 may be per household)", () => {
  const p = absoluteOnly(20);
  p.indicators[3] = { ...p.indicators[3]!, name: "困难职工救助标准" };
  assert.deepEqual(findingsOf(costBelowBudget, p), []);
});
