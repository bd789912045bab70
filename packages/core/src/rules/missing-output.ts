import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A project without any 产出指标 indicator. */
export const missingOutput: ProjectRule = {
  code: "structure.missing-output",
  severity: "error",
  scope: "project",
  title: { zh: "缺少产出指标", en: "No output indicator" },
  description: {
    zh: "每个项目应至少有一个产出指标（绩效目标的基本构成）。",
    en: "Every project needs at least one output indicator (产出指标).",
  },
  example: "项目只有效益指标和满意度指标，没有产出指标。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) if (indicators[i]!.level1 === "产出指标") return;
    const at = inProject(ctx);
    ctx.report({
      field: "indicators",
      message: `${at.zh}没有产出指标。`,
      messageEn: `${at.en} has no output indicator (产出指标).`,
    });
  },
};
