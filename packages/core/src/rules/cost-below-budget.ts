import { absoluteCosts, fromFen, toFen } from "./cost-math.ts";
import { fmt, inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

const PER_UNIT_NAME = /标准|单价|人均|户均|每/;

/** Absolute cost targets add to clearly less than the budget (and no unit costs make up the rest). */
export const costBelowBudget: ProjectRule = {
  code: "money.cost-below-budget",
  severity: "warning",
  scope: "project",
  title: { zh: "成本指标合计明显低于预算", en: "Cost targets clearly below the budget" },
  description: {
    zh: "项目只有以万元/元计的成本指标、没有单位成本（元/人等）时，其合计低于预算数的一定比例（默认 50%），预算依据不足。名称像单价的成本指标（标准、单价、人均、每…）可能按人计，此时不判断。",
    en: "When a project's cost indicators are all absolute amounts (no unit costs such as 元/人), they add to less than a share of the budget (50% by default): the budget is not explained. Skipped when a cost row is named like a rate (标准, 单价, 人均, 每…), which may be per head.",
  },
  example: "预算 100 万元，唯一的成本指标「慰问资金总额」为 20 万元。",
  check(ctx) {
    const budget = ctx.project.budget;
    if (!(budget > 0)) return;
    const { facts } = ctx;
    for (let i = 0; i < facts.length; i++) if (facts[i]!.budgetCost && facts[i]!.per !== null) return;
    const unit = ctx.doc.moneyUnit;
    const { rows, fen } = absoluteCosts(ctx);
    // A 万元 row named as a rate (救助标准, 单价, 人均…) may be per head: the sum then says nothing.
    for (const i of rows) if (PER_UNIT_NAME.test(ctx.facts[i]!.key)) return;
    const ratio = ctx.policy.costShortfallRatio;
    if (rows.length === 0 || fen >= toFen(budget, unit) * ratio) return;
    const sum = fromFen(fen, unit);
    const at = inProject(ctx);
    const pct = fmt((sum / budget) * 100, 1);
    ctx.report({
      indicatorIndex: rows[rows.length - 1]!,
      field: "target",
      message: `${at.zh}的成本指标合计 ${fmt(sum, 4)} ${unit}，仅为预算 ${budget} ${unit}的 ${pct}%（低于 ${ratio * 100}%）。`,
      messageEn: `${at.en}: cost targets add to ${fmt(sum, 4)} ${unit}, only ${pct}% of the budget ${budget} ${unit} (under ${ratio * 100}%).`,
    });
  },
};
