import { atIndicator, operatorZh } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 定性 row that states a comparison operator. */
export const qualitativeWithOperator: ProjectRule = {
  code: "value.qualitative-with-operator",
  severity: "warning",
  scope: "project",
  title: { zh: "定性指标填了指标方向", en: "Qualitative indicator with an operator" },
  description: {
    zh: "定性指标没有数值比较，指标方向应为空。",
    en: "A qualitative (定性) row compares no number, so its operator must be empty.",
  },
  example: "社会效益 / 保障退休人员身体健康 / 定性 / 大于等于 / 有效保障。",
  check(ctx) {
    const { indicators } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      if (ind.nature !== "定性" || ind.operator === null) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "operator",
        message: `${at.zh}是定性指标，却填了指标方向${operatorZh(ind.operator)}。`,
        messageEn: `${at.en} is qualitative (定性) but has the operator ${ind.operator}.`,
      });
    }
  },
};
