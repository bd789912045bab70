/**
 * 预算执行率 and its score. Rate = executed ÷ budget × 100, a percentage rounded to 2 decimals;
 * linear score = min(rate, 100) ÷ 100 × execution weight, 2 decimals; stepped policies award
 * the points of the first step the (rounded) rate reaches. Over-execution (> 100%) scores as 100%.
 */
import { Decimal } from "../model/money.ts";
import { divRound, fixedConstant, fixedFrom, mul, pow10 } from "./fixed-point.ts";
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

/**
 * executionRate in hundredths of a percent on safe integers, without decimal.js: null when the
 * budget is not positive (as executionRate), undefined when the fast path cannot vouch for the
 * identical result (use executionRate). decimal.js divides to 20 significant digits before
 * rounding to 2 decimals; with a rate below 10^6 % and a denominator below 10^12 the exact
 * quotient lies at least 1 ÷ (200 × denominator) from any half-hundredth, farther than that
 * first rounding can move it, so rounding once gives decimal.js's answer.
 * @example executionRateHundredths(6.5, 7) // 9286
 */
export function executionRateHundredths(executed: number, budget: number): number | null | undefined {
  const b = fixedFrom(budget);
  if (b === null) return undefined;
  if (b.n <= 0) return null;
  const e = fixedFrom(executed);
  if (e === null || b.s + 4 > 15) return undefined;
  const num = mul(e.n, pow10(b.s + 4));
  const den = mul(b.n, pow10(e.s));
  if (num === null || den === null || den >= 1e12) return undefined;
  const h = divRound(num, den);
  return Math.abs(h) < 1e8 ? h : undefined;
}

/**
 * executionScore of a rate given in hundredths, as hundredths of a point, for linear policies;
 * undefined for stepped policies or when something does not fit (use executionScore).
 * @example executionScoreHundredths(9286, DEFAULT_SCORING_POLICY.execution) // 929
 */
export function executionScoreHundredths(rateH: number, policy: ExecutionPolicy): number | undefined {
  if (policy.steps && policy.steps.length > 0) return undefined;
  const w = fixedConstant(policy.weight);
  if (w === null || w.s > 13) return undefined;
  const capped = Math.max(0, Math.min(rateH, 10000));
  const num = mul(capped, w.n);
  return num === null ? undefined : divRound(num, pow10(w.s + 2));
}
