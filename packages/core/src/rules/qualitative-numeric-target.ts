import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 定性 row whose target is only a number: it should be 正向/反向 with a unit. */
export const qualitativeNumericTarget: ProjectRule = {
  code: "value.qualitative-numeric-target",
  severity: "warning",
  scope: "project",
  title: { zh: "定性指标的目标值是纯数字", en: "Qualitative indicator with a numeric target" },
  description: {
    zh: "目标值只是一个数字的指标应定为正向或反向并填写计量单位，而不是定性。",
    en: "A target that is only a number makes a quantitative indicator (正向/反向 with a unit), not a qualitative one.",
  },
  example: "质量指标 / 体检工作完成率 / 定性 / （空） / 100。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const f = facts[i]!;
      if (f.num === null || indicators[i]!.nature !== "定性") continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "nature",
        message: `${at.zh}是定性指标，目标值却是数字「${indicators[i]!.target}」，应为定量（正向/反向）指标。`,
        messageEn: `${at.en} is qualitative but its target "${indicators[i]!.target}" is a number: make it 正向/反向.`,
      });
    }
  },
};
