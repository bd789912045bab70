import assert from "node:assert/strict";
import { test } from "node:test";
import { type BudgetAdvicePolicy, budgetAdvice, DEFAULT_BUDGET_ADVICE_POLICY } from "./budget-advice.ts";

test("default policy, both label schemes: 优/好 priority, 良/较好 as needed, 中/一般 −10%, 差 cancel", () => {
  // 123.45 × (1 − 0.1) = 111.105, exactly
  for (const [grade, action, amount, rectify] of [
    ["优", "priority", "123.45", false],
    ["好", "priority", "123.45", false],
    ["良", "as-needed", "123.45", false],
    ["较好", "as-needed", "123.45", false],
    ["中", "reduce", "111.105", true],
    ["一般", "reduce", "111.105", true],
    ["差", "cancel", "0", true],
  ] as const) {
    const a = budgetAdvice(grade, 123.45, DEFAULT_BUDGET_ADVICE_POLICY);
    assert.deepEqual([a.action, a.amount, a.rectify], [action, amount, rectify], grade);
    assert.ok(a.labelZh && a.labelEn);
  }
  assert.deepEqual(budgetAdvice("中", 100), {
    action: "reduce",
    share: "0.1",
    amount: "90",
    labelZh: "压减 10%",
    labelEn: "Reduce by 10%",
    rectify: true,
  });
  assert.equal(budgetAdvice("差", 100).share, "1");
  assert.equal(budgetAdvice("优", 100).share, null);
});

test('budgets as text are read exactly: 中 of "1,234.5" → 1111.05; 0.3 × 0.9 = 0.27', () => {
  assert.equal(budgetAdvice("中", "1,234.5").amount, "1111.05");
  assert.equal(budgetAdvice("一般", 0.3).amount, "0.27");
});

test("a configured policy: 中 cut by 20%, 良 with a rectification task", () => {
  const policy: BudgetAdvicePolicy = {
    name: "内蒙古",
    grades: {
      ...DEFAULT_BUDGET_ADVICE_POLICY.grades,
      中: { action: "reduce", share: 0.2, rectify: true },
      良: { action: "as-needed", rectify: true },
    },
  };
  // 250 × 0.8 = 200
  assert.deepEqual(
    [budgetAdvice("中", 250, policy).amount, budgetAdvice("中", 250, policy).labelZh],
    ["200", "压减 20%"],
  );
  assert.equal(budgetAdvice("良", 250, policy).rectify, true);
});

test("an unknown grade is advised as needed and says so; a budget that is no number throws", () => {
  const a = budgetAdvice("甲", 10);
  assert.deepEqual([a.action, a.amount, a.rectify], ["as-needed", "10", false]);
  assert.match(a.labelZh, /甲/);
  assert.equal(budgetAdvice("toString", 10).action, "as-needed");
  assert.throws(() => budgetAdvice("优", "很多"), RangeError);
  assert.throws(() => budgetAdvice("优", Number.POSITIVE_INFINITY), RangeError);
});
