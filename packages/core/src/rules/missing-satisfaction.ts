import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A project without any 满意度指标 indicator. */
export const missingSatisfaction: ProjectRule = {
  code: "structure.missing-satisfaction",
  severity: "warning",
  scope: "project",
  title: { zh: "缺少满意度指标", en: "No satisfaction indicator" },
  description: {
    zh: "每个项目应至少有一个满意度指标（通常要求，服务对象满意度）。",
    en: "Every project needs at least one satisfaction indicator (满意度指标).",
  },
  example: "项目只有产出指标和效益指标，没有满意度指标。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) if (indicators[i]!.level1 === "满意度指标") return;
    const at = inProject(ctx);
    ctx.report({
      field: "indicators",
      message: `${at.zh}没有满意度指标。`,
      messageEn: `${at.en} has no satisfaction indicator (满意度指标).`,
    });
  },
};
