/**
 * Worked examples of the scoring policy switches (issue 17 item 5), each computed by hand in the
 * comment above its assertions, and each checked against the default (switch absent) so the
 * default stays today's behaviour. docs/SELF-EVALUATION.md repeats these examples.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Exact } from "../model/exact.ts";
import { indicator, project } from "../self-evaluation/testing/build.ts";
import { executionScore } from "./execution.ts";
import {
  DEFAULT_SCORING_POLICY,
  EXECUTION_STEPS_SCORING_POLICY,
  GRADES_HAO_SCORING_POLICY,
  SCORING_PRESETS,
  type ScoringPolicy,
} from "./policy.ts";
import { scoreIndicator } from "./score-indicator.ts";
import { scoreDocument, scoreProject } from "./score-project.ts";
import { EDGE_POLICIES, edgeCorpus } from "./testing/edge-corpus.ts";
import { totalGrade } from "./totals.ts";

const place = { project: "职工帮扶", projectIndex: 0, indicator: "受益人数", indicatorIndex: 0 };
const withPolicy = (over: Partial<ScoringPolicy>): ScoringPolicy => ({ ...DEFAULT_SCORING_POLICY, ...over });
const uncapped = (p: ScoringPolicy = DEFAULT_SCORING_POLICY): ScoringPolicy => ({
  ...p,
  execution: { ...p.execution, capRate: false },
});

describe("switch execution.capRate", () => {
  test("budget 100, executed 120: capped 10 points, uncapped 8", () => {
    // rate = 120 × 100 ÷ 100 = 120.00%
    // capped (default): min(120, 100) = 100 → 100 ÷ 100 × 10 = 10
    // uncapped: 200 − 120 = 80 → 80 ÷ 100 × 10 = 8
    const p = project({ executed: 120 });
    const capped = scoreProject(p, 0);
    const free = scoreProject(p, 0, uncapped());
    assert.deepEqual([capped.executionRate, capped.executionScore, capped.total], [120, 10, 100]);
    assert.deepEqual([free.executionRate, free.executionScore, free.total], [120, 8, 98]);
    // the over-execution finding says what the rate was scored as
    assert.match(capped.findings[0]!.message, /120% 超过 100%.*按 100% 计分/);
    assert.match(free.findings[0]!.message, /按 80% 计分/);
    assert.match(free.findings[0]!.messageEn, /scored as 80%/);
  });

  test("rates at or below 100% are unchanged; 200% or more scores 0 uncapped", () => {
    // 7 ÷ 7.5 = 93.33% → 9.33 either way; 250%: 200 − 250 < 0 → 0
    for (const [rate, capped, free] of [
      [93.33, "9.33", "9.33"],
      [100, "10", "10"],
      [200, "10", "0"],
      [250, "10", "0"],
    ] as const) {
      const r = Exact.from(rate);
      assert.equal(executionScore(r, DEFAULT_SCORING_POLICY.execution).toString(), capped, `${rate}`);
      assert.equal(executionScore(r, uncapped().execution).toString(), free, `${rate}`);
    }
  });

  test("stepped scoring reads the mirrored rate: 115% → 85% → the ≥ 80 step, 7 points", () => {
    // capped: 115 → 100 → 10 points; uncapped: 200 − 115 = 85 ≥ 80 → 7
    const r = Exact.from(115);
    assert.equal(executionScore(r, EXECUTION_STEPS_SCORING_POLICY.execution).toString(), "10");
    assert.equal(executionScore(r, uncapped(EXECUTION_STEPS_SCORING_POLICY).execution).toString(), "7");
  });
});

describe("switch zeroTarget", () => {
  const zero = (actual: number | string) =>
    indicator({ name: "安全事故", target: "0", unit: "起", weight: 5, actual, deviationReason: "已说明" });

  test("正向 target 0, actual 3: any-nonnegative 5 (full), actual-zero-only 0", () => {
    // A = 0: any-nonnegative → B = 3 ≥ 0 → 5; actual-zero-only → B = 3 > 0 → 0
    const def = scoreIndicator(zero(3), place, DEFAULT_SCORING_POLICY).result;
    const strict = scoreIndicator(zero(3), place, withPolicy({ zeroTarget: "actual-zero-only" })).result;
    assert.deepEqual([def.score, def.working], [5, "A = 0, B = 3 → 5"]);
    assert.deepEqual([strict.score, strict.working], [0, "A = 0, B = 3 > 0 → 0"]);
    const explicit = scoreIndicator(zero(3), place, withPolicy({ zeroTarget: "any-nonnegative" })).result;
    assert.equal(explicit.score, 5);
  });

  test("actual 0 is full under both; a negative actual counts as 0", () => {
    for (const actual of [0, -2]) {
      for (const rule of ["any-nonnegative", "actual-zero-only"] as const) {
        assert.equal(scoreIndicator(zero(actual), place, withPolicy({ zeroTarget: rule })).result.score, 5);
      }
    }
  });

  test("the switch leaves 反向 and non-zero targets alone", () => {
    const strict = withPolicy({ zeroTarget: "actual-zero-only" });
    const reverse = indicator({
      nature: "反向",
      operator: "≤",
      target: "0",
      actual: 1,
      weight: 5,
      deviationReason: "x",
    });
    assert.equal(scoreIndicator(reverse, place, strict).result.score, 0);
    assert.equal(scoreIndicator(indicator({ actual: 150 }), place, strict).result.score, 10);
  });

  test("a zero actual-zero-only score asks for a deviation reason", () => {
    const row = indicator({ target: "0", actual: 3, weight: 5 });
    const r = scoreIndicator(row, place, withPolicy({ zeroTarget: "actual-zero-only" }));
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.deviation-reason-missing"],
    );
  });
});

describe("switch overAchievement", () => {
  test("explain at 150%: 140 of 100 needs no reason (the default's 130% would ask), 150 does; scores stay 10", () => {
    // default: 140 ≥ 1.3 × 100 = 130 → reason needed; explain 1.5: 140 < 150 → none; 150 ≥ 150 → needed
    const explain = withPolicy({ overAchievement: { ratio: 1.5, mode: "explain" } });
    const codes = (actual: number, policy: ScoringPolicy) =>
      scoreIndicator(indicator({ actual }), place, policy).findings.map((f) => f.code);
    assert.deepEqual(codes(140, DEFAULT_SCORING_POLICY), ["score.deviation-reason-missing"]);
    assert.deepEqual(codes(140, explain), []);
    assert.deepEqual(codes(150, explain), ["score.deviation-reason-missing"]);
    assert.match(scoreIndicator(indicator({ actual: 150 }), place, explain).findings[0]!.message, /150%/);
    assert.equal(scoreIndicator(indicator({ actual: 400 }), place, explain).result.score, 10);
  });

  test("deduct at 130%: target 100, actual 150, weight 10 → 8", () => {
    // excess over the ratio: 150 − 1.3 × 100 = 20; 10 × (1 − 20 ÷ 100) = 8
    const deduct = withPolicy({ overAchievement: { ratio: 1.3, mode: "deduct" } });
    const r = scoreIndicator(indicator({ actual: 150 }), place, deduct);
    assert.deepEqual([r.result.score, r.result.working], [8, "10 × (1 − (150 − 130) ÷ 100) = 8"]);
    // 8 < 10 without a reason: the usual "below" warning
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.deviation-reason-missing"],
    );
    assert.equal(scoreIndicator(indicator({ actual: 150 }), place, DEFAULT_SCORING_POLICY).result.score, 10);
  });

  test("deduct: up to the ratio no loss; far beyond, never below 0; rounding half away from zero", () => {
    const deduct = withPolicy({ overAchievement: { ratio: 1.3, mode: "deduct" } });
    const s = (over: Parameters<typeof indicator>[0]) =>
      scoreIndicator(indicator({ deviationReason: "x", ...over }), place, deduct).result.score;
    // 130 = 1.3 × 100: no excess → 10
    assert.equal(s({ actual: 130 }), 10);
    // 245: 10 × (1 − 115 ÷ 100) = −1.5 → 0
    assert.equal(s({ actual: 245 }), 0);
    // weight 9, target 70, actual 100: limit 91; 9 × (1 − 9 ÷ 70) = 9 × 61 ÷ 70 = 7.842… → 7.84
    assert.equal(s({ weight: 9, target: "70", actual: 100 }), 7.84);
    // 反向 rows are not over-achievement: target 10, actual 2 → full
    assert.equal(s({ nature: "反向", operator: "≤", target: "10", actual: 2 }), 10);
  });
});

describe("grade labels", () => {
  test("grades-hao: the default thresholds under 好/较好/一般/差", () => {
    // ≥ 90 好, ≥ 80 较好, ≥ 60 一般, else 差
    const g = (t: number) => totalGrade(Exact.from(t), GRADES_HAO_SCORING_POLICY.grades);
    assert.deepEqual(
      [g(91.65), g(90), g(89.99), g(80), g(60), g(59.99), g(0)],
      ["好", "好", "较好", "较好", "一般", "差", "差"],
    );
    const d = (t: number) => totalGrade(Exact.from(t), DEFAULT_SCORING_POLICY.grades);
    assert.deepEqual([d(91.65), d(89.99), d(60), d(59.99)], ["优", "良", "中", "差"]);
  });

  test("a project scored under grades-hao differs from the default only in its grade", () => {
    // 95 of 100 executed → 9.5; indicator 90 × 70 ÷ 100 = 63; total 72.5 → 中 / 一般
    const p = project({ executed: 95, indicators: [indicator({ weight: 90, actual: 70, deviationReason: "x" })] });
    const a = scoreProject(p, 0);
    const b = scoreProject(p, 0, GRADES_HAO_SCORING_POLICY);
    assert.deepEqual([a.total, a.grade, b.total, b.grade], [72.5, "中", 72.5, "一般"]);
  });
});

test("every switch set to its default value scores byte-identically to no switch (edge corpus, every preset)", () => {
  // capRate true, zeroTarget any-nonnegative, overAchievement explain at deviationExcessRatio
  for (const base of [...Object.values(SCORING_PRESETS), ...EDGE_POLICIES]) {
    const explicit: ScoringPolicy = {
      ...base,
      execution: { ...base.execution, capRate: true },
      zeroTarget: "any-nonnegative",
      overAchievement: { ratio: base.deviationExcessRatio, mode: "explain" },
    };
    const doc = edgeCorpus(3, 60);
    assert.equal(
      JSON.stringify(scoreDocument(doc, explicit).projects),
      JSON.stringify(scoreDocument(doc, base).projects),
      base.name,
    );
  }
});
