/**
 * 预算执行率 and its score. Rate = executed ÷ budget × 100, a percentage rounded to 2 decimals;
 * linear score = min(rate, 100) ÷ 100 × execution weight, 2 decimals; stepped policies award
 * the points of the first step the (rounded) rate reaches. Over-execution (> 100%) scores as 100%.
 */
import { Decimal } from "../model/money.ts";
import type { ExecutionPolicy } from "./policy.ts";

const r2 = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * Execution rate in percent, 2 decimals; null when the budget is not positive.
 * @example executionRate(6.5, 7)?.toString() // "92.86"
 */
export function executionRate(executed: Decimal.Value, budget: Decimal.Value): Decimal | null {
  const b = new Decimal(budget);
  if (!b.isPositive() || b.isZero()) return null;
  return r2(new Decimal(executed).times(100).div(b));
}

/**
 * Execution score from a rate (percent) under a policy, 2 decimals.
 * @example executionScore(new Decimal("92.86"), DEFAULT_SCORING_POLICY.execution).toString() // "9.29"
 * @example executionScore(new Decimal("92.86"), EXECUTION_STEPS_SCORING_POLICY.execution).toString() // "7"
 */
export function executionScore(rate: Decimal.Value, policy: ExecutionPolicy): Decimal {
  const capped = Decimal.max(0, Decimal.min(new Decimal(rate), 100));
  if (policy.steps && policy.steps.length > 0) {
    const steps = [...policy.steps].sort((x, y) => y.minRate - x.minRate);
    const step = steps.find((s) => capped.gte(s.minRate));
    return r2(Decimal.min(new Decimal(step ? step.points : 0), policy.weight));
  }
  return r2(capped.times(policy.weight).div(100));
}
