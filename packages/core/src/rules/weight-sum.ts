import { fmt, inProject } from "./describe.ts";
import { sumWeights, weightPrinted } from "./facts.ts";
import type { ProjectRule } from "./rule.ts";

/** A project's weights do not add to the policy's total (90 by default). */
export const weightSum: ProjectRule = {
  code: "weight.sum",
  severity: "error",
  scope: "project",
  title: { zh: "分值合计不等于规定总分", en: "Weights do not add to the policy total" },
  description: {
    zh: "项目各三级指标分值之和应等于政策规定的指标总分（默认 90 分，另 10 分为预算执行率）。",
    en: "A project's weights must add to the policy's indicator total (90 by default; 10 more are for budget execution).",
  },
  example: "各指标分值合计 95 分，默认政策要求 90 分。",
  check(ctx) {
    const { indicators } = ctx;
    // No weight printed (in the table, or in this project: each empty one is reported by row).
    if (indicators.length === 0 || !ctx.weightsPrinted || !indicators.some(weightPrinted)) return;
    const sum = sumWeights(indicators);
    const total = ctx.policy.weightTotal;
    if (sum === total) return;
    const at = inProject(ctx);
    ctx.report({
      field: "weight",
      message: `${at.zh}各指标分值合计 ${fmt(sum, 3)} 分，应为 ${total} 分（${sum > total ? "多" : "少"} ${fmt(Math.abs(sum - total), 3)} 分）。`,
      messageEn: `${at.en}: weights add to ${fmt(sum, 3)}, the policy total is ${total} (${sum > total ? "over" : "short"} by ${fmt(Math.abs(sum - total), 3)}).`,
    });
  },
};
