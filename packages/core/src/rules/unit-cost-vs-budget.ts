import { absoluteCosts, fromFen, toFen, unitCostGroups, unitCostRange } from "./cost-math.ts";
import { fmt, inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** Unit cost × quantity (元/人 × 人, 元/年 × 人) cannot be reconciled with the budget. */
export const unitCostVsBudget: ProjectRule = {
  code: "money.unit-cost-vs-budget",
  severity: "warning",
  scope: "project",
  title: { zh: "单位成本×数量与预算不符", en: "Unit cost × quantity does not match the budget" },
  description: {
    zh: "把单位成本指标（元/人、元/年……）乘以对应的数量指标（人、户……），与项目预算数比较：即使按最宽松的理解（全部数量相加，再加上以万元计的成本指标）仍明显低于预算，或按最严格的理解（每个标准只乘最小的数量）仍明显高于预算（容差默认 1%）。配对不确定时不判断。",
    en: "Multiplies unit costs (元/人, 元/年…) by their quantities (人, 户…) and compares with the budget: flags when even the most generous reading (all quantities summed, plus absolute cost rows) falls clearly short, or the strictest (each rate × its smallest quantity) clearly exceeds it (1% tolerance by default). Skipped when the pairing is uncertain.",
  },
  example: "劳模津贴：6000 元/年 × 15 人 + 3600 元/年 × 154 人 + 720 元/年 × 802 人 = 122.18 万元，预算 128.85 万元。",
  check(ctx) {
    const budget = ctx.project.budget;
    if (!(budget > 0)) return;
    const groups = unitCostGroups(ctx.facts);
    if (groups === null || groups.length === 0) return;
    const unit = ctx.doc.moneyUnit;
    const { low, high: unitHigh } = unitCostRange(ctx.facts, groups);
    const { fen: absolute } = absoluteCosts(ctx);
    const high = unitHigh + absolute;
    const tol = ctx.policy.moneyTolerance;
    const budgetFen = toFen(budget, unit);
    const describe = (): string =>
      groups
        .map((g) => {
          const rate = ctx.indicators[g.row]!;
          const qty = g.quantities.map((q) => ctx.facts[q]!.num!);
          const qtySum = qty.reduce((a, b) => a + b, 0);
          return `${rate.target}${rate.unit ?? ""} × ${qty.length > 1 ? `(${qty.join("+")})` : qtySum}${ctx.indicators[g.quantities[0]!]!.unit ?? ""}`;
        })
        .join(" + ");
    const last = groups[groups.length - 1]!.row;
    if (high < budgetFen * (1 - tol)) {
      const at = inProject(ctx);
      const parts = describe();
      const extra = absolute > 0 ? ` + ${fmt(fromFen(absolute, unit), 4)} ${unit}` : "";
      ctx.report({
        indicatorIndex: last,
        field: "target",
        message: `${at.zh}的单位成本×数量 ${parts}${extra} = ${fmt(fromFen(high, unit))} ${unit}，少于预算 ${budget} ${unit}。`,
        messageEn: `${at.en}: unit cost × quantity ${parts}${extra} = ${fmt(fromFen(high, unit))} ${unit}, short of the budget ${budget} ${unit}.`,
      });
    } else if (low > budgetFen * (1 + tol)) {
      const at = inProject(ctx);
      const parts = describe();
      ctx.report({
        indicatorIndex: last,
        field: "target",
        message: `${at.zh}的单位成本×数量至少 ${fmt(fromFen(low, unit))} ${unit}（${parts}），超过预算 ${budget} ${unit}。`,
        messageEn: `${at.en}: unit cost × quantity is at least ${fmt(fromFen(low, unit))} ${unit} (${parts}), over the budget ${budget} ${unit}.`,
      });
    }
  },
};
