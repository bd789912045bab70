/**
 * Every review rule, in catalogue order (structure, value, weight, money, consistency).
 * docs/RULES.md is generated from this list (`npm run docs:rules`).
 */
import { budgetNonPositive } from "./budget-non-positive.ts";
import { budgetTotal } from "./budget-total.ts";
import { costBelowBudget } from "./cost-below-budget.ts";
import { costExceedsBudget } from "./cost-exceeds-budget.ts";
import { deadlineOutsideYear } from "./deadline-outside-year.ts";
import { directionContradiction } from "./direction-contradiction.ts";
import { duplicateIndicator } from "./duplicate-indicator.ts";
import { emptyCell } from "./empty-cell.ts";
import { emptyGoal } from "./empty-goal.ts";
import { goalCitesDocumentOnly } from "./goal-cites-document-only.ts";
import { goalNumberMismatch } from "./goal-number-mismatch.ts";
import { invalidLevel2 } from "./invalid-level2.ts";
import { layoutMismatch } from "./layout-mismatch.ts";
import { missingBenefit } from "./missing-benefit.ts";
import { missingCost } from "./missing-cost.ts";
import { missingOutput } from "./missing-output.ts";
import { missingSatisfaction } from "./missing-satisfaction.ts";
import { mixedLayout } from "./mixed-layout.ts";
import { operatorInTarget } from "./operator-in-target.ts";
import { percentOutOfRange } from "./percent-out-of-range.ts";
import { placeholder } from "./placeholder.ts";
import { qualitativeNumericTarget } from "./qualitative-numeric-target.ts";
import { qualitativeWithOperator } from "./qualitative-with-operator.ts";
import { quantitativeNoOperator } from "./quantitative-no-operator.ts";
import { quantitativeNoUnit } from "./quantitative-no-unit.ts";
import { quantitativeNonNumeric } from "./quantitative-non-numeric.ts";
import type { Rule } from "./rule.ts";
import { sameTextDifferentLevel2 } from "./same-text-different-level2.ts";
import { satisfactionNotPercent } from "./satisfaction-not-percent.ts";
import { tooFewIndicators } from "./too-few-indicators.ts";
import { unitCostVsBudget } from "./unit-cost-vs-budget.ts";
import { unknownLevel1 } from "./unknown-level1.ts";
import { vagueTarget } from "./vague-target.ts";
import { weightLevel1Split } from "./weight-level1-split.ts";
import { weightNonPositive } from "./weight-non-positive.ts";
import { weightNotPrinted } from "./weight-not-printed.ts";
import { weightSum } from "./weight-sum.ts";

export const RULES: readonly Rule[] = [
  // structure
  missingOutput,
  missingBenefit,
  missingSatisfaction,
  missingCost,
  unknownLevel1,
  invalidLevel2,
  layoutMismatch,
  mixedLayout,
  emptyGoal,
  emptyCell,
  placeholder,
  duplicateIndicator,
  tooFewIndicators,
  // values
  qualitativeWithOperator,
  qualitativeNumericTarget,
  quantitativeNonNumeric,
  quantitativeNoUnit,
  quantitativeNoOperator,
  directionContradiction,
  operatorInTarget,
  percentOutOfRange,
  vagueTarget,
  satisfactionNotPercent,
  // weights
  weightNotPrinted,
  weightNonPositive,
  weightSum,
  weightLevel1Split,
  // money
  budgetNonPositive,
  costExceedsBudget,
  costBelowBudget,
  unitCostVsBudget,
  budgetTotal,
  // consistency
  goalNumberMismatch,
  deadlineOutsideYear,
  goalCitesDocumentOnly,
  sameTextDifferentLevel2,
];

/**
 * The rule with a code, or undefined.
 * @example ruleByCode("weight.sum")?.severity // "error"
 */
export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
