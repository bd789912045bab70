import assert from "node:assert/strict";
import { test } from "node:test";
import {
  factsPool,
  fiscalYearOf,
  indicatorFacts,
  projectFacts,
  squeeze,
  sumWeights,
  targetNumber,
  yearsIn,
} from "./facts.ts";
import { buildDocument, buildIndicator, buildProject, projectWith } from "./test-helpers.ts";

test("targetNumber reads plain numbers, %, separators and full-width digits; null for text", () => {
  assert.equal(targetNumber("70"), 70);
  assert.equal(targetNumber("10.6"), 10.6);
  assert.equal(targetNumber("95%"), 95);
  assert.equal(targetNumber("1,000"), 1000);
  assert.equal(targetNumber("１００"), 100);
  assert.equal(targetNumber("-5"), -5);
  assert.equal(targetNumber("≥95%"), 95);
  assert.equal(targetNumber(">=90"), 90);
  for (const t of ["", "有效保障", "2024年度", "≥", ".", "-"]) assert.equal(targetNumber(t), null, t);
});

test("squeeze drops whitespace (and returns the same string when there is none)", () => {
  assert.equal(squeeze("满意度指 标"), "满意度指标");
  assert.equal(squeeze("a\u3000b c"), "abc");
  const s = "退休人员";
  assert.equal(squeeze(s), s);
});

test("indicatorFacts: money units, cost rows, quantitative rows", () => {
  const f = indicatorFacts(buildIndicator({ level2: "成本指标", target: "1000", unit: "元/人" }));
  assert.deepEqual([f.num, f.money, f.per, f.cost, f.quantitative], [1000, "元", "人", true, true]);
  const g = indicatorFacts(buildIndicator({ level1: "成本指标", level2: "经济成本指标", target: "7", unit: "万元" }));
  assert.deepEqual([g.money, g.per, g.cost], ["万元", null, true]);
  assert.equal(indicatorFacts(buildIndicator({ target: "70人", unit: "人" })).num, 70);
  assert.equal(indicatorFacts(buildIndicator({ target: "70人", unit: "户" })).num, null);
  const h = indicatorFacts(buildIndicator({ nature: "定性", unit: null, target: "有效 保障" }));
  assert.deepEqual([h.num, h.unit, h.targetKey, h.quantitative], [null, "", "有效保障", false]);
});

test("projectFacts with a pool reuses its objects and sizes the view to the project", () => {
  const pool = factsPool();
  const a = projectFacts(buildProject(), pool);
  assert.equal(a.length, 8);
  const b = projectFacts(buildProject({ indicators: [buildIndicator({ target: "5" })] }), pool);
  assert.equal(b.length, 1);
  assert.equal(b[0]!.num, 5);
});

test("sumWeights is exact, with and without a first-level filter", () => {
  const inds = [0.1, 0.2, 2.5, 0.0001].map((weight) => buildIndicator({ weight }));
  assert.equal(sumWeights(inds), 2.8001);
  assert.equal(sumWeights(buildProject().indicators, ["效益指标"]), 30);
});

test("fiscal year: the policy's, the document's, or the year most deadlines name", () => {
  assert.deepEqual(yearsIn("2024年12月前完成"), [2024]);
  assert.deepEqual(yearsIn("有效保障"), []);
  const doc = buildDocument([buildProject(), buildProject(), projectWith(2, { target: "2025年6月" })], {
    fiscalYear: undefined,
  });
  assert.equal(fiscalYearOf(doc, null), 2024);
  assert.equal(fiscalYearOf(doc, 2030), 2030);
  assert.equal(fiscalYearOf(buildDocument(), null), 2024);
});

test("indicatorFacts reads the target through the vocabulary's cell grammar", () => {
  const f = indicatorFacts(buildIndicator({ target: "95%以上", unit: "%" }));
  assert.deepEqual([f.num, f.cell.operator, f.cell.unit], [95, "≥", "%"]);
  assert.equal(indicatorFacts(buildIndicator({ target: "不低于 95", unit: "百分比" })).num, 95);
  assert.equal(indicatorFacts(buildIndicator({ target: "不低于 95", unit: "百分比" })).unit, "%");
  assert.equal(indicatorFacts(buildIndicator({ target: "＞＝95", unit: "%" })).num, 95);
  // A date is never a number plus a unit, even when the unit column says 年.
  const d = indicatorFacts(buildIndicator({ target: "2024年", unit: "年" }));
  assert.deepEqual([d.num, d.cell.kind], [null, "date"]);
  // A number in another unit is not the indicator's number.
  assert.equal(indicatorFacts(buildIndicator({ target: "6.5万元", unit: "元" })).num, null);
});
