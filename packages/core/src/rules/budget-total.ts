import { fromFen, toFen } from "./cost-math.ts";
import { fmt } from "./describe.ts";
import type { DocumentRule } from "./rule.ts";

/** The projects' budgets do not add to the printed 合计. */
export const budgetTotal: DocumentRule = {
  code: "money.budget-total",
  severity: "error",
  scope: "document",
  title: { zh: "项目预算之和不等于合计", en: "Project budgets do not add to the total" },
  description: {
    zh: "部门表格的合计行应等于各项目预算数之和（精确到分）。",
    en: "The department's 合计 row must equal the sum of its projects' budgets (exactly).",
  },
  example: "4 个项目预算合计 240.15 万元，合计行印为 241.15。",
  checkDocument(ctx) {
    const total = ctx.doc.total;
    if (total === undefined || ctx.doc.projects.length === 0) return;
    const unit = ctx.doc.moneyUnit;
    let fen = 0;
    for (const p of ctx.doc.projects) if (Number.isFinite(p.budget)) fen += toFen(p.budget, unit);
    const totalFen = toFen(total, unit);
    if (fen === totalFen) return;
    const sum = fromFen(fen, unit);
    const diff = fromFen(fen - totalFen, unit);
    const dept = ctx.doc.department?.name ?? "";
    ctx.report({
      field: "total",
      message: `${dept}各项目预算数之和 ${fmt(sum, 4)} ${unit}，与合计 ${total} ${unit}不符（差 ${fmt(diff, 4)}）。`,
      messageEn: `${dept ? `${dept}: ` : ""}project budgets add to ${fmt(sum, 4)} ${unit}, the total row says ${total} ${unit} (difference ${fmt(diff, 4)}).`,
    });
  },
};
