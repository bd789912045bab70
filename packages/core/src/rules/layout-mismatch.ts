import { isValidPair } from "../model/taxonomy.ts";
import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** The policy fixes a layout and a row uses a pair only the other layout has (产出/成本指标 under 2021). */
export const layoutMismatch: ProjectRule = {
  code: "structure.layout-mismatch",
  severity: "warning",
  scope: "project",
  title: { zh: "指标框架与政策不符", en: "Indicator layout differs from the policy's" },
  description: {
    zh: "政策指定框架时（如 2021 框架成本为一级指标），使用另一框架才有的一级/二级组合（如产出指标/成本指标）。",
    en: "When the policy fixes a layout (e.g. 2021: cost is first-level), a row uses a pair only the other layout has (e.g. 产出指标/成本指标).",
  },
  example: "政策 cost-first-level-2021 下：产出指标 / 成本指标 / 体检标准。",
  check(ctx) {
    const layout = ctx.policy.layout;
    if (layout === "any") return;
    const other = layout === "older" ? "cost-first-level-2021" : "older";
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      if (isValidPair(ind.level1, ind.level2, layout) || !isValidPair(ind.level1, ind.level2, other)) continue;
      const at = atIndicator(ctx, i);
      const zhLayout = layout === "older" ? "旧框架" : "2021 框架（成本为一级指标）";
      ctx.report({
        indicatorIndex: i,
        field: "level1",
        message: `${at.zh}使用「${ind.level1}/${ind.level2}」，不符合政策要求的${zhLayout}。`,
        messageEn: `${at.en} uses "${ind.level1}/${ind.level2}", which the policy's ${layout} layout does not have.`,
      });
    }
  },
};
