import { atIndicator } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A 正向/反向 row without 指标方向. */
export const quantitativeNoOperator: ProjectRule = {
  code: "value.quantitative-no-operator",
  severity: "warning",
  scope: "project",
  title: { zh: "定量指标缺少指标方向", en: "Quantitative indicator without an operator" },
  description: {
    zh: "正向、反向指标应填写指标方向（等于、大于等于、小于等于等），否则自评时无法判断是否达成。",
    en: "A 正向/反向 row needs an operator (=, ≥, ≤, >, <), or self-evaluation cannot tell whether it was met.",
  },
  example: "数量指标 / 参加体检的退休人数 / 正向 / （空） / 70 / 人。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      // An operator written inside the target (≥95%, 95%以上) states the comparison too.
      if (!facts[i]!.quantitative || indicators[i]!.operator !== null || facts[i]!.cell.operator !== null) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "operator",
        message: `${at.zh}是定量指标，没有指标方向。`,
        messageEn: `${at.en} is quantitative but has no operator.`,
      });
    }
  },
};
