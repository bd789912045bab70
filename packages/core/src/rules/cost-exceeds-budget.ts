import { absoluteCosts, fromFen, toFen } from "./cost-math.ts";
import { fmt, inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** The project's cost targets in 万元/元 add to more than its budget. */
export const costExceedsBudget: ProjectRule = {
  code: "money.cost-exceeds-budget",
  severity: "error",
  scope: "project",
  title: { zh: "成本指标合计超过预算", en: "Cost targets exceed the budget" },
  description: {
    zh: "以万元或元计的成本指标（旧框架产出指标下的成本指标，或 2021 框架的经济成本指标）目标值，换算到表格金额单位后之和超过项目预算数。社会成本、生态环境成本不计入。",
    en: "Cost targets stated in 万元 or 元 (产出/成本指标 in the older layout, 经济成本指标 in 2021; converted to the table's money unit) add to more than the project's budget. Social and ecological costs are not counted.",
  },
  example: "体检费：预算 4.30 万元，成本指标 4.3 万元 + 0.1 万元 = 4.4 万元。",
  check(ctx) {
    const budget = ctx.project.budget;
    if (!(budget > 0)) return;
    const unit = ctx.doc.moneyUnit;
    const { rows, fen } = absoluteCosts(ctx);
    if (rows.length === 0 || fen <= toFen(budget, unit)) return;
    const sum = fromFen(fen, unit);
    const parts = rows.map((i) => `${ctx.indicators[i]!.target}${ctx.indicators[i]!.unit ?? ""}`).join(" + ");
    const at = inProject(ctx);
    ctx.report({
      indicatorIndex: rows[rows.length - 1]!,
      field: "target",
      message: `${at.zh}的成本指标合计 ${parts} = ${fmt(sum, 4)} ${unit}，超过预算 ${budget} ${unit}。`,
      messageEn: `${at.en}: cost targets ${parts} = ${fmt(sum, 4)} ${unit} exceed the budget ${budget} ${unit}.`,
    });
  },
};
