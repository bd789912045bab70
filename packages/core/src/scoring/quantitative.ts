/**
 * Scoring of a quantitative (正向/反向) indicator from its target A and actual B (DOMAIN.md §4):
 * - 正向, and 等于 with a non-zero target: B ≥ A → weight; else weight × B ÷ A.
 * - 反向: B ≤ A → weight; A < B < 2A → weight × (1 − (B − A) ÷ A); B ≥ 2A → 0.
 * - Target 0: 正向 full (B ≥ 0 always holds once negatives count as 0); 反向 full if B ≤ 0;
 *   等于 full if B = 0; otherwise 0.
 * - A negative actual counts as 0. The score is rounded to 2 decimals half away from zero and
 *   never exceeds the weight.
 * Policy switches, each off unless given: `zeroTarget: "actual-zero-only"` (a 正向 target 0 is full
 * only for B = 0) and `overAchievement: { ratio: r, mode: "deduct" }` (a 正向 B > r × A > 0 loses
 * weight × (B − r × A) ÷ A, never below 0).
 */
import type { Operator } from "../model/document.ts";
import { Exact } from "../model/exact.ts";
import type { OverAchievementPolicy, ZeroTargetRule } from "./policy.ts";
import { text } from "./working-text.ts";

export interface QuantitativeInput {
  nature: "正向" | "反向";
  operator: Operator | null;
  /** Target A, non-negative, in the indicator's unit. */
  target: Exact;
  /** Actual B in the indicator's unit. */
  actual: Exact;
  weight: Exact;
  /** Switch (absent: "any-nonnegative"). */
  zeroTarget?: ZeroTargetRule;
  /** Switch: applied only when its mode is "deduct". */
  overAchievement?: OverAchievementPolicy;
}

export interface QuantitativeScore {
  /** Rounded to 2 decimals. */
  score: Exact;
  /** The arithmetic, for the 自评表 and for auditors. */
  working: string;
}

/** Which formula a quantitative indicator is scored by. */
export function quantitativeMode(nature: "正向" | "反向", operator: Operator | null): "positive" | "reverse" | "equal" {
  if (operator === "=") return "equal";
  return nature === "反向" ? "reverse" : "positive";
}

const TWO = Exact.from(2);

/**
 * Scores one quantitative indicator.
 * @example scoreQuantitative({ nature: "正向", operator: "≥", target: Exact.from(70), actual: Exact.from(65), weight: Exact.from(9) }).score.toString() // "8.36"
 * @example scoreQuantitative({ nature: "反向", operator: "≤", target: Exact.from(10), actual: Exact.from(12), weight: Exact.from(5) }).score.toString() // "4"
 */
export function scoreQuantitative(input: QuantitativeInput): QuantitativeScore {
  const { weight: w, target: a, actual: raw } = input;
  const negative = raw.isNegative();
  const b = negative ? Exact.ZERO : raw;
  const mode = quantitativeMode(input.nature, input.operator);
  let score: Exact;
  let working: string;
  if (a.isZero()) {
    const full = (mode === "positive" && input.zeroTarget !== "actual-zero-only") || b.isZero();
    score = full ? w : Exact.ZERO;
    working = full ? text("A = 0, B = ", b, " → ", w) : text("A = 0, B = ", b, " > 0 → 0");
  } else if (mode === "reverse") {
    const twoA = a.times(TWO);
    if (b.lte(a)) {
      score = w;
      working = text(b, " ≤ ", a, " → ", w);
    } else if (b.gte(twoA)) {
      score = Exact.ZERO;
      working = text(b, " ≥ 2 × ", a, " → 0");
    } else {
      // w × (1 − (B − A)/A) = w × (2A − B) / A, multiplied before dividing.
      score = w.times(twoA.minus(b)).div(a, 2);
      working = text(w, " × (1 − (", b, " − ", a, ") ÷ ", a, ") = ", score);
    }
  } else if (b.gte(a)) {
    const over = input.overAchievement;
    const limit = over?.mode === "deduct" && input.nature === "正向" ? a.times(over.ratio) : null;
    if (limit && b.gt(limit)) {
      // w × (1 − (B − rA)/A) = w × (A + rA − B) / A, multiplied before dividing.
      score = Exact.max(Exact.ZERO, w.times(a.plus(limit).minus(b)).div(a, 2));
      working = text(w, " × (1 − (", b, " − ", limit, ") ÷ ", a, ") = ", score);
    } else {
      score = w;
      working = text(b, " ≥ ", a, " → ", w);
    }
  } else {
    score = w.times(b).div(a, 2);
    working = text(w, " × ", b, " ÷ ", a, " = ", score);
  }
  score = Exact.max(Exact.ZERO, Exact.min(score, w));
  return { score: score.round(2), working: negative ? text("B = ", raw, " < 0 → 0; ", working) : working };
}
