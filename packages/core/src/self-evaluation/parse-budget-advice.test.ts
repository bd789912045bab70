import assert from "node:assert/strict";
import { test } from "node:test";
import { budgetAdvice, DEFAULT_BUDGET_ADVICE_POLICY } from "./budget-advice.ts";
import { parseBudgetAdvicePolicy } from "./parse-budget-advice.ts";

test("a region's advice over the default: 中 cut by 20%, a grade of its own, 差 removed", () => {
  const r = parseBudgetAdvicePolicy({
    name: "内蒙古",
    grades: { 中: { action: "reduce", share: 0.2 }, 合格: { action: "as-needed", rectify: true }, 差: null },
  });
  assert.deepEqual(r.diagnostics, []);
  const p = r.value!;
  assert.equal(p.name, "内蒙古");
  // rectify defaults to true for reduce and cancel
  assert.deepEqual(p.grades.中, { action: "reduce", share: 0.2, rectify: true });
  assert.deepEqual(p.grades.合格, { action: "as-needed", rectify: true });
  assert.equal(p.grades.差, undefined);
  assert.deepEqual(p.grades.优, DEFAULT_BUDGET_ADVICE_POLICY.grades.优);
  // 250 × (1 − 0.2) = 200
  assert.equal(budgetAdvice("中", 250, p).amount, "200");
  // the default is untouched
  assert.equal(DEFAULT_BUDGET_ADVICE_POLICY.grades.中?.share, 0.1);
  assert.ok(DEFAULT_BUDGET_ADVICE_POLICY.grades.差);
});

test("bad settings are coded diagnostics naming the path, never a throw", () => {
  for (const [bad, path] of [
    [null, "/"],
    [{ grades: [] }, "/grades"],
    [{ grades: { 中: { action: "halve" } } }, "/grades/中/action"],
    [{ grades: { 中: { action: "reduce" } } }, "/grades/中/share"],
    [{ grades: { 中: { action: "reduce", share: 1.5 } } }, "/grades/中/share"],
    [{ grades: { 优: { action: "priority", share: 0.1 } } }, "/grades/优/share"],
    [{ grades: { 优: { action: "priority", rectify: "yes" } } }, "/grades/优/rectify"],
    [{ grades: { 优: { action: "priority", colour: 1 } } }, "/grades/优/colour"],
    [{ grades: { 优: 3 } }, "/grades/优"],
    [{ name: 1 }, "/name"],
    [{ colour: "red" }, "/colour"],
  ] as const) {
    const r = parseBudgetAdvicePolicy(bad);
    assert.equal(r.value, null, JSON.stringify(bad));
    assert.ok(r.diagnostics.length >= 1);
    assert.ok(r.diagnostics.every((d) => d.code === "advice.invalid" && d.message.startsWith("预算安排建议规则无效")));
    assert.ok(
      r.diagnostics.some((d) => d.messageEn.includes(`${path}:`)),
      `${JSON.stringify(bad)}: ${r.diagnostics.map((d) => d.messageEn)}`,
    );
  }
});
