/**
 * 指标性质 in every spelling: 定性/定量/正向/反向, 正向指标/反向指标, 定量正向, 越大越好/越小越好,
 * 指标值类型 定量/定性 — and the nature inferred from the operator and the target when a table
 * prints none (or prints only 定量, which does not say which way is better).
 */
import type { Nature, Operator } from "../document.ts";
import { parseTargetCell, type TargetCell } from "./cell-grammar.ts";
import { isReverseOperator } from "./operators.ts";

/** A printed nature: one of the three, or 定量 (quantitative, direction not printed). */
export type NatureWord = Nature | "定量";

const NATURE_WORDS: ReadonlyMap<string, NatureWord> = new Map<string, NatureWord>([
  ["定性", "定性"],
  ["定性指标", "定性"],
  ["定性类", "定性"],
  ["定量", "定量"],
  ["定量指标", "定量"],
  ["定量类", "定量"],
  ["正向", "正向"],
  ["正向指标", "正向"],
  ["正向型", "正向"],
  ["定量正向", "正向"],
  ["定量正向指标", "正向"],
  ["越大越好", "正向"],
  ["越高越好", "正向"],
  ["越多越好", "正向"],
  ["反向", "反向"],
  ["反向指标", "反向"],
  ["反向型", "反向"],
  ["定量反向", "反向"],
  ["定量反向指标", "反向"],
  ["越小越好", "反向"],
  ["越低越好", "反向"],
  ["越少越好", "反向"],
]);

/** Every nature spelling the vocabulary knows. */
export function natureSpellings(): string[] {
  return [...NATURE_WORDS.keys()];
}

/**
 * Parses a 指标性质 / 指标方向性 / 指标值类型 cell; null when the cell is not a nature.
 * @example parseNatureWord("正向指标") // "正向"
 * @example parseNatureWord("定量") // "定量"
 */
export function parseNatureWord(text: string): NatureWord | null {
  const c = text.charCodeAt(0);
  // Every spelling starts with 定, 正, 反 or 越 (or a space): skip the lookup for everything else.
  if (c !== 0x5b9a && c !== 0x6b63 && c !== 0x53cd && c !== 0x8d8a && c > 32 && c !== 0x3000) return null;
  const t = /[\s\u3000\u00a0]/.test(text) ? text.replace(/[\s\u3000\u00a0]+/g, "") : text;
  return NATURE_WORDS.get(t) ?? null;
}

/** A nature and how it was arrived at. */
export interface ResolvedNature {
  nature: Nature;
  /** False when printed as is; true when inferred (nothing printed, or 定量 without a direction). */
  inferred: boolean;
  /** Why, in words a reviewer reads (zh and en), when inferred. */
  reason?: { zh: string; en: string };
}

/**
 * The nature when the table prints none: ≤ or < → 反向; a number with ≥, =, > or no
 * operator → 正向; text (a date, a word, nothing) → 定性. `quantitative` (a printed 定量)
 * forces 正向/反向 even when the target is not a number.
 * @example inferNature("≤", "65") // { nature: "反向", inferred: true, reason: … }
 * @example inferNature(null, parseTargetCell("有效保障")).nature // "定性"
 * @example inferNature(null, "≥95%").nature // "正向"
 */
export function inferNature(
  operator: Operator | null,
  targetCell: string | Pick<TargetCell, "number" | "operator">,
  quantitative = false,
): ResolvedNature {
  const target = typeof targetCell === "string" ? parseTargetCell(targetCell) : targetCell;
  const op = operator ?? target.operator;
  if (target.number === null && !quantitative) {
    return {
      nature: "定性",
      inferred: true,
      reason: { zh: "目标值不是数字，推定为定性", en: "the target is not a number; inferred 定性" },
    };
  }
  if (isReverseOperator(op)) {
    return {
      nature: "反向",
      inferred: true,
      reason: { zh: `指标方向为${op}，推定为反向`, en: `operator ${op}; inferred 反向` },
    };
  }
  return {
    nature: "正向",
    inferred: true,
    reason: op
      ? { zh: `指标方向为${op}，推定为正向`, en: `operator ${op}; inferred 正向` }
      : { zh: "目标值为数字且无指标方向，推定为正向", en: "a numeric target with no operator; inferred 正向" },
  };
}

/**
 * The nature of a row from what it prints: the nature word when it is one of the three,
 * else inferred (see inferNature), with 定量 keeping the row quantitative.
 * @example resolveNature("定量", "≤", parseTargetCell("65")) // { nature: "反向", inferred: true, … }
 * @example resolveNature("正向指标", "≥", parseTargetCell("95%")) // { nature: "正向", inferred: false }
 */
export function resolveNature(
  printed: string | NatureWord | null,
  operator: Operator | null,
  target: string | Pick<TargetCell, "number" | "operator">,
): ResolvedNature {
  const word = printed ? parseNatureWord(printed) : null;
  if (word && word !== "定量") return { nature: word, inferred: false };
  return inferNature(operator, target, word === "定量");
}
