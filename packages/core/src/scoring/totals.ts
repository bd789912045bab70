/**
 * A project's total (execution score + indicator part) and its grade: by default ≥ 90 优,
 * ≥ 80 良, ≥ 60 中, else 差 (thresholds are policy settings).
 */
import { Decimal } from "../model/money.ts";
import type { TotalGrade } from "./policy.ts";

/**
 * Total of a project's self-evaluation, 2 decimals.
 * @example projectTotal(9.29, 82.36).toString() // "91.65"
 */
export function projectTotal(executionScore: Decimal.Value, indicatorScore: Decimal.Value): Decimal {
  return new Decimal(executionScore).plus(indicatorScore).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * The grade a total reaches: the first threshold (highest first) it meets.
 * @example totalGrade(89.99, DEFAULT_SCORING_POLICY.grades) // "良"
 */
export function totalGrade(total: Decimal.Value, grades: readonly TotalGrade[]): string {
  const t = new Decimal(total);
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) if (t.gte(g.min)) return g.grade;
  return sorted[sorted.length - 1]?.grade ?? "";
}
