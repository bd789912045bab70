/**
 * Whole worked examples: examples/self-eval-seed.json (the seed's 表12 projects with actuals filled
 * in) scored under every preset, checked against the hand computation written out below.
 *
 * Per-indicator scores (identical under every preset; 2 decimals, half away from zero):
 * P0 退休人员体检费 (budget 7.00, executed 6.50)
 *   15 (达成) + 9 (部分达成 15×60%) + 4.64 (5×6.5÷7=4.6428…) + 5 (0.1万元/人 = 1000 元/人 ≥ 1000)
 *   + 2 (92.86 ≥ 85) + 7 (达成, given 7 ∈ [6.4, 8]) + 5 + 9.3 (10×93÷100) + 8.36 (9×65÷70=8.357…)
 *   + 6 + 10 = 81.30
 * P1 困难职工帮扶 (budget 100, executed 100)
 *   5 + 5 + 6 + 3 + 3 + 3 + 6 (等于 4000, 5200 ≥ 4000; 130% → reason given) + 3
 *   + 2.31 (3×10÷13=2.307…) + 3 + 2 (反向 2.5×(1−(12.72−10.6)÷10.6) = 2.5×0.8) + 2.5
 *   + 2.5 (反向 B = A) + 0 (反向 B = 2A = 3.6) + 7.5 (部分达成 given 7.5 ∈ [6, 8)) + 10 + 10 + 10 = 83.81
 * P2 劳模津贴 (budget 128.85, executed 120.30; one 15-point indicator not applicable)
 *   3 + 2.97 (3×770÷778=2.969…) + 2 + 2 + 2 + 3 + 5 + 4.93 (5×98.5÷100=4.925 → 4.93) + 5 + 5
 *   + 2 (未达成 given 2 ∈ [0, 3)) + 3 + 3 + 4 + 13.5 (达成 given 13.5 ∈ [12, 15]) + [N/A] + 10 = 70.40
 *   applicable weights 90 − 15 = 75
 * P3 体检费 (budget 4.30, executed 2.58)
 *   10 + 4.74 (5×90÷95=4.736…) + 5 + 3 (部分达成 5×60%) + 8 (25800元 = 2.58万元 ≤ 4.3) + 1 (反向
 *   2×(1−(0.15−0.1)÷0.1)) + 10 + 5 + 10 + 5 (正向 with ≤: scored as 正向, 95 ≥ 95) + 5 + 10
 *   + 9.79 (10×93÷95=9.789…, no reason given → warning) = 86.53
 *
 * Execution rates: P0 6.5÷7 = 92.857…% → 92.86; P1 100.00; P2 120.3÷128.85 = 93.364…% → 93.36;
 * P3 2.58÷4.3 = 60.00.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import type { Project, TargetDocument } from "../model/document.ts";
import {
  DEFAULT_SCORING_POLICY,
  EXECUTION_20_SCORING_POLICY,
  EXECUTION_STEPS_SCORING_POLICY,
  type ScoringPolicy,
} from "./policy.ts";
import { scoreDocument, scoreProject } from "./score-project.ts";

const example = JSON.parse(
  readFileSync(new URL("../../../../examples/self-eval-seed.json", import.meta.url), "utf8"),
) as TargetDocument;

type Row = [executionRate: number, executionScore: number, indicatorScore: number, total: number, grade: string];

function check(policy: ScoringPolicy, expected: Row[]) {
  const r = scoreDocument(example, policy);
  assert.equal(r.policy, policy.name);
  assert.deepEqual(
    r.projects.map((p) => [p.executionRate, p.executionScore, p.indicatorScore, p.total, p.grade]),
    expected,
  );
  assert.deepEqual(
    r.projects.map((p) => p.indicators.reduce((s, i) => s + (i.score === null ? 0 : i.score * 100), 0) / 100),
    [81.3, 83.81, 70.4, 86.53],
  );
  return r;
}

describe("worked example: examples/self-eval-seed.json", () => {
  test("default: execution = min(rate,100)÷100×10; indicators 90", () => {
    // P0 92.86÷100×10 = 9.286 → 9.29; 9.29 + 81.30 = 90.59 优
    // P1 10; 10 + 83.81 = 93.81 优
    // P2 9.336 → 9.34; indicators 70.40 × 90 ÷ 75 = 84.48; 9.34 + 84.48 = 93.82 优
    // P3 6; 6 + 86.53 = 92.53 优
    const r = check(DEFAULT_SCORING_POLICY, [
      [92.86, 9.29, 81.3, 90.59, "优"],
      [100, 10, 83.81, 93.81, "优"],
      [93.36, 9.34, 84.48, 93.82, "优"],
      [60, 6, 86.53, 92.53, "优"],
    ]);
    assert.equal(r.projects[2]?.indicatorWorking, "70.4 × 90 ÷ 75 = 84.48");
    // the one finding of the example: P3's 职工满意度 (9.79 < 10) has no 偏差原因
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.projectIndex, f.indicatorIndex, f.indicator]),
      [["score.deviation-reason-missing", 3, 12, "职工满意度"]],
    );
  });

  test("execution-20: execution = rate÷100×20; indicators 80 (the seed's 90-point tables are flagged)", () => {
    // P0 92.86÷100×20 = 18.572 → 18.57; 18.57 + 81.30 = 99.87
    // P1 20; 20 + 83.81 = 103.81 (over 100 because the table's weights sum to 90, not 80 → score.weight-sum)
    // P2 18.672 → 18.67; indicators 70.40 × 80 ÷ 75 = 75.0933… → 75.09; 18.67 + 75.09 = 93.76
    // P3 12; 12 + 86.53 = 98.53
    const r = check(EXECUTION_20_SCORING_POLICY, [
      [92.86, 18.57, 81.3, 99.87, "优"],
      [100, 20, 83.81, 103.81, "优"],
      [93.36, 18.67, 75.09, 93.76, "优"],
      [60, 12, 86.53, 98.53, "优"],
    ]);
    const sums = r.findings.filter((f) => f.code === "score.weight-sum");
    assert.deepEqual(
      sums.map((f) => f.projectIndex),
      [0, 1, 2, 3],
    );
    assert.match(sums[0]!.message, /90.*80/);
  });

  test("execution-steps: 100 → 10, ≥ 80 → 7, ≥ 60 → 5, else 0", () => {
    // P0 92.86 → 7; 7 + 81.30 = 88.30 良
    // P1 100 → 10; 93.81 优
    // P2 93.36 → 7; 7 + 84.48 = 91.48 优
    // P3 60.00 → 5 (edge); 5 + 86.53 = 91.53 优
    check(EXECUTION_STEPS_SCORING_POLICY, [
      [92.86, 7, 81.3, 88.3, "良"],
      [100, 10, 83.81, 93.81, "优"],
      [93.36, 7, 84.48, 91.48, "优"],
      [60, 5, 86.53, 91.53, "优"],
    ]);
  });
});

function buildProject(over: Partial<Project> = {}): Project {
  return {
    name: "测试项目",
    unitCode: "151001",
    unitName: "呼和浩特市总工会",
    category: "部门预算项目",
    budget: 10,
    goal: "",
    executed: 10,
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "人数",
        nature: "正向",
        operator: "≥",
        target: "10",
        unit: "人",
        weight: 90,
        actual: 10,
      },
    ],
    ...over,
  };
}

describe("scoreProject: project-level findings", () => {
  test("a full-marks project scores 100 优 with no findings", () => {
    const r = scoreProject(buildProject(), 0);
    assert.deepEqual([r.total, r.grade, r.findings], [100, "优", []]);
  });
  test("missing executed: error, execution 0", () => {
    const r = scoreProject(buildProject({ executed: undefined }), 0);
    assert.deepEqual([r.executionRate, r.executionScore, r.total], [null, 0, 90]);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.severity, f.field, f.indicator]),
      [["score.executed-missing", "error", "executed", null]],
    );
  });
  test("over-execution: error by default, scored as 100%; allowed by a policy", () => {
    const p = buildProject({ executed: 12.05 });
    const r = scoreProject(p, 0);
    assert.deepEqual([r.executionRate, r.executionScore], [120.5, 10]);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.over-execution"],
    );
    const allowed = {
      ...DEFAULT_SCORING_POLICY,
      execution: { ...DEFAULT_SCORING_POLICY.execution, allowOverExecution: true },
    };
    assert.deepEqual(scoreProject(p, 0, allowed).findings, []);
  });
  test("budget 0: error, no rate", () => {
    const r = scoreProject(buildProject({ budget: 0 }), 0);
    assert.equal(r.executionRate, null);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.budget-not-positive"],
    );
  });
  test("all indicators not applicable: error, indicator part 0", () => {
    const p = buildProject();
    p.indicators[0]!.notApplicable = true;
    const r = scoreProject(p, 0);
    assert.equal(r.indicatorScore, 0);
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.all-not-applicable"],
    );
  });
  test("initialBudget defaults to the budget", () => {
    assert.equal(scoreProject(buildProject(), 0).initialBudget, 10);
    assert.equal(scoreProject(buildProject({ initialBudget: 8 }), 0).initialBudget, 8);
  });
});

describe("scoreProject: exact sums", () => {
  test("property: indicator part and weight-sum finding equal decimal.js sums of the rows (safe and huge weights)", () => {
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 4000 }).map((h) => h / 100),
      fc.constantFrom(1e16, 2 ** 53 + 2, 0.1, 33.333, 1e-7),
    );
    const row = fc.record({ weight, actual: fc.integer({ min: -5, max: 300 }), na: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const p = buildProject({
          indicators: rows.map((r, i) => ({
            ...buildProject().indicators[0]!,
            name: `指标${i}`,
            target: "100",
            weight: r.weight,
            actual: r.actual,
            notApplicable: r.na,
          })),
        });
        const got = scoreProject(p, 0);
        // The part from the rows as printed, in decimal.js.
        let raw = new Decimal(0);
        let applicable = new Decimal(0);
        let dropped = 0;
        for (const r of got.indicators) {
          if (r.score === null) dropped++;
          else {
            raw = raw.plus(r.score);
            applicable = applicable.plus(r.weight!);
          }
        }
        const part =
          dropped === 0
            ? raw
            : applicable.isZero()
              ? new Decimal(0)
              : raw.times(90).div(applicable).toDecimalPlaces(2, 4);
        assert.equal(got.indicatorScore, part.toNumber());
        assert.equal(got.applicableWeight, applicable.toNumber());
        assert.equal(got.rescaled, dropped > 0);
        let sum = new Decimal(0);
        for (const r of rows) sum = sum.plus(r.weight);
        const weightSum = got.findings.find((f) => f.code === "score.weight-sum");
        assert.equal(weightSum !== undefined, !sum.eq(DEFAULT_SCORING_POLICY.indicatorTotal));
        if (weightSum) assert.ok(weightSum.messageEn.includes(`sum to ${sum.toString()},`));
      }),
      { numRuns: 500 },
    );
  });
});
