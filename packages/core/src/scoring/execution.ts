/**
 * 预算执行率 and its score. Rate = executed ÷ budget × 100, a percentage rounded to 2 decimals;
 * linear score = min(rate, 100) ÷ 100 × execution weight, 2 decimals; stepped policies award
 * the points of the first step the (rounded) rate reaches. Over-execution (> 100%) scores as 100%.
 */
import { Exact } from "../model/exact.ts";
import type { ExecutionPolicy } from "./policy.ts";

const HUNDRED = Exact.from(100);

/**
 * Execution rate in percent, 2 decimals; null when the budget is not positive.
 * @example executionRate(Exact.from(6.5), Exact.from(7))?.toString() // "92.86"
 */
export function executionRate(executed: Exact, budget: Exact): Exact | null {
  if (!budget.gt(Exact.ZERO)) return null;
  return executed.times(HUNDRED).div(budget, 2);
}

/**
 * Execution score from a rate (percent) under a policy, 2 decimals.
 * @example executionScore(Exact.from(92.86), DEFAULT_SCORING_POLICY.execution).toString() // "9.29"
 * @example executionScore(Exact.from(92.86), EXECUTION_STEPS_SCORING_POLICY.execution).toString() // "7"
 */
export function executionScore(rate: Exact, policy: ExecutionPolicy): Exact {
  const capped = Exact.max(Exact.ZERO, Exact.min(rate, HUNDRED));
  const weight = Exact.from(policy.weight);
  if (policy.steps && policy.steps.length > 0) {
    const steps = [...policy.steps].sort((x, y) => y.minRate - x.minRate);
    const step = steps.find((s) => capped.gte(Exact.from(s.minRate)));
    return Exact.min(Exact.from(step ? step.points : 0), weight).round(2);
  }
  return capped.times(weight).div(HUNDRED, 2);
}
