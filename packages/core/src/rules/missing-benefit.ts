import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A project without any 效益指标 indicator. */
export const missingBenefit: ProjectRule = {
  code: "structure.missing-benefit",
  severity: "error",
  scope: "project",
  title: { zh: "缺少效益指标", en: "No benefit indicator" },
  description: {
    zh: "每个项目应至少有一个效益指标（绩效目标的基本构成）。",
    en: "Every project needs at least one benefit indicator (效益指标).",
  },
  example: "项目只有产出指标和满意度指标，没有效益指标。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) if (indicators[i]!.level1 === "效益指标") return;
    const at = inProject(ctx);
    ctx.report({
      field: "indicators",
      message: `${at.zh}没有效益指标。`,
      messageEn: `${at.en} has no benefit indicator (效益指标).`,
    });
  },
};
