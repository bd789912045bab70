import { inProject } from "./describe.ts";
import type { ProjectRule } from "./rule.ts";

/** A project whose 预算数 is zero, negative or missing. */
export const budgetNonPositive: ProjectRule = {
  code: "money.budget-non-positive",
  severity: "error",
  scope: "project",
  title: { zh: "预算数不为正数", en: "Budget not positive" },
  description: {
    zh: "项目预算数必须是正数。",
    en: "A project's budget (预算数) must be a positive number.",
  },
  example: "退休人员体检费 / 预算数 0.00。",
  check(ctx) {
    const b = ctx.project.budget;
    if (b > 0 && Number.isFinite(b)) return;
    const at = inProject(ctx);
    ctx.report({
      field: "budget",
      message: `${at.zh}的预算数为 ${b}，应为正数。`,
      messageEn: `${at.en} has budget ${b}; it must be positive.`,
    });
  },
};
