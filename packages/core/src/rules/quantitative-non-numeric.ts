import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 正向/反向 row whose target is not a number. */
export const quantitativeNonNumeric: ProjectRule = {
  code: "value.quantitative-non-numeric",
  severity: "error",
  scope: "project",
  title: { zh: "定量指标的目标值不是数值", en: "Quantitative indicator without a numeric target" },
  description: {
    zh: "正向、反向指标的目标值必须是数值（可带 %），否则无法比较和自评打分。",
    en: "A 正向/反向 target must be a number (optionally with %), or it cannot be compared or scored.",
  },
  example: "质量指标 / 体检覆盖率 / 正向 / 大于等于 / 全覆盖 / %。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const f = facts[i]!;
      if (!f.quantitative || f.num !== null || f.targetKey === "") continue;
      const ind = indicators[i]!;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "target",
        message: `${at.zh}是${ind.nature}指标，目标值「${ind.target}」不是数值。`,
        messageEn: `${at.en} is ${ind.nature === "正向" ? "higher-is-better" : "lower-is-better"} but its target "${ind.target}" is not a number.`,
      });
    }
  },
};
