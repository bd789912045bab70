/**
 * 预算执行率 and its score. Rate = executed ÷ budget × 100, a percentage rounded to 2 decimals;
 * linear score = min(rate, 100) ÷ 100 × execution weight, 2 decimals; stepped policies award
 * the points of the first step the (rounded) rate reaches. Over-execution (> 100%) scores as 100%,
 * unless the policy's `capRate` switch is false: then it scores as 200% − rate (never below 0).
 */
import { Exact } from "../model/exact.ts";
import type { ExecutionPolicy } from "./policy.ts";

const HUNDRED = Exact.from(100);
const TWO_HUNDRED = Exact.from(200);

/**
 * The rate execution is scored at, in percent, between 0 and 100: the rate capped at 100% (the
 * default), or with `capRate: false` an over-execution mirrored below 100% (200% − rate).
 * @example scoredRate(Exact.from(120), { weight: 10, allowOverExecution: true, capRate: false }).toString() // "80"
 */
export function scoredRate(rate: Exact, policy: ExecutionPolicy): Exact {
  const over = policy.capRate === false && rate.gt(HUNDRED) ? TWO_HUNDRED.minus(rate) : rate;
  return Exact.max(Exact.ZERO, Exact.min(over, HUNDRED));
}

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
 * @example executionScore(Exact.from(120), { weight: 10, allowOverExecution: true, capRate: false }).toString() // "8"
 */
export function executionScore(rate: Exact, policy: ExecutionPolicy): Exact {
  const capped = scoredRate(rate, policy);
  const weight = Exact.from(policy.weight);
  if (policy.steps && policy.steps.length > 0) {
    const steps = [...policy.steps].sort((x, y) => y.minRate - x.minRate);
    const step = steps.find((s) => capped.gte(Exact.from(s.minRate)));
    return Exact.min(Exact.from(step ? step.points : 0), weight).round(2);
  }
  return capped.times(weight).div(HUNDRED, 2);
}
