/**
 * A project's total (execution score + indicator part) and its grade: by default ≥ 90 优,
 * ≥ 80 良, ≥ 60 中, else 差 (thresholds are policy settings).
 */
import { Decimal } from "../model/money.ts";
import { compareFixed, fixedConstant } from "./fixed-point.ts";
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

/**
 * totalGrade of a total given in hundredths, without sorting or decimal.js: the highest threshold
 * the total meets (the first of equal ones), else the lowest (the last of equal ones) — what
 * totalGrade's stable sort picks. Undefined when a threshold is not a plain finite number.
 * @example totalGradeHundredths(8999, DEFAULT_SCORING_POLICY.grades) // "良"
 */
export function totalGradeHundredths(totalH: number, grades: readonly TotalGrade[]): string | undefined {
  let best: TotalGrade | undefined;
  let low: TotalGrade | undefined;
  for (const g of grades) {
    const m = typeof g.min === "number" ? fixedConstant(g.min) : null;
    const c = m && compareFixed(totalH, 2, m.n, m.s);
    if (c === null) return undefined;
    if (c >= 0 && (best === undefined || g.min > best.min)) best = g;
    if (low === undefined || g.min <= low.min) low = g;
  }
  return best ? best.grade : (low?.grade ?? "");
}
