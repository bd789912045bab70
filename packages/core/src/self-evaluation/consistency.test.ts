/**
 * Worked examples of the consistency findings (issue 17 item 4), computed by hand above each
 * assertion. Default thresholds: 5% relative, 20% unspent, 2 × target.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import type { Project, TargetDocument } from "../model/document.ts";
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from "../scoring/policy.ts";
import { scoreProject } from "../scoring/score-project.ts";
import { consistencyFindings } from "./consistency.ts";
import { indicator, project } from "./testing/build.ts";

function findings(p: Project, policy: ScoringPolicy = DEFAULT_SCORING_POLICY) {
  return consistencyFindings(p, scoreProject(p, 0, policy), policy);
}
const codes = (p: Project, policy?: ScoringPolicy) => findings(p, policy).map((f) => f.code);

describe("high score, low spending", () => {
  test("full indicators, 70% spent: 100% against 70% → flagged at the executed cell", () => {
    // execution 70 ÷ 100 = 70% → 7 of 10 → rate 70%; indicators 90 of 90 → 100%
    // 100 > 70 × 1.05 = 73.5 → flagged
    const f = findings(project({ executed: 70 })).find((x) => x.code === "self-eval.high-score-low-spending")!;
    assert.deepEqual([f.severity, f.field, f.where, f.indicatorIndex], ["warning", "executed", "/executed", null]);
    assert.equal(f.message, "指标得分率 100% 高于预算执行得分率 70% 超过 5%（相对），高分低支出，请核实");
    assert.match(f.messageEn, /score rate 100% exceeds the execution score rate 70% by more than 5%/);
  });

  test("the 5% is relative and strict: 84% against 80% is not flagged, 85% is", () => {
    // executed 80 → 8 of 10 = 80%; 80 × 1.05 = 84
    // actual 84 of target 100, weight 90 → 90 × 84 ÷ 100 = 75.6 → 75.6 ÷ 90 = 84% — not more than 84
    // actual 85 → 76.5 ÷ 90 = 85% > 84 → flagged
    const at = (actual: number) =>
      codes(project({ executed: 80, indicators: [indicator({ weight: 90, actual, deviationReason: "x" })] }));
    assert.deepEqual(at(84), []);
    assert.deepEqual(at(85), ["self-eval.high-score-low-spending"]);
  });

  test("a policy's threshold: 10% relative lets 85% against 80% pass (80 × 1.1 = 88)", () => {
    const p = project({ executed: 80, indicators: [indicator({ weight: 90, actual: 85, deviationReason: "x" })] });
    const loose = {
      ...DEFAULT_SCORING_POLICY,
      consistency: { scoreRateExcess: 0.1, unspentShare: 0.2, targetTooLowRatio: 2 },
    };
    assert.deepEqual(codes(p, loose), []);
  });

  test("no rate (executed missing) → nothing to compare", () => {
    assert.deepEqual(codes(project({ executed: undefined })), []);
  });
});

describe("zero budget", () => {
  test("budget 0: one finding at the budget cell, nothing else", () => {
    const f = findings(project({ budget: 0, executed: 0 }));
    assert.deepEqual(
      f.map((x) => [x.code, x.where, x.field]),
      [["self-eval.zero-budget", "/budget", "budget"]],
    );
  });
});

describe("unspent budget", () => {
  test("more than 20% unspent: 20.01 of 100 flagged, exactly 20 not", () => {
    // 100 − 79.99 = 20.01 > 100 × 0.2 = 20 → flagged, share 20.01 ÷ 100 = 20.01%
    const f = findings(project({ executed: 79.99 })).find((x) => x.code === "self-eval.unspent-budget")!;
    assert.equal(f.message, "预算结余 20.01，占全年预算数的 20.01%，超过 20%，请说明原因");
    assert.equal(f.where, "/executed");
    // 100 − 80 = 20, not more than 20
    assert.ok(!codes(project({ executed: 80 })).includes("self-eval.unspent-budget"));
  });

  test("exact money: budget 0.3, executed 0.1 + 0.13 = 0.23 → 0.07 unspent (23.33%)", () => {
    // 0.3 − 0.23 = 0.07 > 0.3 × 0.2 = 0.06; 0.07 × 100 ÷ 0.3 = 23.333… → 23.33
    const f = findings(project({ budget: 0.3, executed: 0.23 })).find((x) => x.code === "self-eval.unspent-budget")!;
    assert.match(f.message, /预算结余 0\.07，占全年预算数的 23\.33%/);
  });

  test("a policy's threshold: 50% lets 40% unspent pass", () => {
    const p = project({ executed: 60 });
    const loose = {
      ...DEFAULT_SCORING_POLICY,
      consistency: { scoreRateExcess: 1, unspentShare: 0.5, targetTooLowRatio: 2 },
    };
    assert.deepEqual(codes(p, loose), []);
    assert.deepEqual(codes(p), ["self-eval.high-score-low-spending", "self-eval.unspent-budget"]);
  });
});

describe("target set too low", () => {
  const rows = (actual: number | string, over = {}) =>
    project({
      indicators: [
        indicator({ name: "培训人次", weight: 45, deviationReason: "x" }),
        indicator({ name: "受益人数", weight: 45, actual, deviationReason: "超额完成", ...over }),
      ],
    });

  test("actual 200 of target 100 (2×) flagged at the target cell; 199.99 not", () => {
    const f = findings(rows(200));
    assert.deepEqual(
      f.map((x) => [x.code, x.indicator, x.indicatorIndex, x.where, x.field]),
      [["self-eval.target-too-low", "受益人数", 1, "/indicators/1/target", "target"]],
    );
    assert.equal(f[0]!.message, "实际完成值 200 达到目标值 100 的 2 倍以上，目标可能设定偏低");
    assert.deepEqual(codes(rows(199.99)), []);
  });

  test("units convert: target 5 万元, actual 100000元 = 10 万元 → 2× → flagged", () => {
    assert.deepEqual(codes(rows("100000元", { unit: "万元", target: "5" })), ["self-eval.target-too-low"]);
  });

  test("反向, target 0, not-applicable and unreadable rows are not judged", () => {
    assert.deepEqual(codes(rows(500, { nature: "反向", operator: "≤" })), []);
    assert.deepEqual(codes(rows(500, { target: "0" })), []);
    assert.deepEqual(codes(rows(500, { notApplicable: true })), []);
    assert.deepEqual(codes(rows("很多")), []);
  });

  test("a policy's ratio: 3× lets 250 of 100 pass", () => {
    const p = {
      ...DEFAULT_SCORING_POLICY,
      consistency: { scoreRateExcess: 0.05, unspentShare: 0.2, targetTooLowRatio: 3 },
    };
    assert.deepEqual(codes(rows(250), p), []);
    assert.deepEqual(codes(rows(300), p), ["self-eval.target-too-low"]);
  });
});

test("worked example: examples/self-eval-seed.json — only 体检费 (P3) is inconsistent", () => {
  // P3: budget 4.30, executed 2.58 → 60% → execution 6 of 10 = 60%; indicators 86.53 of 90 = 96.144… → 96.14%
  //     96.14 > 60 × 1.05 = 63 → high score, low spending; unspent 4.3 − 2.58 = 1.72 = 40% > 20%
  // P0: 81.3 ÷ 90 = 90.33% against 92.9% (9.29 of 10) → fine; 7 − 6.5 = 0.5 = 7.14% unspent
  // P2: 84.48 ÷ 90 = 93.87% against 93.4% × 1.05 = 98.07% → fine; 8.55 of 128.85 = 6.64% unspent
  // no 正向 actual reaches twice its target (the highest: P1 5200 of 4000 = 1.3×)
  const doc = JSON.parse(
    readFileSync(new URL("../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
  ) as TargetDocument;
  const got = doc.projects.map((p, i) =>
    consistencyFindings(p, scoreProject(p, i), DEFAULT_SCORING_POLICY).map((f) => [f.code, f.projectIndex, f.message]),
  );
  assert.deepEqual(got, [
    [],
    [],
    [],
    [
      [
        "self-eval.high-score-low-spending",
        3,
        "指标得分率 96.14% 高于预算执行得分率 60% 超过 5%（相对），高分低支出，请核实",
      ],
      ["self-eval.unspent-budget", 3, "预算结余 1.72，占全年预算数的 40%，超过 20%，请说明原因"],
    ],
  ]);
});
