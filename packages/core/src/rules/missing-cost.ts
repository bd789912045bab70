import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** Under a policy that requires it (the 2021 framework), a project without a cost indicator. */
export const missingCost: ProjectRule = {
  code: "structure.missing-cost",
  severity: "error",
  scope: "project",
  title: { zh: "缺少成本指标", en: "No cost indicator" },
  description: {
    zh: "政策要求成本指标时（财预〔2021〕101号框架），每个项目应至少有一个成本指标（一级成本指标，或旧框架产出指标下的成本指标）。默认政策不要求。",
    en: "When the policy requires cost (the 2021 framework), every project needs a cost indicator (first-level 成本指标, or 产出/成本指标 in the older layout). Not required by the default policy.",
  },
  example: "政策 cost-first-level-2021 下，项目没有任何成本指标。",
  check(ctx) {
    if (!ctx.policy.requireCost) return;
    const { facts } = ctx;
    for (let i = 0; i < facts.length; i++) if (facts[i]!.cost) return;
    const at = inProject(ctx);
    ctx.report({
      field: "indicators",
      message: `${at.zh}没有成本指标（政策「${ctx.policy.name.zh}」要求）。`,
      messageEn: `${at.en} has no cost indicator (required by policy "${ctx.policy.id}").`,
    });
  },
};
