import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_SCORING_POLICY, type ScoringPolicy } from "../scoring/policy.ts";
import { scoreProject } from "../scoring/score-project.ts";
import { missingExplanations } from "./missing-explanations.ts";
import { indicator, project } from "./testing/build.ts";

const rows = () =>
  project({
    indicators: [
      indicator({ name: "满分", weight: 30, actual: 100 }),
      // 30 × 90 ÷ 100 = 27 < 30, no reason → below
      indicator({ name: "未满分", weight: 30, actual: 90 }),
      // 27 < 30 with a reason → fine
      indicator({ name: "已说明", weight: 30, actual: 90, deviationReason: "受疫情影响" }),
      // a blank reason is no reason
      indicator({ name: "空白", weight: 0, actual: 90, deviationReason: "  " }),
      indicator({ name: "不适用", weight: 10, actual: 0, notApplicable: true }),
      indicator({
        name: "未达成",
        nature: "定性",
        operator: null,
        target: "有效",
        unit: null,
        weight: 10,
        grade: "未达成",
      }),
    ],
  });

test("every row scoring below its weight without a reason, in row order", () => {
  // row 1: 27 < 30 → below; row 3: weight 0, score 0 — not below; row 4 N/A; row 5: 未达成 → 0 < 10 → below
  const p = rows();
  assert.deepEqual(missingExplanations(p, scoreProject(p, 0)), [
    { indicatorIndex: 1, code: "self-eval.deviation-reason-missing", why: "below" },
    { indicatorIndex: 5, code: "self-eval.deviation-reason-missing", why: "below" },
  ]);
});

test("the project's current reason counts, even when the score was taken before it was written", () => {
  const p = rows();
  const score = scoreProject(p, 0);
  p.indicators[1]!.deviationReason = "资金到位晚";
  p.indicators[5]!.deviationReason = "未完成";
  assert.deepEqual(missingExplanations(p, score), []);
});

test("over-achievement beyond the policy's ratio needs a reason too (why: excess)", () => {
  // 140 ≥ 1.3 × 100 → excess under the default; explain at 1.5: 140 < 150 → none
  const p = project({ indicators: [indicator({ weight: 90, actual: 140 })] });
  assert.deepEqual(missingExplanations(p, scoreProject(p, 0)), [
    { indicatorIndex: 0, code: "self-eval.deviation-reason-missing", why: "excess" },
  ]);
  const explain: ScoringPolicy = { ...DEFAULT_SCORING_POLICY, overAchievement: { ratio: 1.5, mode: "explain" } };
  assert.deepEqual(missingExplanations(p, scoreProject(p, 0, explain)), []);
  // deduct at 1.3: 90 × (1 − 10 ÷ 100) = 81 < 90 → below
  const deduct: ScoringPolicy = { ...DEFAULT_SCORING_POLICY, overAchievement: { ratio: 1.3, mode: "deduct" } };
  assert.deepEqual(
    missingExplanations(p, scoreProject(p, 0, deduct)).map((m) => m.why),
    ["below"],
  );
});
