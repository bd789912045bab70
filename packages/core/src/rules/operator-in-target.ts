import type { Operator } from "../model/document.ts";
import { parseTargetCell } from "../model/vocabulary/cell-grammar.ts";
import { atIndicator, operatorZh } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/**
 * The comparison written inside a target ("≥95%", "<=10", "不低于95%", "95%以上"), or null;
 * read by the vocabulary's cell grammar.
 * @example targetOperator("≥95%") // "≥"
 */
export function targetOperator(target: string): Operator | null {
  return parseTargetCell(target).operator;
}

/** A target that carries its own comparison (≥95%) contradicting the 指标方向 cell. */
export const operatorInTarget: ProjectRule = {
  code: "value.operator-in-target",
  severity: "error",
  scope: "project",
  title: { zh: "目标值中的比较符与指标方向矛盾", en: "Operator inside the target contradicts the operator cell" },
  description: {
    zh: "目标值本身带有比较符（如「≥95%」），且与指标方向一栏不同（如小于等于）。",
    en: "The target carries its own comparison (e.g. ≥95%) and it differs from the operator cell (e.g. ≤).",
  },
  example: "质量指标 / 体检覆盖率 / 正向 / 小于等于 / ≥95 / %。",
  check(ctx) {
    const { indicators, facts } = ctx;
    for (let i = 0; i < indicators.length; i++) {
      const op = indicators[i]!.operator;
      if (op === null) continue;
      const inTarget = facts[i]!.cell.operator;
      if (inTarget === null || inTarget === op) continue;
      const at = atIndicator(ctx, i);
      ctx.report({
        indicatorIndex: i,
        field: "operator",
        message: `${at.zh}的目标值「${indicators[i]!.target}」写明${operatorZh(inTarget)}，指标方向却是${operatorZh(op)}。`,
        messageEn: `${at.en}: the target "${indicators[i]!.target}" says ${inTarget} but the operator cell says ${op}.`,
      });
    }
  },
};
