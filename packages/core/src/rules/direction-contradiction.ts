import { atIndicator, operatorZh } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** 正向 with ≤/<, or 反向 with ≥/>: the nature and the operator contradict each other. */
export const directionContradiction: ProjectRule = {
  code: "value.direction-contradiction",
  severity: "error",
  scope: "project",
  title: { zh: "指标性质与指标方向矛盾", en: "Nature contradicts the operator" },
  description: {
    zh: "正向指标（越大越好）只能配大于等于、大于或等于；反向指标（越小越好）只能配小于等于、小于或等于。",
    en: "正向 (higher is better) goes with ≥, > or =; 反向 (lower is better) with ≤, < or =.",
  },
  example: "生态效益 / 保障职工身体健康提高单位生态效益 / 正向 / 小于等于 / 95 / %。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i]!;
      // The operator cell, else the operator written inside the target (≤65万元).
      const op = ind.operator ?? facts[i]!.cell.operator;
      if (op === null || op === "=") continue;
      const bad =
        (ind.nature === "正向" && (op === "≤" || op === "<")) || (ind.nature === "反向" && (op === "≥" || op === ">"));
      if (!bad) continue;
      const at = atIndicator(ctx, i);
      const natureEn = ind.nature === "正向" ? "higher-is-better (正向)" : "lower-is-better (反向)";
      ctx.report({
        indicatorIndex: i,
        field: "operator",
        message: `${at.zh}是${ind.nature}指标，指标方向却是${operatorZh(op)}，二者矛盾。`,
        messageEn: `${at.en} is ${natureEn} but its operator is ${op}: they contradict each other.`,
      });
    }
  },
};
