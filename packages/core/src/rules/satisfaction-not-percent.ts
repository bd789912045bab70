import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 满意度 indicator whose target is not a percentage. */
export const satisfactionNotPercent: ProjectRule = {
  code: "value.satisfaction-not-percent",
  severity: "warning",
  scope: "project",
  title: { zh: "满意度目标不是百分比", en: "Satisfaction target is not a percentage" },
  description: {
    zh: "满意度指标应为定量指标，目标值为百分比（如 大于等于 90 %）。",
    en: "A satisfaction indicator is quantitative with a percentage target (e.g. ≥ 90 %).",
  },
  example: "满意度指标 / 服务对象满意度 / 定性 / 满意。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      if (indicators[i]!.level1 !== "满意度指标") continue;
      const f = facts[i]!;
      if (f.quantitative && f.num !== null && f.unit === "%") continue;
      const ind = indicators[i]!;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: f.unit === "%" ? "target" : "unit",
        message: `${at.zh}的目标「${ind.target}${ind.unit ?? ""}」不是百分比，满意度应以 % 计。`,
        messageEn: `${at.en}: target "${ind.target}${ind.unit ?? ""}" is not a percentage; satisfaction is measured in %.`,
      });
    }
  },
};
