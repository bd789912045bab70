/**
 * The arithmetic of monitoring lights, exact (model/exact.ts), rounded to 2 decimals half away
 * from zero, and judged on the rounded value (what is printed is what is judged):
 *
 *   序时进度 (time elapsed)  t = month ÷ 12 × 100
 *   执行率                   r = 执行数 ÷ 预算数 × 100
 *   execution light value    v = (执行数 ÷ 预算数) ÷ (month ÷ 12) × 100 = 执行数 × 1200 ÷ (预算数 × month)
 *   indicator progress       p = actual ÷ target × 100 (正向, 等于) or target ÷ actual × 100 (反向)
 *   indicator light value    v = min(p, 100) ÷ (month ÷ 12)   (a target already met is met)
 *   light                    v < red → 红灯; red ≤ v < green → 黄灯; v ≥ green → 绿灯
 *
 * A negative actual counts as 0. A zero target of a 正向 row is met by anything (p = 100); a 反向
 * row with actual 0 is met (p = 100), and with target 0 and a positive actual is not (p = 0).
 */
import type { Nature, Operator } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import type { Light } from "./model.ts";
import type { LightThresholds } from "./policy.ts";

const HUNDRED = Exact.from(100);
const TWELVE_HUNDRED = Exact.from(1200);

/**
 * True when `month` is a whole month 1–12.
 * @example validMonth(7) // true
 */
export function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/**
 * 序时进度 in percent, 2 decimals.
 * @example timeProgress(7).toString() // "58.33"
 */
export function timeProgress(month: number): Exact {
  return Exact.from(month).times(HUNDRED).div(Exact.from(12), 2);
}

/**
 * The light of a value (percent) under thresholds.
 * @example lightOf(Exact.from(59.99), { red: 60, green: 80 }) // "red"
 * @example lightOf(Exact.from(80), { red: 60, green: 80 }) // "green"
 */
export function lightOf(value: Exact, thresholds: LightThresholds): Light {
  if (value.lt(Exact.from(thresholds.red))) return "red";
  if (value.lt(Exact.from(thresholds.green))) return "yellow";
  return "green";
}

/**
 * 执行率 in percent, 2 decimals; null when the budget is not positive.
 * @example executionRateToDate(Exact.from(3.5), Exact.from(7))?.toString() // "50"
 */
export function executionRateToDate(executed: Exact, budget: Exact): Exact | null {
  if (!budget.gt(Exact.ZERO)) return null;
  return executed.times(HUNDRED).div(budget, 2);
}

/**
 * The execution light value v = (执行数 ÷ 预算数) ÷ (month ÷ 12) × 100, 2 decimals; null when
 * the budget is not positive or the month is not 1–12.
 * @example executionValue(Exact.from(3.5), Exact.from(7), 7)?.toString() // "85.71"
 */
export function executionValue(executed: Exact, budget: Exact, month: number): Exact | null {
  if (!budget.gt(Exact.ZERO) || !validMonth(month)) return null;
  return executed.times(TWELVE_HUNDRED).div(budget.times(month), 2);
}

/** Which way progress is measured: 正向 and 等于 actual ÷ target, 反向 target ÷ actual. */
export function progressMode(nature: Nature, operator: Operator | null): "positive" | "reverse" {
  return nature === "反向" && operator !== "=" ? "reverse" : "positive";
}

/**
 * Progress toward the annual target in percent (actual ÷ target × 100, or target ÷ actual × 100
 * for 反向), 2 decimals. Target and actual are non-negative by then (a negative actual is 0).
 * @example indicatorProgress("正向", "≥", Exact.from(79), Exact.from(40)).toString() // "50.63"
 * @example indicatorProgress("反向", "≤", Exact.from(65), Exact.from(50)).toString() // "130"
 */
export function indicatorProgress(nature: Nature, operator: Operator | null, target: Exact, actual: Exact): Exact {
  const b = actual.isNegative() ? Exact.ZERO : actual;
  if (progressMode(nature, operator) === "positive") {
    if (target.isZero()) return HUNDRED;
    return b.times(HUNDRED).div(target, 2);
  }
  if (b.isZero()) return HUNDRED;
  return target.times(HUNDRED).div(b, 2);
}

/**
 * The indicator light value v = min(progress, 100) ÷ (month ÷ 12), from the unrounded progress,
 * 2 decimals; null when the month is not 1–12. A target already met counts as met (100%), so
 * the value never falls as the actual improves, and an actual of 0 on a 反向 row is the best.
 * @example indicatorValue("正向", "≥", Exact.from(79), Exact.from(40), 7)?.toString() // "86.8"
 */
export function indicatorValue(
  nature: Nature,
  operator: Operator | null,
  target: Exact,
  actual: Exact,
  month: number,
): Exact | null {
  if (!validMonth(month)) return null;
  const b = actual.isNegative() ? Exact.ZERO : actual;
  const m = Exact.from(month);
  const met = TWELVE_HUNDRED.div(m, 2);
  if (progressMode(nature, operator) === "positive") {
    if (b.gte(target)) return met;
    return b.times(TWELVE_HUNDRED).div(target.times(m), 2);
  }
  if (b.lte(target)) return met;
  return target.times(TWELVE_HUNDRED).div(b.times(m), 2);
}
