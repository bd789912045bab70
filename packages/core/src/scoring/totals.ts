/**
 * A project's total (execution score + indicator part) and its grade: by default ≥ 90 优,
 * ≥ 80 良, ≥ 60 中, else 差 (thresholds are policy settings).
 */
import { Exact } from "../model/exact.ts";
import type { TotalGrade } from "./policy.ts";

/**
 * Total of a project's self-evaluation, 2 decimals.
 * @example projectTotal(Exact.from(9.29), Exact.from(82.36)).toString() // "91.65"
 */
export function projectTotal(executionScore: Exact, indicatorScore: Exact): Exact {
  return executionScore.plus(indicatorScore).round(2);
}

/**
 * The grade a total reaches: the highest threshold it meets (the first of equal ones), else the
 * lowest threshold's grade (the last of equal ones); thresholds in any order.
 * @example totalGrade(Exact.from(89.99), DEFAULT_SCORING_POLICY.grades) // "良"
 */
export function totalGrade(total: Exact, grades: readonly TotalGrade[]): string {
  let best: TotalGrade | undefined;
  let low: TotalGrade | undefined;
  for (const g of grades) {
    if (total.gte(Exact.from(g.min)) && (best === undefined || g.min > best.min)) best = g;
    if (low === undefined || g.min <= low.min) low = g;
  }
  return best ? best.grade : (low?.grade ?? "");
}
