import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Indicator } from "../model/document.ts";
import { DEFAULT_SCORING_POLICY as P } from "./policy.ts";
import { scoreIndicator, scoreIndicatorInto } from "./score-indicator.ts";

function buildIndicator(over: Partial<Indicator> = {}): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name: "参加体检的退休人数",
    nature: "正向",
    operator: "≥",
    target: "70",
    unit: "人",
    weight: 9,
    ...over,
  };
}
const place = { project: "退休人员体检费", projectIndex: 0, indicator: "参加体检的退休人数", indicatorIndex: 8 };
const run = (over: Partial<Indicator>) => scoreIndicator(buildIndicator(over), place, P);
const codes = (over: Partial<Indicator>) => run(over).findings.map((f) => `${f.severity} ${f.code}`);

describe("scoreIndicator: scores by nature", () => {
  test("正向 partial with a reason: 9 × 65 ÷ 70 = 8.36, no finding", () => {
    const r = run({ actual: 65, deviationReason: "5人外出" });
    assert.equal(r.result.score, 8.36);
    assert.equal(r.result.working, "9 × 65 ÷ 70 = 8.36");
    assert.deepEqual(r.findings, []);
  });
  test("target with its operator and unit written in: ≥95%", () => {
    assert.equal(run({ target: "≥95%", unit: "%", actual: "95%" }).result.score, 9);
  });
  test("money actual in another money unit is converted", () => {
    const r = run({ nature: "反向", operator: "≤", target: "4.3", unit: "万元", weight: 8, actual: "25800元" });
    assert.equal(r.result.score, 8);
    assert.deepEqual(r.findings, []);
  });
  test("定性 by grade", () => {
    const r = run({
      nature: "定性",
      operator: null,
      target: "有效保障",
      unit: null,
      weight: 15,
      grade: "部分达成",
      actual: "部分",
      deviationReason: "x",
    });
    assert.equal(r.result.score, 9);
    assert.deepEqual(r.findings, []);
  });
  test("not applicable: no score, no findings, even with nothing filled in", () => {
    const r = run({ notApplicable: true });
    assert.equal(r.result.score, null);
    assert.equal(r.result.notApplicable, true);
    assert.deepEqual(r.findings, []);
  });
});

describe("scoreIndicator: findings", () => {
  test("missing actual on a quantitative row: error, 0, and no deviation noise", () => {
    assert.deepEqual(codes({}), ["error score.actual-missing"]);
    assert.deepEqual(codes({ actual: "  " }), ["error score.actual-missing"]);
    assert.equal(run({}).result.score, 0);
  });
  test("missing actual on a graded 定性 row: warning only", () => {
    assert.deepEqual(codes({ nature: "定性", operator: null, target: "有效", unit: null, grade: "达成" }), [
      "warning score.actual-missing",
    ]);
  });
  test("定性 without a grade: error, 0", () => {
    const over = { nature: "定性", operator: null, target: "有效", unit: null, actual: "有效" } as const;
    assert.deepEqual(codes(over), ["error score.grade-missing"]);
    assert.equal(run(over).result.score, 0);
  });
  test("given score outside its band: error, the grade's default is used", () => {
    const over = { nature: "定性", operator: null, target: "有效", unit: null, actual: "有效", weight: 10 } as const;
    const r = run({ ...over, grade: "部分达成", score: 8, deviationReason: "x" });
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.score-out-of-band"],
    );
    assert.equal(r.result.score, 6);
    assert.match(r.findings[0]!.message, /\[6, 8\)/);
  });
  test("a given score on a quantitative row is ignored with a warning", () => {
    const r = run({ actual: 70, score: 3 });
    assert.equal(r.result.score, 9);
    assert.deepEqual(codes({ actual: 70, score: 3 }), ["warning score.score-ignored"]);
  });
  test("deviation reason missing when below the weight", () => {
    const f = run({ actual: 65 }).findings;
    assert.deepEqual(
      f.map((x) => [x.code, x.severity, x.field, x.indicatorIndex]),
      [["score.deviation-reason-missing", "warning", "deviationReason", 8]],
    );
    assert.match(f[0]!.message, /8\.36.*9/);
  });
  test("deviation reason missing when a 正向 actual is ≥ 130% of its target (boundary included)", () => {
    assert.deepEqual(codes({ actual: 91 }), ["warning score.deviation-reason-missing"]); // 91 = 1.3 × 70
    assert.deepEqual(codes({ actual: 90.99 }), []);
    assert.deepEqual(codes({ actual: 91, deviationReason: "目标偏低" }), []);
    // 反向 rows are never "too good"
    assert.deepEqual(codes({ nature: "反向", operator: "≤", actual: 1 }), []);
  });
  test("unconvertible unit: error, 0", () => {
    const r = run({ actual: "65项" });
    assert.deepEqual(
      r.findings.map((f) => f.code),
      ["score.actual-unit"],
    );
    assert.match(r.findings[0]!.message, /项.*人/);
    assert.equal(r.result.score, 0);
  });
  test("non-numeric actual and target", () => {
    assert.deepEqual(codes({ actual: "已完成" }), ["error score.actual-not-numeric"]);
    assert.deepEqual(codes({ target: "有效保障", actual: 1 }), ["error score.target-not-numeric"]);
    assert.deepEqual(codes({ target: "-5", actual: 1 }), ["error score.target-not-numeric"]);
  });
});

