import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** Fewer indicators than the policy's minimum (3 by default). */
export const tooFewIndicators: ProjectRule = {
  code: "structure.too-few-indicators",
  severity: "warning",
  scope: "project",
  title: { zh: "指标过少", en: "Too few indicators" },
  description: {
    zh: "项目的三级指标少于政策规定的最少数量（默认 3 个），难以完整反映产出和效益。",
    en: "The project has fewer indicators than the policy's minimum (3 by default): too few to describe output and benefit.",
  },
  example: "项目只有 1 个三级指标「服务对象满意度」。",
  check(ctx) {
    const n = ctx.indicators.length;
    const min = ctx.policy.minIndicators;
    if (n >= min) return;
    const at = inProject(ctx);
    ctx.report({
      field: "indicators",
      message: `${at.zh}只有 ${n} 个三级指标，少于 ${min} 个。`,
      messageEn: `${at.en} has ${n} indicator(s), fewer than ${min}.`,
    });
  },
};
