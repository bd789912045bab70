/**
 * Properties of scoring under every combination of the issue-17 switches (capRate,
 * zeroTarget, overAchievement, grade labels, stepped or linear execution): each indicator's score
 * stays within [0, weight], execution within [0, its weight], and the totals equal the sum of
 * their parts exactly (the indicator part is the exact sum of the rows, or that sum rescaled; the
 * total is execution + indicator part). The consistency findings and missing explanations of
 * the same projects point at cells that exist.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Grade, Indicator, Nature, Operator, Project } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import { consistencyFindings } from "../self-evaluation/consistency.ts";
import { missingExplanations } from "../self-evaluation/missing-explanations.ts";
import { DEFAULT_SCORING_POLICY, EXECUTION_STEPS_SCORING_POLICY, GRADE_SCHEMES, type ScoringPolicy } from "./policy.ts";
import { scoreProject } from "./score-project.ts";

const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

// Targets mostly small and often 0, actuals up to 15 × the largest target: the zero-target and
// over-achievement branches are reached often, not by luck.
const target = fc.oneof(
  { arbitrary: cents(100).map(String), weight: 4 },
  { arbitrary: fc.constant("0"), weight: 2 },
  { arbitrary: fc.constantFrom("≥95%", "1,000", "6.5万元", "有效保障", "", "-5"), weight: 1 },
);
const actual = fc.oneof(
  { arbitrary: cents(1500), weight: 6 },
  { arbitrary: fc.integer({ min: -50, max: 0 }), weight: 1 },
  { arbitrary: fc.constantFrom("0", "120%", "25800元", "很多", ""), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

const row: fc.Arbitrary<Indicator> = fc
  .record({
    nature: fc.constantFrom<Nature>("定性", "正向", "正向", "反向"),
    operator: fc.constantFrom<Operator | null>("≥", "≤", "=", ">", "<", null),
    target,
    unit: fc.constantFrom<string | null>("人", "%", "万元", null),
    weight: fc.oneof(cents(30), fc.constant(null)),
    actual,
    grade: fc.option(fc.constantFrom<Grade>("达成", "部分达成", "未达成"), { nil: undefined }),
    score: fc.option(cents(30), { nil: undefined }),
    notApplicable: fc.boolean().map((b) => b || undefined),
    deviationReason: fc.option(fc.constantFrom("已说明", " "), { nil: undefined }),
  })
  .map((r) => ({ level1: "产出指标", level2: "数量指标", name: "指标", ...r }) as Indicator);

const project: fc.Arbitrary<Project> = fc.record({
  name: fc.constant("项目"),
  unitCode: fc.constant("151001"),
  unitName: fc.constant("单位"),
  category: fc.constant("部门预算项目"),
  budget: fc.oneof(cents(1000), fc.constant(0)),
  goal: fc.constant(""),
  executed: fc.option(cents(2500), { nil: undefined }),
  indicators: fc.array(row, { minLength: 1, maxLength: 8 }),
});

const policy: fc.Arbitrary<ScoringPolicy> = fc
  .record({
    base: fc.constantFrom(DEFAULT_SCORING_POLICY, EXECUTION_STEPS_SCORING_POLICY),
    capRate: fc.constantFrom<boolean | undefined>(true, false, undefined),
    zeroTarget: fc.constantFrom<ScoringPolicy["zeroTarget"]>("any-nonnegative", "actual-zero-only", undefined),
    over: fc.option(
      fc.record({
        ratio: fc.constantFrom(1, 1.2, 1.3, 2.5),
        mode: fc.constantFrom<"explain" | "deduct">("explain", "deduct"),
      }),
      {
        nil: undefined,
      },
    ),
    scheme: fc.constantFrom(...Object.keys(GRADE_SCHEMES)),
    indicatorTotal: fc.constantFrom(90, 80, 85.5),
    executionWeight: fc.constantFrom(10, 20, 7.5),
  })
  .map(({ base, capRate, zeroTarget, over, scheme, indicatorTotal, executionWeight }) => {
    const p: ScoringPolicy = {
      ...base,
      indicatorTotal,
      execution: { ...base.execution, weight: executionWeight, capRate },
      grades: [...GRADE_SCHEMES[scheme]!],
    };
    if (zeroTarget) p.zeroTarget = zeroTarget;
    if (over) p.overAchievement = over;
    return p;
  });

const ex = (n: number) => Exact.from(n);

test("property: every score within [0, weight] and totals the exact sum of their parts, under every switch", () => {
  fc.assert(
    fc.property(project, policy, (p, pol) => {
      const s = scoreProject(p, 0, pol);
      let sum = Exact.ZERO;
      let applicable = Exact.ZERO;
      let dropped = false;
      for (const r of s.indicators) {
        if (r.score === null) {
          dropped = true;
          continue;
        }
        const w = r.weight === null ? Exact.ZERO : ex(r.weight);
        assert.ok(ex(r.score).gte(Exact.ZERO) && ex(r.score).lte(w), `${r.score} of ${r.weight}: ${r.working}`);
        sum = sum.plus(ex(r.score));
        applicable = applicable.plus(w);
      }
      assert.ok(ex(s.executionScore).gte(Exact.ZERO) && ex(s.executionScore).lte(ex(pol.execution.weight)));
      const part = !dropped
        ? sum
        : applicable.isZero()
          ? Exact.ZERO
          : sum.times(ex(pol.indicatorTotal)).div(applicable, 2);
      assert.ok(ex(s.indicatorScore).eq(part), `${s.indicatorScore} ≠ ${part}`);
      assert.ok(ex(s.total).eq(ex(s.executionScore).plus(ex(s.indicatorScore)).round(2)));
      assert.ok(pol.grades.some((g) => g.grade === s.grade));

      // findings point at cells that exist
      for (const f of consistencyFindings(p, s, pol)) {
        const m = /^\/indicators\/(\d+)\/target$/.exec(f.where);
        if (m) assert.equal(p.indicators[Number(m[1])]!.nature, "正向");
        else assert.ok(f.where === "/executed" || f.where === "/budget", f.where);
      }
      for (const m of missingExplanations(p, s)) {
        const r = s.indicators[m.indicatorIndex]!;
        assert.ok(r.score !== null);
        assert.ok(!p.indicators[m.indicatorIndex]!.deviationReason?.trim());
      }
    }),
    { numRuns: 400 },
  );
});
