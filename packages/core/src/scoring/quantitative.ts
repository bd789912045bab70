/**
 * Scoring of a quantitative (正向/反向) indicator from its target A and actual B (DOMAIN.md §4):
 * - 正向, and 等于 with a non-zero target: B ≥ A → weight; else weight × B ÷ A.
 * - 反向: B ≤ A → weight; A < B < 2A → weight × (1 − (B − A) ÷ A); B ≥ 2A → 0.
 * - Target 0: 正向 full (B ≥ 0 always holds once negatives count as 0); 反向 full if B ≤ 0;
 *   等于 full if B = 0; otherwise 0.
 * - A negative actual counts as 0. The score is rounded to 2 decimals half away from zero and
 *   never exceeds the weight.
 */
import type { Operator } from "../model/document.ts";
import { Decimal } from "../model/money.ts";
import { divRound, type Fixed, fixedText, hundredthsOf, mul, pow10 } from "./fixed-point.ts";

export interface QuantitativeInput {
  nature: "正向" | "反向";
  operator: Operator | null;
  /** Target A, non-negative, in the indicator's unit. */
  target: Decimal.Value;
  /** Actual B in the indicator's unit. */
  actual: Decimal.Value;
  weight: Decimal.Value;
}

export interface QuantitativeScore {
  /** Rounded to 2 decimals. */
  score: Decimal;
  /** The arithmetic, for the 自评表 and for auditors. */
  working: string;
}

/** Which formula a quantitative indicator is scored by. */
export function quantitativeMode(nature: "正向" | "反向", operator: Operator | null): "positive" | "reverse" | "equal" {
  if (operator === "=") return "equal";
  return nature === "反向" ? "reverse" : "positive";
}

const r2 = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const fmt = (d: Decimal): string => d.toString();

/**
 * Scores one quantitative indicator.
 * @example scoreQuantitative({ nature: "正向", operator: "≥", target: 70, actual: 65, weight: 9 }).score.toString() // "8.36"
 * @example scoreQuantitative({ nature: "反向", operator: "≤", target: 10, actual: 12, weight: 5 }).score.toString() // "4"
 */
export function scoreQuantitative(input: QuantitativeInput): QuantitativeScore {
  const w = new Decimal(input.weight);
  const a = new Decimal(input.target);
  const raw = new Decimal(input.actual);
  const b = raw.isNegative() ? new Decimal(0) : raw;
  const pre = raw.isNegative() ? `B = ${fmt(raw)} < 0 → 0; ` : "";
  const mode = quantitativeMode(input.nature, input.operator);
  let score: Decimal;
  let working: string;
  if (a.isZero()) {
    const full = mode === "positive" || b.isZero();
    score = full ? w : new Decimal(0);
    working = full ? `A = 0, B = ${fmt(b)} → ${fmt(w)}` : `A = 0, B = ${fmt(b)} > 0 → 0`;
  } else if (mode === "reverse") {
    if (b.lte(a)) {
      score = w;
      working = `${fmt(b)} ≤ ${fmt(a)} → ${fmt(w)}`;
    } else if (b.gte(a.times(2))) {
      score = new Decimal(0);
      working = `${fmt(b)} ≥ 2 × ${fmt(a)} → 0`;
    } else {
      // w × (1 − (B − A)/A) = w × (2A − B) / A, multiplied before dividing.
      score = r2(w.times(a.times(2).minus(b)).div(a));
      working = `${fmt(w)} × (1 − (${fmt(b)} − ${fmt(a)}) ÷ ${fmt(a)}) = ${fmt(score)}`;
    }
  } else if (b.gte(a)) {
    score = w;
    working = `${fmt(b)} ≥ ${fmt(a)} → ${fmt(w)}`;
  } else {
    score = r2(w.times(b).div(a));
    working = `${fmt(w)} × ${fmt(b)} ÷ ${fmt(a)} = ${fmt(score)}`;
  }
  score = Decimal.max(0, Decimal.min(score, w));
  return { score: r2(score), working: pre + working };
}

/**
 * The same rules as scoreQuantitative on safe-integer decimals: the score in hundredths and the
 * identical working; null when an intermediate does not fit (use scoreQuantitative then). With
 * `withWorking` false the working is "" and its text is not built (the score is the same).
 * @example scoreQuantitativeFixed("正向", "≥", { n: 70, s: 0 }, { n: 65, s: 0 }, { n: 9, s: 0 })?.hundredths // 836
 */
export function scoreQuantitativeFixed(
  nature: "正向" | "反向",
  operator: Operator | null,
  target: Fixed,
  actual: Fixed,
  weight: Fixed,
  withWorking = true,
): { hundredths: number; working: string } | null {
  if (target.n < 0 || weight.n < 0) return null;
  const wH = hundredthsOf(weight);
  if (wH === null) return null;
  const b: Fixed = actual.n < 0 ? { n: 0, s: 0 } : actual;
  const mode = quantitativeMode(nature, operator);
  let h: number;
  /** Which line of the working: 0 A = 0 full, 1 A = 0 zero, 2 ≤, 3 ≥ 2A, 4 reverse formula, 5 ≥, 6 formula. */
  let line: number;
  if (target.n === 0) {
    const full = mode === "positive" || b.n === 0;
    h = full ? wH : 0;
    line = full ? 0 : 1;
  } else {
    // align(target, b) without the tuple.
    const sc = Math.max(target.s, b.s);
    const a = mul(target.n, pow10(sc - target.s));
    const bb = mul(b.n, pow10(sc - b.s));
    if (a === null || bb === null) return null;
    const den = mul(a, pow10(weight.s));
    if (den === null) return null;
    if (mode === "reverse") {
      if (bb <= a) {
        h = wH;
        line = 2;
      } else if (bb >= (mul(a, 2) ?? Number.POSITIVE_INFINITY)) {
        h = 0;
        line = 3;
      } else {
        const num = mul(weight.n, (mul(a, 2) ?? Number.NaN) - bb, 100);
        if (num === null) return null;
        h = divRound(num, den);
        line = 4;
      }
    } else if (bb >= a) {
      h = wH;
      line = 5;
    } else {
      const num = mul(weight.n, bb, 100);
      if (num === null) return null;
      h = divRound(num, den);
      line = 6;
    }
  }
  const hundredths = Math.max(0, Math.min(h, wH));
  if (!withWorking) return { hundredths, working: "" };
  const pre = actual.n < 0 ? `B = ${fixedText(actual)} < 0 → 0; ` : "";
  const wT = fixedText(weight);
  const bT = fixedText(b);
  const aT = line > 1 ? fixedText(target) : "";
  const hT = line === 4 || line === 6 ? fixedText({ n: h, s: 2 }) : "";
  const working =
    line === 0
      ? `A = 0, B = ${bT} → ${wT}`
      : line === 1
        ? `A = 0, B = ${bT} > 0 → 0`
        : line === 2
          ? `${bT} ≤ ${aT} → ${wT}`
          : line === 3
            ? `${bT} ≥ 2 × ${aT} → 0`
            : line === 4
              ? `${wT} × (1 − (${bT} − ${aT}) ÷ ${aT}) = ${hT}`
              : line === 5
                ? `${bT} ≥ ${aT} → ${wT}`
                : `${wT} × ${bT} ÷ ${aT} = ${hT}`;
  return { hundredths, working: pre + working };
}
