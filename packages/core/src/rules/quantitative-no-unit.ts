import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 正向/反向 row without 计量单位. */
export const quantitativeNoUnit: ProjectRule = {
  code: "value.quantitative-no-unit",
  severity: "warning",
  scope: "project",
  title: { zh: "定量指标缺少计量单位", en: "Quantitative indicator without a unit" },
  description: {
    zh: "正向、反向指标应填写计量单位（人、%、万元、元/人……）。",
    en: "A 正向/反向 row needs a unit of measure (人, %, 万元, 元/人…).",
  },
  example: "数量指标 / 参加体检的退休人数 / 正向 / 大于等于 / 70 / （空）。",
  check(ctx) {
    const { facts } = ctx;
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i]!;
      if (!f.quantitative || f.unit !== "") continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "unit",
        message: `${at.zh}是定量指标，没有计量单位。`,
        messageEn: `${at.en} is quantitative but has no unit.`,
      });
    }
  },
};
