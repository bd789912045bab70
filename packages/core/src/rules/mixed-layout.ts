import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** One project mixes the older layout (产出/成本指标) and the 2021 layout (成本指标 first-level). */
export const mixedLayout: ProjectRule = {
  code: "structure.mixed-layout",
  severity: "warning",
  scope: "project",
  title: { zh: "新旧指标框架混用", en: "Older and 2021 layouts mixed" },
  description: {
    zh: "同一项目既把成本指标放在产出指标下（旧框架），又把成本指标作为一级指标（2021 框架）。",
    en: "One project has cost under 产出指标 (older layout) and cost as a first-level indicator (2021 layout).",
  },
  example: "产出指标/成本指标/体检标准 与 成本指标/经济成本指标/体检总额 同在一个项目。",
  check(ctx) {
    let older = -1;
    let newer = -1;
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      if (ind.level1 === "成本指标") newer = newer < 0 ? i : newer;
      else if (ind.level2 === "成本指标") older = older < 0 ? i : older;
    }
    if (older < 0 || newer < 0) return;
    const at = inProject(ctx);
    ctx.report({
      indicatorIndex: Math.max(older, newer),
      field: "level1",
      message: `${at.zh}混用新旧框架：「${indicators[older]!.name}」在产出指标下，「${indicators[newer]!.name}」为一级成本指标。`,
      messageEn: `${at.en} mixes layouts: "${indicators[older]!.name}" is cost under 产出指标, "${indicators[newer]!.name}" is a first-level 成本指标.`,
    });
  },
};
