import type { DocumentRule } from "./rule.ts";

/**
 * A table that prints no weights at all (no 分值/权重 column): said once for the document,
 * instead of one "weight not positive" per row. Weight totals cannot be checked, and a
 * self-evaluation needs the weights filled in first.
 */
export const weightNotPrinted: DocumentRule = {
  code: "weight.not-printed",
  severity: "warning",
  scope: "document",
  title: { zh: "表格未列出分值", en: "The table prints no weights" },
  description: {
    zh: "整张表格没有分值（权重）一栏，或所有指标的分值都空着：无法检查分值合计和一级指标分配，自评打分前须补充各指标分值。",
    en: "The table has no weight (分值/权重) column, or every indicator's weight is empty: weight totals and the first-level split cannot be checked, and weights must be filled in before a self-evaluation is scored.",
  },
  example: "一张只有「指标值」没有「分值」列的项目支出绩效目标表。",
  checkDocument(ctx) {
    if (ctx.weightsPrinted) return;
    let n = 0;
    for (const p of ctx.doc.projects) n += p.indicators.length;
    ctx.report({
      field: "weight",
      message: `表格未列出分值：${n} 个指标都没有分值，无法检查分值合计；自评打分前请补充分值。`,
      messageEn: `The table prints no weights: none of its ${n} indicators has one, so weight totals cannot be checked; fill them in before scoring a self-evaluation.`,
    });
  },
};