describe("scoreIndicatorInto", () => {
  test("appends to the caller's findings and returns the same row as scoreIndicator", () => {
    const findings = [run({ actual: 1 }).findings[0]!];
    const ind = buildIndicator({ actual: 60 });
    const row = scoreIndicatorInto(ind, place, P, findings);
    const alone = scoreIndicator(ind, place, P);
    assert.deepEqual(row, alone.result);
    assert.deepEqual(findings.slice(1), alone.findings);
    assert.equal(findings.length, 1 + alone.findings.length);
  });
});

describe("result rows", () => {
  test("plain objects with every field in the `--json` key order, working included", () => {
    const keys = [
      "indicatorIndex",
      "name",
      "nature",
      "weight",
      "target",
      "unit",
      "actual",
      "grade",
      "notApplicable",
      "deviationReason",
      "score",
      "working",
    ];
    const cases: [Partial<Indicator>, string][] = [
      [{ actual: 65 }, "9 × 65 ÷ 70 = 8.36"],
      [{ actual: -1 }, "B = -1 < 0 → 0; 9 × 0 ÷ 70 = 0"],
      [{ actual: "25800元", unit: "万元", target: "5" }, "9 × 2.58 ÷ 5 = 4.64"],
      [{ nature: "反向", operator: "≤", target: "10", actual: 12 }, "9 × (1 − (12 − 10) ÷ 10) = 7.2"],
      [{ actual: "abc" }, "实际值无法计分 actual unusable → 0"],
      [{ notApplicable: true }, "不适用 N/A"],
      [{ actual: "123456789012345678" }, "123456789012345678 ≥ 70 → 9"], // past the safe-integer range
      [{ weight: null, actual: 65 }, "无分值 no weight → 0"],
    ];
    for (const [over, working] of cases) {
      const r = run(over).result;
      assert.equal(Object.getPrototypeOf(r), Object.prototype);
      assert.deepEqual(Object.keys(r), keys);
      assert.equal(r.working, working);
    }
  });
});

describe("weight not printed", () => {
  test("a row without a weight cannot be scored: error, 0, no deviation noise", () => {
    const r = run({ weight: null, actual: 65 });
    assert.equal(r.result.score, 0);
    assert.equal(r.result.weight, null);
    assert.deepEqual(codes({ weight: null, actual: 65 }), ["error score.weight-missing"]);
  });
  test("not applicable wins: no finding", () => {
    assert.deepEqual(codes({ weight: null, notApplicable: true }), []);
  });
});
