/**
 * Results application (issue 17 item 7): a policy maps a project's grade to next year's budget
 * advice — by default 优/好 → 优先保障 (priority), 良/较好 → 按需安排 (as needed), 中/一般 → 压减
 * 10% (reduce), 差 → 取消或暂停 (cancel) — with the advised amount computed exactly, and whether
 * a 整改 (rectification) task is due. Every entry is a setting.
 */
import { Exact } from "../model/exact.ts";
import { readNumber } from "../model/vocabulary/numbers.ts";

export type BudgetAction = "priority" | "as-needed" | "reduce" | "cancel";

/** What one grade leads to. */
export interface BudgetAdviceRule {
  action: BudgetAction;
  /** For "reduce": the share cut (0.1 = 10%). Ignored otherwise. */
  share?: number;
  /** Whether a 整改 task is created for the project. */
  rectify: boolean;
}

export interface BudgetAdvicePolicy {
  name: string;
  /** By grade label, for both label schemes (优/良/中/差 and 好/较好/一般/差). */
  grades: Record<string, BudgetAdviceRule>;
}

/** 优/好 priority, 良/较好 as needed, 中/一般 reduce by 10% with 整改, 差 cancel or pause with 整改. */
export const DEFAULT_BUDGET_ADVICE_POLICY: BudgetAdvicePolicy = {
  name: "default",
  grades: {
    优: { action: "priority", rectify: false },
    良: { action: "as-needed", rectify: false },
    中: { action: "reduce", share: 0.1, rectify: true },
    差: { action: "cancel", rectify: true },
    好: { action: "priority", rectify: false },
    较好: { action: "as-needed", rectify: false },
    一般: { action: "reduce", share: 0.1, rectify: true },
  },
};

export interface BudgetAdvice {
  action: BudgetAction;
  /** The share cut ("0.1"), "1" for cancel, null otherwise. */
  share: string | null;
  /** The advised next-year amount, exact, in the budget's unit. */
  amount: string;
  labelZh: string;
  labelEn: string;
  rectify: boolean;
}

function amountOf(budget: number | string): Exact {
  if (typeof budget === "number") {
    if (!Number.isFinite(budget)) throw new RangeError(`budgetAdvice: budget is not a finite number: ${budget}`);
    return Exact.from(budget);
  }
  const r = readNumber(budget);
  if (!r) throw new RangeError(`budgetAdvice: budget is not a number: ${JSON.stringify(budget)}`);
  return Exact.parse(r.text)!;
}

/**
 * The advice for a grade under a policy. A grade the policy does not know gets "as-needed" with
 * the budget unchanged, its label saying so. Throws RangeError on a budget that is not a number
 * (the caller validates input).
 * @example budgetAdvice("中", 100, DEFAULT_BUDGET_ADVICE_POLICY) // { action: "reduce", share: "0.1", amount: "90", labelZh: "压减 10%", labelEn: "Reduce by 10%", rectify: true }
 */
export function budgetAdvice(
  grade: string,
  budget: number | string,
  policy: BudgetAdvicePolicy = DEFAULT_BUDGET_ADVICE_POLICY,
): BudgetAdvice {
  const b = amountOf(budget);
  const rule = Object.hasOwn(policy.grades, grade) ? policy.grades[grade]! : null;
  if (!rule) {
    return {
      action: "as-needed",
      share: null,
      amount: b.toString(),
      labelZh: `等级“${grade}”无对应建议，按需安排`,
      labelEn: `No advice for grade "${grade}"; as needed`,
      rectify: false,
    };
  }
  switch (rule.action) {
    case "priority":
      return {
        action: "priority",
        share: null,
        amount: b.toString(),
        labelZh: "优先保障",
        labelEn: "Priority",
        rectify: rule.rectify,
      };
    case "as-needed":
      return {
        action: "as-needed",
        share: null,
        amount: b.toString(),
        labelZh: "按需安排",
        labelEn: "As needed",
        rectify: rule.rectify,
      };
    case "reduce": {
      const share = Exact.from(rule.share ?? 0);
      const pct = share.times(100).toString();
      return {
        action: "reduce",
        share: share.toString(),
        amount: b.times(Exact.from(1).minus(share)).toString(),
        labelZh: `压减 ${pct}%`,
        labelEn: `Reduce by ${pct}%`,
        rectify: rule.rectify,
      };
    }
    case "cancel":
      return {
        action: "cancel",
        share: "1",
        amount: "0",
        labelZh: "取消或暂停",
        labelEn: "Cancel or pause",
        rectify: rule.rectify,
      };
  }
}
